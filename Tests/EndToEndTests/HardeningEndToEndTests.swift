import Foundation
import Testing

/// The hostile cases of issue 10, through the built command: a clear refusal with
/// file:line and exit 2, never a trap, and no output folder left behind.
@Suite("Hardening, end to end")
struct HardeningEndToEndTests {
    @Test(
        "A huge fte or a refused character is exit 2 with file:line, for every structure command",
        arguments: [
            ["validate", "FILE"], ["analyse", "FILE"], ["compare", "FILE", "FILE"], ["delayer", "FILE", "-o", "options"],
            ["export", "FILE", "--format", "organogram", "-o", "organogram"], ["render", "FILE", "-o", "chart.svg"],
        ])
    func refusedInput(arguments: [String]) throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text, where_) in [
            (
                "huge.yaml", "posts:\n  - id: A\n    fte: 99999999999999999999\n",
                "huge.yaml:3:10: post A: fte 1e+20 is more than its count 1"
            ),
            ("nul.yaml", "posts:\n  - id: A\n    title: \"a\\u0000b\"\n", "nul.yaml:3:12: title holds the control character U+0000"),
            ("fffe.csv", "id,reports_to,title\nA,,a\u{FFFE}b\n", "fffe.csv:2:5: the text holds the non-character U+FFFE"),
        ] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            let run = try OrgModelBinary.run(arguments.map { $0 == "FILE" ? name : $0 }, in: folder)
            #expect(run.exitCode == 2, "\(arguments) \(name): \(run.stderr)")
            #expect(run.stderr.contains(where_), "\(run.stderr)")
            #expect(!run.stderr.contains("Fatal error"))
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                !$0.hasSuffix(".yaml") && !$0.hasSuffix(".csv")
            }
            #expect(left.isEmpty, "left behind: \(left)")
        }
    }

    @Test("render --all on a folder with an unreadable file exits 2 and makes no output folder")
    func renderAllLeavesNoFolder() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: OrgModelBinary.structure("childrens-services-redesign-current.yaml"),
            toPath: inputs.appendingPathComponent("good.yaml").path)
        try Data("posts: [\n".utf8).write(to: inputs.appendingPathComponent("bad.yaml"))
        let run = try OrgModelBinary.run(["render", "--all", "in", "-o", "out/charts"], in: folder)
        #expect(run.exitCode == 2, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
