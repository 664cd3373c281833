import Foundation
import Testing

@testable import OrgModel

/// The rules the shared import pipeline holds for every format, each tried on an HR
/// extract and on a published organogram.
@Suite("One import pipeline, both formats")
struct ImportPipelineTests {
    static func extract(_ text: String, jobShares: Bool = false, matching: IDMatching = .exact) throws -> ImportResult {
        let mapping = try ImportMappingReader.parse(
            "columns:\n  id: ID\n  reports_to: Boss\n  title: Title\n  grade: Grade\n  holder: Name\n  fte: FTE\njob_shares: \(jobShares)\n",
            file: "m.yaml")
        return try ExtractImporter(mapping: mapping, matching: matching).importExtract(
            Array(("ID,Boss,Title,Grade,Name,FTE\n" + text).utf8), file: "x.csv")
    }

    // MARK: Placeholder references

    @Test("Extract: a placeholder id that several rows share makes each row its own post; a row under it is refused")
    func extractPlaceholders() throws {
        let result = try Self.extract(
            "A,,Director,D,Ann One,1\n0,A,Adviser,H,Not in post,1\n0,A,Analyst,H,Not in post,0.5\nL1,0,Officer,O,Cy Three,1\nB,A,Head,H,Di Four,1\n"
        )
        #expect(result.structure.posts.map(\.id) == ["A", "0-line3", "0-line4", "B"])
        #expect(
            result.notes.contains(
                "ID \"0\" is a placeholder that 2 rows share, not one post: each row is its own post (0-line3 and 0-line4)"))
        #expect(
            result.rejected.map(\.description) == [
                "x.csv:5: Boss \"0\" is a placeholder that rows 3, 4 share: it names no one post; give the manager's own reference"
            ])
        #expect(result.faultyRows.count == 1)
    }

    @Test("Extract: placeholders hold when the file is read in parts, as in one pass")
    func extractPlaceholdersInParts() throws {
        var rows = ["A,,Director,D,Ann One,1"]
        for index in 1...60 { rows.append("P\(index),A,Post \(index),H,Someone \(index),1") }
        rows.insert("Awaiting_Recruitment_Action,A,Adviser,H,,1", at: 5)
        rows.append("Awaiting_Recruitment_Action,A,Analyst,H,,1")
        let bytes = Array(("ID,Boss,Title,Grade,Name,FTE\n" + rows.joined(separator: "\n") + "\n").utf8)
        let mapping = try ImportMappingReader.parse(
            "columns:\n  id: ID\n  reports_to: Boss\n  title: Title\n  grade: Grade\n", file: "m.yaml")
        var inParts = ExtractImporter(mapping: mapping)
        (inParts.partCount, inParts.minimumPartBytes) = (3, 100)
        let whole = try ExtractImporter(mapping: mapping).importExtract(bytes, file: "x.csv")
        let parts = try inParts.importExtract(bytes, file: "x.csv")
        #expect(
            whole.structure.posts.filter { $0.id.rawValue.hasPrefix("Awaiting") }.map(\.id) == [
                "Awaiting_Recruitment_Action-line7", "Awaiting_Recruitment_Action-line64",
            ])
        #expect(parts.structure == whole.structure)
        #expect(parts.notes == whole.notes)
    }

    @Test("Organogram: a placeholder reference makes each row its own post (as for extracts)")
    func organogramPlaceholders() throws {
        let result = try OrganogramDecisionsTests.run([
            OrganogramDecisionsTests.senior("A1", "Ada Example", "SCS3", "Director General", reportsTo: "XX"),
            OrganogramDecisionsTests.senior("TBC", "N/D", "SCS1", "Deputy Director", reportsTo: "A1"),
            OrganogramDecisionsTests.senior("TBC", "N/D", "SCS1", "Deputy Director", reportsTo: "A1", fte: "0.5"),
        ])
        #expect(result.structure.posts.map(\.id) == ["A1", "TBC-line3", "TBC-line4"])
        #expect(
            result.importNotes.contains(.placeholder(column: "Post Unique Reference", reference: "TBC", ids: ["TBC-line3", "TBC-line4"])))
    }

    // MARK: Rows that disagree

    @Test("Extract and organogram: rows of one id that disagree on grade are rejected, not merged", arguments: [false, true])
    func disagreeingRows(organogram: Bool) throws {
        let result: ImportResult
        if organogram {
            result = try OrganogramDecisionsTests.run([
                OrganogramDecisionsTests.senior("A1", "Ada Example", "SCS3", "Director General", reportsTo: "XX"),
                OrganogramDecisionsTests.senior("D1", "Bo Example", "SCS1", "Director", reportsTo: "A1", fte: "0.5"),
                OrganogramDecisionsTests.senior("D1", "Cy Example", "SCS2", "Director", reportsTo: "A1", fte: "0.5"),
            ])
        } else {
            result = try Self.extract(
                "A1,,Director General,SCS3,Ada,1\nD1,A1,Director,SCS1,Bo,0.5\nD1,A1,Director,SCS2,Cy,0.5\n", jobShares: true)
        }
        #expect(result.faultyRows.map(\.line) == [4])
        guard case .jobShareDisagrees(_, let id, let firstLine, let differences, _) = result.faultyRows.first?.problems.first else {
            Issue.record("not a disagreement: \(result.rejected)")
            return
        }
        #expect(id == "D1" && firstLine == 3)
        #expect(differences.map(\.value) == ["SCS2"] && differences.map(\.first) == ["SCS1"])
        #expect(result.diagnostics.contains { $0.code == "row.job-share-disagrees" && $0.severity == .error })
        #expect(!result.notes.contains { $0.contains("job share (") })
    }

    // MARK: Rows repeated exactly

    @Test("Extract: rows repeated exactly are noted (and read as a job share, as the mapping says)")
    func extractRepeatedRows() throws {
        let result = try Self.extract("A,,Director,D,Ann One,1\nB,A,Head,H,Bo Two,0.5\nB,A,Head,H,Bo Two,0.5\n", jobShares: true)
        #expect(result.rejected.isEmpty)
        #expect(result.structure.posts.first { $0.id == "B" }?.count == 2)
        #expect(
            result.notes.contains(
                "1 row repeats an earlier row exactly (the first at x.csv:4): each is read as one more holder of its post's job share; check the file"
            ))
        #expect(result.diagnostics.first { $0.code == "import.repeated-rows" } != nil)
        // Rows of one id that differ (a real job share) are no repeat.
        let share = try Self.extract("A,,Director,D,Ann One,1\nB,A,Head,H,Bo Two,0.5\nB,A,Head,H,Cy Three,0.5\n", jobShares: true)
        #expect(!share.notes.contains { $0.contains("exactly") })
    }

    @Test("Organogram: senior rows repeated exactly are noted, as junior rows are")
    func organogramRepeatedRows() throws {
        let row = OrganogramDecisionsTests.senior("D1", "N/D", "SCS1", "Director", reportsTo: "A1", fte: "0.5")
        let result = try OrganogramDecisionsTests.run(
            [OrganogramDecisionsTests.senior("A1", "Ada Example", "SCS3", "Director General", reportsTo: "XX"), row, row],
            [
                OrganogramDecisionsTests.junior("D1", "EO", "Officer", fte: "2"),
                OrganogramDecisionsTests.junior("D1", "EO", "Officer", fte: "2"),
            ])
        #expect(
            result.notes.contains(
                "1 row repeats an earlier row exactly (the first at senior.csv:4): each is read as one more holder of its post's job share; check the file"
            ))
        #expect(
            result.notes.contains(
                "1 junior row repeats an earlier row exactly (2 FTE, the first at junior.csv:3): each is kept as a line of its own; check the publication"
            ))
    }

    // MARK: Ids in another form

    @Test("Extract: a manager's id in another form gets a hint under exact, and is matched under case, with a note")
    func extractMatchIDs() throws {
        let text = "DfE-1,,Director,D,Ann,1\nB,DFE-1,Head,H,Bo,1\nC,dfe-1,Lead,H,Cy,1\n"
        let exact = try Self.extract(text)
        #expect(
            exact.rejected.map(\.description) == [
                "x.csv:3: Boss \"DFE-1\" is not an ID in the extract; DfE-1 differs from it only in case: give --match-ids case to read them as one",
                "x.csv:4: Boss \"dfe-1\" is not an ID in the extract; DfE-1 differs from it only in case: give --match-ids case to read them as one",
            ])
        let byCase = try Self.extract(text, matching: .case)
        #expect(byCase.rejected.isEmpty)
        #expect(byCase.structure.posts.map { $0.reportsTo?.rawValue ?? "-" } == ["-", "DfE-1", "DfE-1"])
        #expect(
            byCase.notes.contains(
                "2 posts name their manager's reference in another form, matched under --match-ids case (DFE-1 as DfE-1, dfe-1 as DfE-1)"))
    }

    // MARK: Diagnostics

    @Test("Notes and rejected rows are typed: a code, a severity, a place, and one English rendering")
    func diagnostics() throws {
        let result = try Self.extract("A,,Director,D,Ann,1\nB,Z,Head,H,Bo,1\n")
        let rejected = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(rejected.code == "row.unknown-manager")
        #expect(rejected.location == SourceLocation(file: "x.csv", line: 3))
        #expect(
            rejected.message(as: ImportMessage.self)
                == .problem(.unknownManager(column: "Boss", reference: "Z", idColumn: "ID", within: "the extract", form: nil)))
        #expect(rejected.text == "Boss \"Z\" is not an ID in the extract")
        #expect(result.rejected[0].reasons == [rejected.text])
        #expect(ImportDiagnostic.note(.fractionalLines(2)).code == "import.fractional-lines")
    }
}
