import Foundation
import OrgSupport

/// Why an import left a row out, with the source's own column names as arguments.
public enum ImportProblem: Sendable, Hashable {
    /// The row has `found` fields where the header (at `headerLine`) has `expected`;
    /// `quoting` adds the advice to quote a field holding the delimiter.
    case fieldCount(found: Int, expected: Int, headerLine: Int, quoting: Bool)
    /// A value as the value reader words its fault (numbers, dates, yes/no, limits).
    case value(String)
    case empty(column: String)
    /// An organogram row with no Reports to Senior Post at all.
    case noManagerMarker(column: String)
    case reportsToItself(column: String, id: PostID)
    case countBelowOne(column: String, count: Int)
    case tierBelowOne(column: String, tier: Int)
    case vacantOverCount(column: String, vacant: Int, count: Int)
    case vacancyUnreadable(column: String, text: String)
    /// `countColumn` says whether the extract maps a count column (advice when not).
    case fteOverCount(column: String, fte: Double, count: Int, countColumn: Bool)
    /// An organogram senior row of more than one FTE.
    case fteOverOnePost(fte: Double)
    case lineOverMaximum(column: String, fte: Double)
    /// A manager reference that rows share as a placeholder, not one post.
    case placeholderManager(column: String, reference: String, sharedBy: PlaceholderShare)
    /// An id repeated where repeated rows are not job shares.
    case repeatedID(idColumn: String, id: PostID, firstLine: Int)
    case repeatedWithOtherManager(
        idColumn: String, id: PostID, firstLine: Int, reportsToColumn: String, manager: PostID?, firstManager: PostID?, none: String)
    case jobShareDisagrees(idColumn: String, id: PostID, firstLine: Int, differences: [FieldDifference], style: ImportFormat.Style)
    case jobShareFTE(id: PostID, firstLine: Int, summed: Double, holders: Int)
    case repeatsRejected(idColumn: String, id: PostID, line: Int)
    /// The manager's row is rejected; `file` when it is in another file than this row.
    case managerRejected(manager: PostID, line: Int, file: String?)
    case unknownManager(column: String, reference: PostID, idColumn: String, within: String, form: IDFormHint?)
    case jobShareSpoiled(rejectedLine: Int)
    case jobShareLeftOut(id: PostID, line: Int)

    /// How many rows share a placeholder, as the message says it.
    public enum PlaceholderShare: Sendable, Hashable {
        /// The lines of the rows, in the same file.
        case rows([Int])
        /// How many rows of the senior file.
        case seniorRows(Int)
    }

    /// One field two rows of a job share disagree on.
    public struct FieldDifference: Sendable, Hashable {
        public var column: String
        public var value: String
        public var first: String
    }

    /// What a manager reference in no row matches in another form.
    public enum IDFormHint: Sendable, Hashable {
        case ambiguous([PostID])
        case caseOnly(PostID)
        case form(PostID)
    }

    /// Whether the problem is only that another row is left out.
    public var followsFromAnother: Bool {
        switch self {
        case .managerRejected, .jobShareSpoiled, .jobShareLeftOut: true
        default: false
        }
    }

    var english: String {
        switch self {
        case .fieldCount(let found, let expected, let headerLine, let quoting):
            "the row has \(found) fields but the header (line \(headerLine)) has \(expected)"
                + (quoting && found > expected ? ": quote any field that holds the delimiter" : "")
        case .value(let text): text
        case .empty(let column): "\(column) is empty"
        case .noManagerMarker(let column): "\(column) is empty (the top post reports to XX)"
        case .reportsToItself(let column, let id): "\(column) is the post itself (\(id))"
        case .countBelowOne(let column, let count): "\(column) must be at least 1, not \(count)"
        case .tierBelowOne(let column, let tier): "\(column) must be 1 or more, not \(tier)"
        case .vacantOverCount(let column, let vacant, let count): "\(column) \(vacant) is more than the post's count \(count)"
        case .vacancyUnreadable(let column, let text):
            "\(column) must be a number of vacant posts or yes/no, not \(ValueParsing.quoted(text))"
        case .fteOverCount(let column, let fte, let count, let countColumn):
            "\(column) \(NumberText.format(fte)) is more than the post's count \(count)"
                + (countColumn ? "" : " (for a line of several posts, map its establishment column to count)")
        case .fteOverOnePost(let fte): "FTE \(NumberText.format(fte)) is more than one post (a job share is a row per holder)"
        case .lineOverMaximum(let column, let fte):
            "\(column) \(NumberText.format(fte)) is more than \(Figures.grouped(PostLimits.maximumCount)), the most posts one line may stand for"
        case .placeholderManager, .repeatedID, .repeatedWithOtherManager, .jobShareDisagrees, .jobShareFTE, .repeatsRejected:
            repeatEnglish
        case .managerRejected, .unknownManager, .jobShareSpoiled, .jobShareLeftOut: managerEnglish
        }
    }

    /// The English of the problems the shared pipeline finds.
    private var repeatEnglish: String {
        switch self {
        case .placeholderManager(let column, let reference, let sharedBy):
            let who =
                switch sharedBy {
                case .rows(let lines): "rows \(ImportEnglish.firstSix(lines.map(String.init)))"
                case .seniorRows(let count): "\(count) senior rows"
                }
            return
                "\(column) \(ValueParsing.quoted(reference)) is a placeholder that \(who) share: it names no one post; give the manager's own reference"
        case .repeatedID(let idColumn, let id, let firstLine):
            return "\(idColumn) \(id) repeats line \(firstLine) (if repeated rows are job shares, set job_shares: true in the mapping)"
        case .repeatedWithOtherManager(let idColumn, let id, let firstLine, let reportsToColumn, let manager, let firstManager, let none):
            return
                "\(idColumn) \(id) repeats line \(firstLine) with a different \(reportsToColumn) (\(manager?.rawValue ?? none) against \(firstManager?.rawValue ?? none))"
        case .jobShareDisagrees(let idColumn, let id, let firstLine, let differences, let style):
            let listed = differences.map { "\($0.column) (\(ValueParsing.quoted($0.value)) against \(ValueParsing.quoted($0.first)))" }
            return
                "\(idColumn) \(id) repeats line \(firstLine) as a job share, but with a different \(listed.joined(separator: style.differenceSeparator)): the rows of a job share describe one post"
                + (style.advisesOwnReference ? "; give this row its own reference" : "")
        case .jobShareFTE(let id, let firstLine, let summed, let holders):
            return
                "\(id) repeats line \(firstLine) as a job share, and their FTE adds up to \(NumberText.format(summed)), more than their \(holders) holders"
        case .repeatsRejected(let idColumn, let id, let line): return "\(idColumn) \(id) repeats line \(line), which is rejected"
        default: return managerEnglish  // not reached: `english` sends only these here
        }
    }

    /// The English of the problems found when reporting lines are checked.
    private var managerEnglish: String {
        switch self {
        case .managerRejected(let manager, let line, let file):
            return "reports to \(manager), whose row (\(file.map { "\($0) " } ?? "")line \(line)) is rejected"
        case .unknownManager(let column, let reference, let idColumn, let within, let form):
            let article = ImportEnglish.startsWithVowel(idColumn) ? "an" : "a"
            let text = "\(column) \(ValueParsing.quoted(reference.rawValue)) is not \(article) \(idColumn) in \(within)"
            switch form {
            case nil: return text
            case .ambiguous(let ids):
                return text
                    + "; it matches \(ids.map(\.rawValue).joined(separator: " and ")), which differ only in form: give the reference exactly"
            case .caseOnly(let id): return text + "; \(id) differs from it only in case: give --match-ids case to read them as one"
            case .form(let id):
                return text
                    + "; \(id) differs from it only in form (case, blanks or leading zeros): give --match-ids loose to read them as one"
            }
        case .jobShareSpoiled(let line): return "a job share whose row at line \(line) is rejected: the post is left out whole"
        case .jobShareLeftOut(let id, let line): return "a job share of \(id) (line \(line)), which is left out"
        default: return ""  // not reached: `english` sends only these here
        }
    }
}
