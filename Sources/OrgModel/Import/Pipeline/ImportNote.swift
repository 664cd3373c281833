import Foundation
import OrgSupport

/// A decision an import made on the user's behalf, with its arguments.
public enum ImportNote: Sendable, Hashable {
    case readAsWindows1252(file: String)
    /// Posts of grades the mapping's tiers table lacks, made front-line posts.
    case gradesWithoutTier(posts: Int, grades: [String])
    /// Organogram senior posts of grades the tier table lacks, left without a tier.
    case seniorGradesWithoutTier(posts: Int, grades: [String])
    /// Tiers table grades no row has, each with the grade it most likely meant.
    case unusedTiers(grades: [UnusedGrade])
    case unnamedColumns(file: String, columns: [Int])
    case dropped(columns: [String])
    /// Job shares kept; `costSummed` says the extract's sentence (FTE and cost summed).
    case jobShares(ids: [PostID], costSummed: Bool)
    case placeholder(column: String, reference: String, ids: [PostID])
    /// Rows whose manager's reference matched only in another form, by kind of row.
    case matchedInAnotherForm(rows: [RowCount], matching: IDMatching, examples: [String])
    /// Rows that repeat an earlier row exactly, and what became of them.
    case repeatedRows(rows: RowCount, fte: Double?, first: SourceLocation, outcome: RepeatOutcome)
    case effectiveFromFileName(day: Day, file: String)
    case severalTops(reportToMarker: [PostID], reportToThemselves: [PostID], root: PostID, title: String)
    case selfReportingTop(id: PostID, location: SourceLocation)
    /// An Eliminated row left out; the posts and junior lines under it moved up to `to`.
    case eliminated(id: PostID, location: SourceLocation, movedPosts: Int, movedLines: Int, to: PostID?)
    case eliminatedButHeld(rows: [PostID], lines: [Int], file: String)
    case costEstimate(posts: Int, without: Int)
    case fractionalLines(Int)

    /// A number of rows of one kind: `3 junior lines`.
    public struct RowCount: Sendable, Hashable {
        public var count: Int
        public var noun: String
        public init(_ count: Int, _ noun: String) {
            self.count = count
            self.noun = noun
        }
        var text: String { Plural.count(count, noun) }
    }

    public struct UnusedGrade: Sendable, Hashable {
        public var grade: String
        public var meant: String?
        public init(grade: String, meant: String?) {
            self.grade = grade
            self.meant = meant
        }
    }

    public enum RepeatOutcome: Sendable, Hashable {
        /// Each kept as a line of its own.
        case ownLines
        /// Read as holders of one job share.
        case jobShares
    }

    var english: String {
        switch self {
        case .readAsWindows1252(let file): "read \(file) as Windows-1252: it is not valid UTF-8"
        case .gradesWithoutTier(let posts, let grades):
            "\(posts) post\(posts == 1 ? " has a grade" : "s have grades") the tiers table does not list (\(ImportEnglish.firstSix(grades))): no tier, as front-line posts"
        case .seniorGradesWithoutTier(let posts, let grades):
            "\(posts) senior post\(posts == 1 ? " has a grade" : "s have grades") the tier table does not list (\(ImportEnglish.firstSix(grades))): no tier; give a tiers: table with --map"
        case .unusedTiers(let grades):
            "the tiers table lists \(grades.count == 1 ? "a grade" : "grades") no row has: "
                + ImportEnglish.firstSix(grades.map { grade in grade.meant.map { "\(grade.grade) (did you mean \($0)?)" } ?? grade.grade })
        case .unnamedColumns(let file, let columns):
            "\(Plural.noun(columns.count, "column")) \(columns.map { String($0 + 1) }.joined(separator: ", ")) of \(file) \(columns.count == 1 ? "has" : "have") no name in the header: left out"
        case .dropped(let columns): "dropped as the mapping says: \(columns.joined(separator: ", "))"
        case .jobShares(let ids, let costSummed):
            "\(Plural.count(ids.count, "job share")) (one post each, FTE \(costSummed ? "and cost " : "")summed, holders listed): \(ImportEnglish.firstSix(ids.map(\.rawValue)))"
        case .placeholder(let column, let reference, let ids):
            "\(column) \(ValueParsing.quoted(reference)) is a placeholder that \(ids.count) rows share, not one post: each row is its own post (\(ImportEnglish.list(ids.map(\.rawValue))))"
        case .matchedInAnotherForm(let rows, let matching, let examples):
            "\(rows.map(\.text).joined(separator: " and ")) \(rows.map(\.count).reduce(0, +) == 1 ? "names" : "name") their manager's reference in another form, matched under --match-ids \(matching.rawValue) (\(examples.prefix(4).joined(separator: ", "))\(examples.count > 4 ? ", …" : ""))"
        case .repeatedRows, .effectiveFromFileName, .severalTops, .selfReportingTop, .eliminated, .eliminatedButHeld, .costEstimate,
            .fractionalLines:
            organogramEnglish
        }
    }

    /// `file:line`.
    private static func place(_ location: SourceLocation) -> String { "\(location.file):\(location.line ?? 0)" }

    /// The English of the notes on decisions published organograms call for.
    private var organogramEnglish: String {
        switch self {
        case .repeatedRows(let rows, let fte, let first, let outcome):
            let figure = fte.map { "\(NumberText.format(($0 * 100).rounded() / 100)) FTE, " } ?? ""
            let kept =
                switch outcome {
                case .ownLines: "each is kept as a line of its own; check the publication"
                case .jobShares: "each is read as one more holder of its post's job share; check the file"
                }
            return
                "\(rows.text)\(rows.count == 1 ? " repeats" : " repeat") an earlier row exactly (\(figure)the first at \(Self.place(first))): \(kept)"
        case .effectiveFromFileName(let day, let file):
            return "effective \(day) from the file name \(file) (give --effective to set another)"
        case .severalTops(let marker, let own, let root, let title):
            var parts: [String] = []
            if !marker.isEmpty { parts.append("\(ImportEnglish.list(marker.map(\.rawValue))) report\(marker.count == 1 ? "s" : "") to XX") }
            if !own.isEmpty {
                parts.append(
                    "\(ImportEnglish.list(own.map(\.rawValue))) report\(own.count == 1 ? "s" : "") to \(own.count == 1 ? "itself" : "themselves")"
                )
            }
            return
                "\(marker.count + own.count) top posts (\(parts.joined(separator: "; "))): kept under one added root post \(root), \(ValueParsing.quoted(title)), which counts as a post and a layer"
        case .selfReportingTop(let id, let location): return "\(id) (\(Self.place(location))) reports to itself: taken as the top post"
        case .eliminated(let id, let location, let movedPosts, let movedLines, let target):
            var text = "\(id) (\(Self.place(location))) is Eliminated: left out"
            guard movedPosts + movedLines > 0 else { return text }
            var parts: [String] = []
            if movedPosts > 0 { parts.append(Plural.count(movedPosts, "post")) }
            if movedLines > 0 { parts.append(Plural.count(movedLines, "junior line")) }
            text +=
                "; \(parts.joined(separator: " and ")) that reported to it now report\(movedPosts + movedLines == 1 ? "s" : "") to \(target?.rawValue ?? "its nearest remaining manager")"
            return text
        case .eliminatedButHeld(let rows, let lines, let file):
            let listed = zip(rows, lines).map { "\($0) (line \($1))" }
            return
                "\(rows.count) Eliminated row\(rows.count == 1 ? " repeats a reference" : "s repeat references") another row holds as a post in \(file): the post is kept and the Eliminated row left out (\(ImportEnglish.list(listed)))"
        case .costEstimate(let posts, let without):
            return
                "cost is an estimate for \(Plural.count(posts, "post")): the midpoint of each senior row's pay floor and ceiling, and of each junior line's payscale times its FTE\(without > 0 ? "; \(without) without pay figures have no cost" : "")"
        case .fractionalLines(let lines):
            return "\(lines) junior line\(lines == 1 ? " has" : "s have") a fractional FTE: count is the FTE rounded up"
        default: return ""  // not reached: `english` sends only these here
        }
    }
}
