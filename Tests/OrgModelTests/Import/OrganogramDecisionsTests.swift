import Foundation
import Testing

@testable import OrgModel

/// What the organogram importer decides for untidy real publications, each said in a
/// note: synthetic rows in the shapes the published samples take.
@Suite("Organogram import decisions")
struct OrganogramDecisionsTests {
    static func senior(
        _ reference: String, _ name: String, _ grade: String, _ title: String, reportsTo: String,
        fte: String = "1", floor: String = "N/D", ceiling: String = "N/D"
    ) -> String {
        #""\#(reference)","\#(name)","\#(grade)","\#(title)","","Dept of Samples","Dept of Samples","Unit","N/D","N/D","\#(reportsTo)","0","\#(fte)","\#(floor)","\#(ceiling)","","Policy","","1","u","f","p""#
    }

    static func junior(_ manager: String, _ grade: String, _ title: String, fte: String, low: String = "20000", high: String = "30000")
        -> String
    {
        #""Dept of Samples","Dept of Samples","Unit","\#(manager)","\#(grade)","\#(low)","\#(high)","\#(title)","\#(fte)","Policy","f","j""#
    }

    static func run(
        _ seniorRows: [String], _ juniorRows: [String] = [], seniorFile: String = "senior.csv",
        importer: OrganogramImporter = OrganogramImporter()
    ) throws -> ImportResult {
        try importer.importFiles(
            senior: OrganogramFixtures.senior(seniorRows), seniorFile: seniorFile,
            junior: OrganogramFixtures.junior(juniorRows), juniorFile: "junior.csv")
    }

    @Test("A top post that reports to itself is the top, with a note")
    func selfReportingTop() throws {
        let result = try Self.run([
            Self.senior("CEO", "Ada Example", "SCS3", "Chief Executive", reportsTo: "CEO"),
            Self.senior("HOA", "Bo Example", "SCS1", "Head of Analysis", reportsTo: "CEO"),
        ])
        #expect(result.rejected.isEmpty)
        #expect(result.structure.posts.map(\.id) == ["CEO", "HOA"])
        #expect(result.structure.posts[0].reportsTo == nil)
        #expect(result.notes.contains("CEO (senior.csv:2) reports to itself: taken as the top post"))
    }

    @Test("Several tops are kept under one added root post titled after the organisation; it loads back")
    func severalTops() throws {
        let result = try Self.run([
            Self.senior("A1", "Ada Example", "SCS4", "Permanent Secretary", reportsTo: "XX"),
            Self.senior("A11", "N/D", "SCS3", "Director General", reportsTo: "xx"),
            Self.senior("A6", "Cy Example", "SCS2", "Director", reportsTo: "A6"),
            Self.senior("B1", "Di Example", "SCS1", "Deputy Director", reportsTo: "A6"),
        ])
        #expect(result.rejected.isEmpty)
        let s = result.structure
        #expect(s.posts.map(\.id) == ["ROOT", "A1", "A11", "A6", "B1"])
        #expect(s.posts[0].title == "Dept of Samples")
        #expect(s.posts.dropFirst().filter { $0.reportsTo == "ROOT" }.map(\.id) == ["A1", "A11", "A6"])
        #expect(
            result.notes.contains(
                "3 top posts (A1 and A11 report to XX; A6 reports to itself): kept under one added root post ROOT, \"Dept of Samples\", which counts as a post and a layer"
            ))
        let back = try RoundTrip.yaml(StructureYAMLWriter().write(s))
        #expect(RoundTrip.firstDifference(s, back) == nil)
    }

    @Test("A placeholder reference shared by several rows makes each row its own post; a row under it is refused")
    func placeholders() throws {
        let result = try Self.run(
            [
                Self.senior("T1", "Ada Example", "SCS3", "Director General", reportsTo: "XX"),
                Self.senior("0", "Not in post", "SCS1", "Deputy Director, Audit", reportsTo: "T1", fte: "0.5"),
                Self.senior("0", "Not in post", "SCS2", "Director, Estates", reportsTo: "T1"),
                Self.senior("Awaiting_Recruitment_Action", "Vacant", "SCS1", "Deputy Director, Data", reportsTo: "T1"),
                Self.senior("Awaiting_Recruitment_Action", "Vacant", "SCS1", "Deputy Director, Digital", reportsTo: "T1"),
            ], [Self.junior("0", "EO", "Officer", fte: "2")])
        let s = result.structure
        #expect(
            s.posts.map(\.id) == ["T1", "0-line3", "0-line4", "Awaiting_Recruitment_Action-line5", "Awaiting_Recruitment_Action-line6"])
        #expect(s.posts[1].fte == 0.5)
        #expect(s.posts[2].grade == "SCS2")
        #expect(s.posts.allSatisfy { $0.count == 1 })
        #expect(
            result.notes.contains(
                "Post Unique Reference \"0\" is a placeholder that 2 rows share, not one post: each row is its own post (0-line3 and 0-line4)"
            ))
        #expect(
            result.rejected.map(\.description) == [
                "junior.csv:2: Reporting Senior Post \"0\" is a placeholder that 2 senior rows share: it names no one post; give the manager's own reference"
            ])
    }

    @Test("Rows of one reference that disagree on grade or title are not merged: the later row is refused")
    func disagreeingRows() throws {
        let result = try Self.run([
            Self.senior("T1", "Ada Example", "SCS3", "Director General", reportsTo: "XX"),
            Self.senior("D1", "Bo Example", "SCS1", "Deputy Director", reportsTo: "T1", fte: "0.5"),
            Self.senior("D1", "Cy Example", "SCS2", "Deputy Director", reportsTo: "T1", fte: "0.5"),
        ])
        #expect(result.structure.posts.first { $0.id == "D1" }?.count == 1)
        #expect(
            result.rejected.map(\.description) == [
                "senior.csv:4: Post Unique Reference D1 repeats line 3 as a job share, but with a different Grade (\"SCS2\" against \"SCS1\"): the rows of a job share describe one post; give this row its own reference"
            ])
    }

    @Test("Quoted 'Vacant' is vacant; quoted 'Eliminated' is eliminated, but not over a post another row holds")
    func quotedNames() throws {
        let result = try Self.run(
            [
                Self.senior("T1", "Ada Example", "SCS3", "Director General", reportsTo: "XX"),
                Self.senior("D1", "'Vacant'", "SCS1", "Deputy Director", reportsTo: "T1"),
                Self.senior("D2", "Vacant'", "SCS1", "Deputy Director", reportsTo: "T1"),
                Self.senior("D3", "Bo Example", "SCS1", "Deputy Director, Policy", reportsTo: "T1"),
                Self.senior("D3", "'Eliminated'", "SCS1", "Deputy Director, Policy", reportsTo: "T1"),
            ], [Self.junior("D3", "EO", "Officer", fte: "1")])
        let s = result.structure
        #expect(s.posts.map(\.id) == ["T1", "D1", "D2", "D3", "D3-J1"])
        #expect(s.posts[1].isVacant && s.posts[1].holder == nil)
        #expect(s.posts[2].isVacant)
        #expect(s.posts[4].reportsTo == "D3")
        #expect(
            result.notes.contains(
                "1 Eliminated row repeats a reference another row holds as a post in senior.csv: the post is kept and the Eliminated row left out (D3 (line 6))"
            ))
    }

    @Test("Junior rows repeated exactly are each kept, with a note of how many and their FTE")
    func repeatedJuniorRows() throws {
        let result = try Self.run(
            [Self.senior("T1", "Ada Example", "SCS3", "Director General", reportsTo: "XX")],
            [
                Self.junior("T1", "EO", "Officer", fte: "2"),
                Self.junior("T1", "EO", "Officer", fte: "2"),
                Self.junior("T1", "HEO", "Officer", fte: "2"),
                Self.junior("T1", "EO", "Officer", fte: "2"),
            ])
        #expect(result.structure.posts.count == 5)
        #expect(
            result.notes.contains(
                "2 junior rows repeat an earlier row exactly (4 FTE, the first at junior.csv:3): each is kept as a line of its own; check the publication"
            ))
    }

    @Test("effective comes from the senior file's name, or as given")
    func effective() throws {
        let rows = [Self.senior("T1", "Ada Example", "SCS3", "Director General", reportsTo: "XX")]
        let named = try Self.run(rows, seniorFile: "data/body-2011-09-30-senior.csv")
        #expect(named.structure.effective == Day(year: 2011, month: 9, day: 30))
        #expect(
            named.notes.contains("effective 2011-09-30 from the file name body-2011-09-30-senior.csv (give --effective to set another)"))
        let given = try Self.run(
            rows, seniorFile: "body-2011-09-30-senior.csv", importer: OrganogramImporter(effective: Day(year: 2012, month: 1, day: 2)))
        #expect(given.structure.effective == Day(year: 2012, month: 1, day: 2))
        #expect(!given.notes.contains { $0.hasPrefix("effective") })
        #expect(try Self.run(rows, seniorFile: "senior.csv").structure.effective == nil)
        #expect(OrganogramImporter.day(inFileName: "x-20110-09-30.csv") == nil)
    }

    @Test("--cost pay-band-midpoint: senior pay band midpoint, junior payscale midpoint times FTE, named as an estimate")
    func costEstimate() throws {
        let result = try Self.run(
            [
                Self.senior("T1", "Ada Example", "SCS3", "Director General", reportsTo: "XX", floor: "120000", ceiling: "124999"),
                Self.senior("D1", "Bo Example", "SCS1", "Deputy Director", reportsTo: "T1", fte: "0.5", floor: "40000", ceiling: "44999"),
                Self.senior("D1", "Cy Example", "SCS1", "Deputy Director", reportsTo: "T1", fte: "0.5", floor: "40000", ceiling: "44999"),
                Self.senior("D2", "Di Example", "SCS1", "Deputy Director", reportsTo: "T1", floor: "0", ceiling: "0"),
            ], [Self.junior("D1", "EO", "Officer", fte: "2.5", low: "20000", high: "30000")],
            importer: OrganogramImporter(costEstimate: .payBandMidpoint))
        let cost = Dictionary(uniqueKeysWithValues: result.structure.posts.map { ($0.id, $0.cost) })
        #expect(cost["T1"] == 122_499.5)
        #expect(cost["D1"] == 84_999)
        #expect(cost["D2"] == .some(nil))
        #expect(cost["D1-J1"] == 62_500)
        #expect(
            result.notes.contains(
                "cost is an estimate for 3 posts: the midpoint of each senior row's pay floor and ceiling, and of each junior line's payscale times its FTE; 1 without pay figures have no cost"
            ))
        #expect(result.structure.description?.hasSuffix("Costs are estimates: the midpoint of the published pay bands") == true)
        #expect(
            try Self.run([Self.senior("T1", "A", "SCS3", "DG", reportsTo: "XX", floor: "1", ceiling: "2")]).structure.posts[0].cost == nil)
    }

    static let mixedCase = [
        senior("DfE-1", "Ada Example", "SCS3", "Director General", reportsTo: "XX"),
        senior("DfE-3024", "Bo Example", "SCS2", "Director", reportsTo: "DfE-1"),
        senior("DfE-3025", "Cy Example", "SCS1", "Deputy Director", reportsTo: "DFE-3024"),
    ]

    @Test("--match-ids exact: a reference in another form is refused with a hint naming it and the option")
    func exactHint() throws {
        let result = try Self.run(
            Self.mixedCase, [Self.junior("DFE-3024", "EO", "Officer", fte: "1"), Self.junior("00DfE-1", "EO", "Officer", fte: "1")])
        #expect(
            result.rejected.map(\.description) == [
                "senior.csv:4: Reports to Senior Post \"DFE-3024\" is not a Post Unique Reference in senior.csv; DfE-3024 differs from it only in case: give --match-ids case to read them as one",
                "junior.csv:2: Reporting Senior Post \"DFE-3024\" is not a Post Unique Reference in senior.csv; DfE-3024 differs from it only in case: give --match-ids case to read them as one",
                "junior.csv:3: Reporting Senior Post \"00DfE-1\" is not a Post Unique Reference in senior.csv; DfE-1 differs from it only in form (case, blanks or leading zeros): give --match-ids loose to read them as one",
            ])
    }

    @Test("--match-ids case and loose match such references, counted in a note; an ambiguous one is refused naming both")
    func matchingAtImport() throws {
        let juniors = [Self.junior("DFE-3024", "EO", "Officer", fte: "1"), Self.junior("00DfE-1", "EO", "Officer", fte: "1")]
        let byCase = try Self.run(Self.mixedCase, juniors, importer: OrganogramImporter(matching: .case))
        #expect(byCase.structure.posts.first { $0.id == "DfE-3025" }?.reportsTo == "DfE-3024")
        #expect(
            byCase.notes.contains(
                "1 senior post and 1 junior line name their manager's reference in another form, matched under --match-ids case (DFE-3024 as DfE-3024)"
            ))
        #expect(byCase.rejected.count == 1)
        let loose = try Self.run(Self.mixedCase, juniors, importer: OrganogramImporter(matching: .loose))
        #expect(loose.rejected.isEmpty)
        #expect(loose.structure.posts.last?.reportsTo == "DfE-1")
        #expect(
            loose.notes.contains(
                "1 senior post and 2 junior lines name their manager's reference in another form, matched under --match-ids loose (DFE-3024 as DfE-3024, 00DfE-1 as DfE-1)"
            ))

        let ambiguous = try Self.run(
            Self.mixedCase + [Self.senior("DFE-3024", "Di Example", "SCS1", "Deputy Director", reportsTo: "DfE-1")],
            [Self.junior("dfe-3024", "EO", "Officer", fte: "1")], importer: OrganogramImporter(matching: .case))
        #expect(
            ambiguous.rejected.map(\.description) == [
                "junior.csv:2: Reporting Senior Post \"dfe-3024\" is not a Post Unique Reference in senior.csv; it matches DfE-3024 and DFE-3024, which differ only in form: give the reference exactly"
            ])
    }

    @Test("IDMatching keys: exact as written, case folded, loose also without blanks and leading zeros")
    func keys() {
        #expect(IDMatching.exact.key("DfE-3024") == "DfE-3024")
        #expect(IDMatching.case.key("DfE-3024") == "dfe-3024")
        #expect(IDMatching.loose.key(" 00137261 ") == "137261")
        #expect(IDMatching.loose.key("000") == "0")
        #expect(IDMatching.loose.key("A01") == "a01")
    }
}
