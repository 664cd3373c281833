import Foundation
import Testing

/// `orgmodel import` of an HR extract with the rules the organogram import has had:
/// `--match-ids`, placeholder ids, rows repeated exactly.
@Suite("Import rules shared by both formats, end to end")
struct ImportPipelineEndToEndTests {
    static let mapping = "columns:\n  id: ID\n  reports_to: Boss\n  title: Title\n  holder: Name\njob_shares: true\n"
    static let extract = "ID,Boss,Title,Name\nDfE-1,,Director,Ann\nB,DFE-1,Head,Bo\nB,DFE-1,Head,Bo\n0,DfE-1,Adviser,\n0,DfE-1,Analyst,\n"

    func inFolder(_ body: (URL) throws -> Void) throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.mapping.write(to: folder.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        try Self.extract.write(to: folder.appendingPathComponent("x.csv"), atomically: true, encoding: .utf8)
        try body(folder)
    }

    @Test("An HR extract takes --match-ids: exact refuses with a hint, case matches with a note")
    func matchIDs() throws {
        try inFolder { folder in
            let (extract, mapping) = (folder.appendingPathComponent("x.csv").path, folder.appendingPathComponent("m.yaml").path)
            let out = folder.appendingPathComponent("out.yaml").path
            let exact = try OrgModelBinary.run(["import", extract, "--map", mapping, "-o", out])
            #expect(exact.exitCode == 2)
            #expect(
                exact.stderr.contains(
                    "\(extract):3: Boss \"DFE-1\" is not an ID in the extract; DfE-1 differs from it only in case: give --match-ids case to read them as one"
                ))
            #expect(!FileManager.default.fileExists(atPath: out))
            let byCase = try OrgModelBinary.run(["import", extract, "--map", mapping, "-o", out, "--match-ids", "case"])
            #expect(byCase.exitCode == 0, "\(byCase.stderr)")
            #expect(
                byCase.stderr.contains(
                    "note: 1 post names their manager's reference in another form, matched under --match-ids case (DFE-1 as DfE-1)"))
            #expect(
                byCase.stderr.contains(
                    "note: ID \"0\" is a placeholder that 2 rows share, not one post: each row is its own post (0-line5 and 0-line6)"))
            #expect(byCase.stderr.contains("note: 1 row repeats an earlier row exactly (the first at \(extract):4)"))
            #expect(byCase.stdout == "imported 4 posts from \(extract) with \(mapping) into \(out)\n")
        }
    }
}
