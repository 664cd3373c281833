import Foundation
import OrgSupport

/// Reads a published UK government organogram (senior and junior CSV files) as a
/// structure.
///
/// A thin front end of `ImportPipeline`: it reads the two files into posts, one a row,
/// and decides what only this format needs (Eliminated rows, top posts, the added root).
/// Senior rows become posts: `Reports to Senior Post` `XX` marks the top; Name `N/D` (or `ND`)
/// gives a post with no holder, `Vacant` a vacant post, and `Eliminated` a post left out
/// (posts and junior lines under it move up to its manager, with a note); a repeated Post
/// Unique Reference is a job share (see `JobShare`). Junior rows become establishment
/// lines under their Reporting Senior Post: `Number of Posts in FTE` is the line's FTE and
/// its count is that FTE rounded up (a line of 2.5 FTE is three part-time posts). Grade,
/// title and Unit (as `service`) are fields; pay, profession and the other published
/// columns are kept as attributes under their published names, as are extra columns.
/// Tiers come from the grade through a `GradeTierTable` (the Senior Civil Service bands
/// by default); a grade it does not list leaves the post without a tier, with a note.
///
/// What real publications need decided, each decision said in a note: a post that reports
/// to itself is a top post; several top posts are kept under one root post added and
/// titled after the organisation; a placeholder reference (`0`,
/// `Awaiting_Recruitment_Action`, rows all "Not in post") shared by several rows makes each
/// row its own post; rows of one reference that disagree on grade or title are not merged
/// (the later row is rejected); junior rows repeated exactly are noted; `effective` comes
/// from a date in the senior file's name unless given.
public struct OrganogramImporter: Sendable {
    public var tiers: GradeTierTable
    /// The files' encoding; nil detects each (UTF-8, else Windows-1252).
    public var encoding: TextEncoding?
    /// The snapshot's date; nil takes a date in the senior file's name (`…-2011-09-30-senior.csv`).
    public var effective: Day?
    /// Whether to estimate each post's cost from the published pay figures.
    public var costEstimate: CostEstimate?
    /// How a Reports to Senior Post must agree with a Post Unique Reference to name it.
    public var matching: IDMatching

    /// How a cost is estimated from a published organogram.
    public enum CostEstimate: String, Sendable, CaseIterable {
        /// A senior row: the midpoint of its Actual Pay Floor and Ceiling. A junior line: the
        /// midpoint of its Payscale Minimum and Maximum, times its FTE.
        case payBandMidpoint = "pay-band-midpoint"
    }

    public init(
        tiers: GradeTierTable = .seniorCivilService, encoding: TextEncoding? = nil, effective: Day? = nil,
        costEstimate: CostEstimate? = nil, matching: IDMatching = .exact
    ) {
        self.tiers = tiers
        self.encoding = encoding
        self.effective = effective
        self.costEstimate = costEstimate
        self.matching = matching
    }

    /// The first `YYYY-MM-DD` in a file's name, as organogram publications name their files.
    public static func day(inFileName path: String) -> Day? {
        let name = Array((path as NSString).lastPathComponent.utf8)
        guard name.count >= 10 else { return nil }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        for start in 0...(name.count - 10) {
            let slice = name[start..<(start + 10)]
            let shape = slice.enumerated().allSatisfy { offset, byte in
                offset == 4 || offset == 7 ? byte == 45 : isDigit(byte)
            }
            let before = start == 0 || !isDigit(name[start - 1])
            let after = start + 10 == name.count || !isDigit(name[start + 10])
            if shape, before, after, let day = Day(iso8601: String(decoding: slice, as: UTF8.self)) { return day }
        }
        return nil
    }

    /// Imports the senior file at `senior` and, when given, the junior file at `junior`.
    public func load(senior: String, junior: String?) throws(LoadError) -> ImportResult {
        let seniorBytes = try ExtractInput.read(senior)
        let juniorBytes: [UInt8]? = if let junior { try ExtractInput.read(junior) } else { nil }
        return try importFiles(senior: seniorBytes, seniorFile: senior, junior: juniorBytes, juniorFile: junior)
    }

    /// Imports from the files' bytes; the file names are for messages.
    public func importFiles(senior: [UInt8], seniorFile: String, junior: [UInt8]?, juniorFile: String?) throws(LoadError) -> ImportResult {
        let seniorTable = try DelimitedTable.read(senior, file: seniorFile, encoding: encoding)
        let juniorTable: DelimitedTable? =
            if let junior, let juniorFile { try DelimitedTable.read(junior, file: juniorFile, encoding: encoding) } else { nil }
        var run = Run(tiers: tiers, seniorFile: seniorFile, matching: matching)
        run.costEstimate = costEstimate
        run.pipeline.begin(file: seniorFile, bytes: senior, header: seniorTable.headerBytes)
        try run.readSenior(seniorTable)
        if let juniorTable, let junior {
            run.pipeline.begin(file: juniorTable.file, bytes: junior, header: juniorTable.headerBytes)
            try run.readJunior(juniorTable)
        }
        var result = run.finish()
        if let effective {
            result.structure.effective = effective
        } else if let day = Self.day(inFileName: seniorFile) {
            result.structure.effective = day
            result.importNotes.append(.effectiveFromFileName(day: day, file: (seniorFile as NSString).lastPathComponent))
        }
        return result
    }
}

extension OrganogramImporter {
    /// Which column of a file holds what: published names for the known columns.
    struct Columns {
        var index: [String: Int] = [:]
        /// Columns kept as attributes, in file order: index and attribute name.
        var attributes: [(index: Int, name: String)] = []
        var unnamed: [Int] = []

        init(header: [String], known: [String], fields: Set<String>) {
            for (position, name) in header.enumerated() {
                if name.isEmpty {
                    unnamed.append(position)
                    continue
                }
                if let canonical = OrganogramFormat.canonical(name, among: known), index[canonical] == nil {
                    index[canonical] = position
                    if !fields.contains(canonical) { attributes.append((position, canonical)) }
                } else {
                    let taken = attributes.contains { $0.name == name } || index[name] != nil
                    attributes.append((position, taken ? "\(name) (column \(position + 1))" : name))
                }
            }
        }

        func value(_ column: String, in row: DelimitedTable.Row) -> String {
            guard let position = index[column], position < row.fields.count else { return "" }
            return row.fields[position]
        }
    }

    /// "N/D", "ND", "n.d." or "Not disclosed": what published files write for a value withheld.
    static func meansNotDisclosed(_ text: String) -> Bool {
        ["n/d", "nd", "n.d.", "not disclosed"].contains(text.trimmingBlanks().lowercased())
    }

    /// A Name as a word to act on: blanks and stray quotes around it gone (`'Vacant'`,
    /// `Vacant'` and `"Vacant"` are vacant), lower case.
    static func nameWord(_ name: String) -> String {
        name.trimmingCharacters(in: CharacterSet(charactersIn: "'\"‘’“” \t")).lowercased()
    }

    /// The attribute that marks the root post an import adds over several top posts.
    public static let addedRootAttribute = "Added by import"
}
