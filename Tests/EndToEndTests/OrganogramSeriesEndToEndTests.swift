import Foundation
import OrgModel
import Testing

/// Two synthetic organogram snapshots of one body, imported and compared as a user does:
/// the date from the file name, references that change case between snapshots, and junior
/// rows that change order.
@Suite("Organogram snapshots, end to end")
struct OrganogramSeriesEndToEndTests {
    static let seniorHeader =
        #""Post Unique Reference","Name","Grade (or equivalent)","Job Title","Job/Team Function","Parent Department","Organisation","Unit","Contact Phone","Contact E-mail","Reports to Senior Post","Salary Cost of Reports (£)","FTE","Actual Pay Floor (£)","Actual Pay Ceiling (£)","","Professional/Occupational Group","Notes","Valid?""#
    static let juniorHeader =
        #""Parent Department","Organisation","Unit","Reporting Senior Post","Grade","Payscale Minimum (£)","Payscale Maximum (£)","Generic Job Title","Number of Posts in FTE","Professional/Occupational Group""#

    static func senior(_ ref: String, _ name: String, _ grade: String, _ title: String, _ boss: String) -> String {
        #""\#(ref)","\#(name)","\#(grade)","\#(title)","","Dept of Samples","Body of Samples","Unit","N/D","N/D","\#(boss)","0","1","70000","74999","","Policy","","""#
    }

    static func junior(_ boss: String, _ grade: String, _ title: String, _ fte: String) -> String {
        #""Dept of Samples","Body of Samples","Unit","\#(boss)","\#(grade)","30000","40000","\#(title)","\#(fte)","Policy""#
    }

    static func write(_ folder: URL, _ name: String, _ rows: [String], header: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try ([header] + rows).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(
        "import takes the date from the file name; --match-ids case reads a reference in another case; compare pairs lines by what they are"
    )
    func snapshots() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let s1 = try Self.write(
            folder, "body-2011-03-31-senior.csv",
            [
                Self.senior("CEO", "Ada Example", "SCS3", "Chief Executive", "CEO"),
                Self.senior("DfE-3024", "Bo Example", "SCS1", "Deputy Director", "CEO"),
            ], header: Self.seniorHeader)
        let j1 = try Self.write(
            folder, "body-2011-03-31-junior.csv",
            [
                Self.junior("DfE-3024", "EO", "Officer", "2"), Self.junior("DfE-3024", "HEO", "Analyst", "1"),
            ], header: Self.juniorHeader)
        let s2 = try Self.write(
            folder, "body-2011-09-30-senior.csv",
            [
                Self.senior("CEO", "Ada Example", "SCS3", "Chief Executive", "CEO"),
                Self.senior("DFE-3024", "Bo Example", "SCS1", "Deputy Director", "CEO"),
            ], header: Self.seniorHeader)
        let j2 = try Self.write(
            folder, "body-2011-09-30-junior.csv",
            [
                Self.junior("DFE-3024", "HEO", "Analyst", "1"), Self.junior("dfe-3024", "EO", "Officer", "2"),
            ], header: Self.juniorHeader)
        let a = folder.appendingPathComponent("a.yaml").path
        let b = folder.appendingPathComponent("b.yaml").path

        let first = try OrgModelBinary.run(["import", "--organogram", s1, j1, "-o", a, "--cost", "pay-band-midpoint"])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stderr.contains("note: CEO (\(s1):2) reports to itself: taken as the top post\n"))
        #expect(
            first.stderr.contains(
                "note: effective 2011-03-31 from the file name body-2011-03-31-senior.csv (give --effective to set another)\n"))
        #expect(first.stderr.contains("note: cost is an estimate for 4 posts"))
        let imported = try StructureFile.load(a)
        #expect(imported.effective?.description == "2011-03-31")
        #expect(imported.posts.first { $0.id == "DfE-3024-J1" }?.cost == 70_000)

        let exact = try OrgModelBinary.run(["import", "--organogram", s2, j2, "-o", b])
        #expect(exact.exitCode == 2)
        #expect(
            exact.stderr.contains(
                "\(j2):3: Reporting Senior Post \"dfe-3024\" is not a Post Unique Reference in \(s2); DFE-3024 differs from it only in case: give --match-ids case to read them as one"
            ))
        #expect(!FileManager.default.fileExists(atPath: b))

        let byCase = try OrgModelBinary.run(["import", "--organogram", s2, j2, "-o", b, "--match-ids", "case", "--effective", "2011-10-01"])
        #expect(byCase.exitCode == 0, "\(byCase.stderr)")
        #expect(
            byCase.stderr.contains(
                "note: 1 junior line names their manager's reference in another form, matched under --match-ids case (dfe-3024 as DFE-3024)\n"
            ))
        #expect(try StructureFile.load(b).effective?.description == "2011-10-01")

        func counts(_ matching: String) throws -> (deleted: Int, created: Int, retitled: Int, notes: [String]) {
            let run = try OrgModelBinary.run(["compare", a, b, "--format", "json", "--match-ids", matching])
            #expect(run.exitCode == 0, "\(run.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let changed = json["changed"] as? [String: Any]
            return (
                (json["deleted"] as? [Any])?.count ?? -1, (json["created"] as? [Any])?.count ?? -1,
                (changed?["retitled"] as? [Any])?.count ?? 0,
                (json["notes"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            )
        }
        let byID = try counts("exact")
        #expect(byID.deleted == 3 && byID.created == 3 && byID.retitled == 0)
        let loose = try counts("loose")
        #expect(loose.deleted == 0 && loose.created == 0 && loose.retitled == 0)
        #expect(loose.notes == ["1 post matched only under --match-ids loose, their ids differing in form: DfE-3024 as DFE-3024"])

        // Two posts of one file that differ only in case: refused, both named.
        let c = folder.appendingPathComponent("c.yaml").path
        try
            "posts:\n  - id: CEO\n    title: Chief Executive\n  - id: DfE-3024\n    title: Deputy Director\n    reports_to: CEO\n  - id: DFE-3024\n    title: Deputy Director\n    reports_to: CEO\n"
            .write(toFile: c, atomically: true, encoding: .utf8)
        let refused = try OrgModelBinary.run(["compare", a, c, "--match-ids", "case"])
        #expect(refused.exitCode == 2)
        #expect(
            refused.stderr.contains(
                "orgmodel: \(c): posts DfE-3024 and DFE-3024 differ only in case, so --match-ids case cannot tell which is which: give one of them another id, or use --match-ids exact"
            ))
    }

    /// A structure of a top post, `managers` managers and ten front-line lines of two under
    /// each, the lines of the last `uncosted` managers without a cost.
    static func large(managers: Int, uncosted: Int) -> String {
        var text = "name: Large\nposts:\n  - id: TOP\n    title: Chief Executive\n    cost: 150000\n"
        for m in 1...managers {
            text += "  - id: M\(m)\n    title: Manager \(m)\n    reports_to: TOP\n    cost: 60000\n"
            for l in 1...10 {
                text += "  - id: M\(m)-L\(l)\n    title: Officer\n    reports_to: M\(m)\n    count: 2\n"
                if m <= managers - uncosted { text += "    cost: 60000\n" }
            }
        }
        return text
    }

    @Test("review's headline groups thousands; a cost total counts posts of unknown cost as posts, with their headcount")
    func largeFigures() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.yaml").path
        let b = folder.appendingPathComponent("b.yaml").path
        try Self.large(managers: 100, uncosted: 0).write(toFile: a, atomically: true, encoding: .utf8)
        try Self.large(managers: 110, uncosted: 3).write(toFile: b, atomically: true, encoding: .utf8)
        let run = try OrgModelBinary.run(["review", a, b, "-o", folder.appendingPathComponent("review").path])
        #expect(run.exitCode == 0 || run.exitCode == 1, "\(run.stderr)")
        #expect(
            run.stdout.contains("Posts 1,101 → 1,211; headcount 2,101 → 2,311; manager posts 101 → 111; management layers 2 → 2."),
            "\(run.stdout)")
        #expect(run.stdout.contains("Annual cost £66,150,000 → £70,950,000 + 30 posts of unknown cost, headcount 60;"), "\(run.stdout)")
    }
}
