import Foundation
import OrgSupport

extension OrganogramImporter {
    /// The state of one import: what only an organogram needs (Eliminated rows, tops as
    /// the file marks them, junior line numbering), and the shared pipeline the rows go to.
    struct Run {
        let tiers: GradeTierTable
        var pipeline: ImportPipeline
        /// Eliminated posts: their manager (nil for the top) and line.
        var eliminated: [PostID: (reportsTo: PostID?, line: Int)] = [:]
        var eliminatedOrder: [PostID] = []
        var movedUp: [PostID: (posts: Int, lines: Int)] = [:]
        var gradesWithoutTier: [String: Int] = [:]
        var unnamedNotes: [ImportNote] = []
        var juniorCount: [PostID: Int] = [:]
        var fractionalLines = 0
        var costEstimate: CostEstimate?
        /// Top posts that report to themselves, with line.
        var selfReporting: [(id: PostID, line: Int)] = []

        init(tiers: GradeTierTable, seniorFile: String, matching: IDMatching) {
            self.tiers = tiers
            let cols = OrganogramFormat.self
            pipeline = ImportPipeline(
                format: ImportFormat(
                    idColumn: cols.postUniqueReference, reportsToColumns: [cols.reportsTo, cols.reportingSeniorPost],
                    noManager: cols.topMarker,
                    within: seniorFile, rowNouns: ["senior post", "junior line"], rowWords: ["senior row", "junior row"],
                    ownIDs: [true, false],
                    style: .init(differenceSeparator: " and ", advisesOwnReference: true),
                    compared: [.init(field: .grade, column: "Grade"), .init(field: .title, column: "Job Title")], jobShares: true,
                    leavesOutSpoiledShares: false, costSummed: false, matching: matching))
        }

        /// The midpoint of two published pay figures, when both are numbers and not both zero.
        static func midpoint(_ low: String, _ high: String) -> Double? {
            guard case .success(let a) = ExtractValues.number(low, column: ""),
                case .success(let b) = ExtractValues.number(high, column: ""),
                a >= 0, b >= a, b > 0
            else { return nil }
            return (a + b) / 2
        }

        /// Columns the organogram writer fills with "N/D" when a post has nothing for them.
        static let notDisclosedByDefault: Set<String> = [
            OrganogramFormat.contactPhone, OrganogramFormat.contactEmail, OrganogramFormat.salaryCostOfReports,
            OrganogramFormat.payFloor, OrganogramFormat.payCeiling, OrganogramFormat.payscaleMinimum,
            OrganogramFormat.payscaleMaximum,
        ]

        /// The columns of `table`, refused with advice when a required one is missing.
        func columns(of table: DelimitedTable, senior: Bool) throws(LoadError) -> Columns {
            let cols = OrganogramFormat.self
            let known = senior ? cols.seniorColumns : cols.juniorColumns
            let fields: Set<String> =
                senior
                ? [cols.postUniqueReference, cols.name, cols.grade, cols.jobTitle, cols.unit, cols.reportsTo, cols.fte]
                : [cols.reportingSeniorPost, cols.juniorGrade, cols.genericJobTitle, cols.numberOfPosts, cols.unit]
            let columns = Columns(header: table.header, known: known, fields: fields)
            let required =
                senior
                ? [cols.postUniqueReference, cols.name, cols.grade, cols.jobTitle, cols.reportsTo]
                : [cols.reportingSeniorPost, cols.juniorGrade, cols.genericJobTitle, cols.numberOfPosts]
            let missing = required.filter { columns.index[$0] == nil }
            guard !missing.isEmpty else { return columns }
            let other = OrganogramFormat.key(senior ? cols.reportingSeniorPost : cols.postUniqueReference)
            let looksOther = table.header.contains { OrganogramFormat.key($0) == other }
            throw LoadError(
                file: table.file, line: table.headerLine,
                .organogramColumnsMissing(
                    missing: missing, senior: senior, looksOther: looksOther,
                    columns: senior ? cols.seniorColumns.filter { !$0.isEmpty } : cols.juniorColumns))
        }

        /// The attributes of a row: its other columns, less an "N/D" where the writer writes one for nothing.
        func attributes(_ row: DelimitedTable.Row, _ columns: Columns) -> [Attribute] {
            var attributes: [Attribute] = []
            for (position, attribute) in columns.attributes where !row.fields[position].isEmpty {
                if row.fields[position] == OrganogramFormat.notDisclosed, Self.notDisclosedByDefault.contains(attribute) { continue }
                attributes.append(Attribute(name: attribute, value: row.fields[position]))
            }
            return attributes
        }

        /// A note for the unnamed columns that hold anything (the published format has an
        /// empty one of its own, which is not worth a word).
        func unnamedNote(_ columns: [Int], _ table: DelimitedTable) -> ImportNote? {
            let positions = columns.filter { column in table.rows.contains { column < $0.fields.count && !$0.fields[column].isEmpty } }
            return positions.isEmpty ? nil : .unnamedColumns(file: table.file, columns: positions)
        }
    }
}
