import Foundation
import OrgModel
import Testing

/// `orgmodel render` run as a user would: every format renders, the layout keeps tier
/// rows, any text survives, the output is byte-identical run to run, and each failure
/// has its exit code.
@Suite struct RenderEndToEndTests {
    static let fixtures = OrgModelBinary.packageRoot.appendingPathComponent("Tests/OrgChartTests/Fixtures")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    static let county = "Structures/county-childrens-social-care"

    /// Runs `render` with `arguments` plus `-o` into a fresh folder and returns the bytes written.
    /// Renders to one file. These tests check the box-per-post layout and text on small
    /// fixtures, on A3 at 4-point text, which keeps each on one page; chartbooks and the
    /// compact layout have their own tests.
    static func render(_ arguments: [String], file: String) throws -> (run: OrgModelBinary.Run, bytes: Data?) {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent(file)
        let run = try OrgModelBinary.run(
            ["render"] + arguments + ["--min-text", "4", "--paper", "a3", "--layout", "boxes", "-o", output.path])
        return (run, try? Data(contentsOf: output))
    }

    @Test func everyFormatRenders() throws {
        let input = Self.fixture("small-current.yaml")
        let svg = try Self.render([input], file: "chart.svg")
        #expect(svg.run.exitCode == 0, "\(svg.run.stderr)")
        let document = try SVGDocument(try #require(svg.bytes))
        #expect(document.elementNames.contains("svg"))
        let pdf = try #require(try Self.render([input], file: "chart.pdf").bytes)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let png = try #require(try Self.render([input], file: "chart.png").bytes)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let dot = try #require(try Self.render([input], file: "chart.dot").bytes)
        #expect(String(decoding: dot, as: UTF8.self).hasPrefix("digraph orgchart {"))
        let json = try #require(try Self.render([input], file: "chart.json").bytes)
        #expect(try JSONSerialization.jsonObject(with: json) is [String: Any])
        // --format overrides the extension.
        let forced = try #require(try Self.render([input, "--format", "svg"], file: "chart.out").bytes)
        #expect(forced.starts(with: Array("<?xml".utf8)))
    }

    @Test func eachPostIsAnElementInTheSVG() throws {
        let svg = try SVGDocument(try #require(try Self.render([Self.fixture("small-current.yaml")], file: "c.svg").bytes))
        for id in ["DIR", "PA-DIR", "AD", "HOS-A", "SM-A", "SM-B", "TM-1", "TM-1/front-line"] {
            #expect(svg.group(id)?.className == "node", "no node with id \(id)")
        }
        #expect(svg.words(of: "TM-1/front-line")?.contains("6 Social Worker (1 vacant)") == true)
        let compare = try SVGDocument(
            try #require(
                try Self.render(
                    ["--compare", Self.fixture("small-current.yaml"), Self.fixture("small-proposed.yaml")], file: "c.svg"
                ).bytes))
        #expect(compare.group("current-HOS-A") != nil)
        #expect(compare.group("proposed-HOS-S") != nil)
    }

    /// Node positions from Graphviz's own layout (`json` output), by element id.
    static func positions(_ arguments: [String]) throws -> [String: (x: Double, y: Double)] {
        let json = try #require(try render(arguments, file: "layout.json").bytes)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        var positions: [String: (Double, Double)] = [:]
        for node in object["objects"] as? [[String: Any]] ?? [] {
            guard let id = node["id"] as? String, let pos = node["pos"] as? String, node["nodes"] == nil else { continue }
            let parts = pos.split(separator: ",").compactMap { Double($0) }
            if parts.count == 2 { positions[id] = (parts[0], parts[1]) }
        }
        return positions
    }

    @Test func sameTierPostsShareARowWithItsLabelAtTheLeft() throws {
        let file = "\(Self.county)-proposed.yaml"
        let positions = try Self.positions([file, "--depth", "2"])
        let structure = try StructureFile.load(OrgModelBinary.packageRoot.appendingPathComponent(file).path)
        var checked = 0
        for post in structure.posts {
            guard let tier = post.tier, let box = positions[post.id.rawValue] else { continue }
            let label = try #require(positions["orgchart-row-tier-\(tier)"], "no label for tier \(tier)")
            #expect(abs(box.y - label.y) < 0.01, "\(post.id) is not in the tier \(tier) row")
            #expect(box.x > label.x, "\(post.id) is left of its row label")
            checked += 1
        }
        #expect(checked > 5)
        // Front-line teams share the row below.
        let frontLine = try #require(positions["orgchart-row-front-line"])
        let teams = positions.filter { $0.key.hasSuffix("/front-line") }
        #expect(teams.count >= 1)
        #expect(teams.allSatisfy { abs($0.value.y - frontLine.y) < 0.01 })
        // Rows run top to bottom in tier order (Graphviz's y grows upward).
        let rows = (2...6).compactMap { positions["orgchart-row-tier-\($0)"]?.y }
        #expect(rows == rows.sorted(by: >))
        #expect(frontLine.y < rows[rows.count - 1])
    }

    @Test func currentSitsLeftOfProposed() throws {
        let positions = try Self.positions(["--compare", "\(Self.county)-current.yaml", "\(Self.county)-proposed.yaml", "--depth", "1"])
        let current = positions.filter { $0.key.hasPrefix("current-") }.map(\.value.x)
        let proposed = positions.filter { $0.key.hasPrefix("proposed-") }.map(\.value.x)
        #expect(current.count > 3 && proposed.count > 3)
        #expect(try #require(current.max()) < (try #require(proposed.min())))
    }

    @Test func anyTextRendersAsWritten() throws {
        let rendered = try Self.render([Self.fixture("nasty.yaml"), "--names", "all"], file: "nasty.svg")
        #expect(rendered.run.exitCode == 0, "\(rendered.run.stderr)")
        let svg = try SVGDocument(try #require(rendered.bytes))
        // Markup in a name stays text: no element of the user's making.
        #expect(!svg.elementNames.contains("script") && !svg.elementNames.contains("b"))
        func words(_ id: String) throws -> String {
            let text = try #require(svg.words(of: id), "no node with id \(id)")
            return text.split(separator: " ").joined(separator: " ")
        }
        let director = try words(#"DIR"<&>"#)
        #expect(director.contains(#"Director of "Quality" & <Practice> \N \G \L \\ C:\"#))
        #expect(director.contains("Zoë O'Brien-Łukasiewicz <script>alert(1)</script>"))
        #expect(try words("AD-Ω").contains("Директор по делам детей Αλέξανδρος Παπαδόπουλος"))
        #expect(try words("HOS-ع").contains("مدير الخدمات الاجتماعية"))
        #expect(try words("HOS-ع").contains("児童サービス部長"))
        #expect(try words("SM-😀").contains("👩‍👧 Family Hub 🏠 ]]> -->"))
        let long = try #require(try StructureFile.load(Self.fixture("nasty.yaml")).posts.first { $0.id == "TM-LONG" }?.title)
        #expect(long.count == 200)
        // A box shows five lines of a title; the rest is cut with an ellipsis (reports keep it whole).
        #expect(try words("TM-LONG").contains(String(long.prefix(40).split(separator: " ").dropLast().joined(separator: " "))))
        #expect(try words("TM-LONG").contains("…"))
        #expect(try #require(svg.group("TM-LONG")).texts.count > 5, "the long title wraps")
        #expect(try words("TM-LONG/front-line").contains(#"3 Worker </TD></TR></TABLE>>]; evil [label="x""#))
        let notes = svg.groups.first { $0.className == "graph" }?.texts.joined(separator: " ") ?? ""
        #expect(notes.contains(#"One team only ]]> --> & <b>bold</b> \N"#))
        let title = svg.group("orgchart-chart")?.texts.joined(separator: " ") ?? ""
        #expect(title.contains(#"Escaping & <test> "quoted" \N"#))
        #expect(title.contains("Zoë's <Council> & Co"))
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        for format in ["svg", "pdf", "png"] {
            let arguments = ["--changes", Self.fixture("small-current.yaml"), Self.fixture("small-proposed.yaml")]
            let first = try #require(try Self.render(arguments, file: "a.\(format)").bytes)
            let second = try #require(try Self.render(arguments, file: "b.\(format)").bytes)
            #expect(first == second, "\(format) differs between runs")
        }
    }

    @Test func structureWithErrorsStillRendersWithExitZero() throws {
        let rendered = try Self.render(["Structures/childrens-services-redesign-current.yaml"], file: "errors.svg")
        #expect(rendered.run.exitCode == 0)
        let svg = try SVGDocument(try #require(rendered.bytes))
        #expect(svg.words(of: "SM-AFS")?.contains("span-narrow") == true)
    }

    @Test func splitByTierWritesAPagePerPost() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OrgModelBinary.run([
            "render", Self.fixture("small-current.yaml"), "--split-by-tier", "5", "--layout", "boxes", "--min-text", "4", "--paper", "a3",
            "-o", folder.appendingPathComponent("small.svg").path,
        ])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["small-SM-A.svg", "small-SM-B.svg"])
        let page = try SVGDocument(Data(contentsOf: folder.appendingPathComponent("small-SM-B.svg")))
        #expect(page.group("SM-B") != nil && page.group("TM-3") != nil && page.group("SM-A") == nil)
        let none = try OrgModelBinary.run([
            "render", Self.fixture("small-current.yaml"), "--split-by-tier", "9", "-o", folder.appendingPathComponent("x.svg").path,
        ])
        #expect(none.exitCode == 64)
        #expect(none.stderr.contains("no post of tier 9"))
    }

    @Test("Split pages say which branches beside the split tier no page shows")
    func splitByTierNamesWhatItLeavesOut() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OrgModelBinary.run([
            "render", "Structures/county-childrens-social-care-current.yaml", "--split-by-tier", "4", "-o",
            folder.appendingPathComponent("c.dot").path,
        ])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains("note: 15 posts are on no page, not being below a post of tier 4: SM-CWD (15 posts); draw it with --root"))
        let first = try OrgModelBinary.run([
            "render", Self.fixture("small-current.yaml"), "--split-by-tier", "5", "--layout", "boxes", "--min-text", "4", "--paper", "a3",
            "-o", folder.appendingPathComponent("small.svg").path,
        ])
        #expect(!first.stderr.contains("on no page"))
    }

    @Test func allRendersEveryStructureAndPair() throws {
        let source = try OrgModelBinary.temporaryDirectory()
        let output = try OrgModelBinary.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: source)
            try? FileManager.default.removeItem(at: output)
        }
        for (name, fixture) in [
            ("small-current.yaml", "small-current.yaml"), ("small-proposed.yaml", "small-proposed.yaml"), ("other.yaml", "nasty.yaml"),
        ] {
            try FileManager.default.copyItem(atPath: Self.fixture(fixture), toPath: source.appendingPathComponent(name).path)
        }
        let run = try OrgModelBinary.run(["render", "--all", source.path, "-o", output.path])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(
            files.filter { !$0.hasSuffix(".svg") } == [
                "other.pdf", "small-changes.pdf", "small-changes.png", "small-compare.pdf", "small-current.pdf", "small-proposed.pdf",
            ])
        for name in ["other", "small-changes", "small-compare", "small-current", "small-proposed"] {
            #expect(files.contains { $0 == "\(name).svg" || $0 == "\(name)-p01.svg" }, "no SVG page of \(name)")
        }
        #expect(run.stdout.split(separator: "\n").count == files.count)
    }

    @Test func graphvizFailureIsExitThreeWithItsMessage() throws {
        // With no plugins to load, Graphviz cannot lay anything out.
        let plugins = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: plugins) }
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("chart.svg")
        let run = try OrgModelBinary.run(
            ["render", Self.fixture("small-current.yaml"), "-o", output.path], environment: ["GVBINDIR": plugins.path])
        #expect(run.exitCode == 3)
        #expect(run.stderr.contains("layout engine 'dot' is not available"))
        #expect(run.stderr.contains("dot -c"))
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing half-written")
    }

    @Test func exitCodes() throws {
        let missing = try Self.render(["Structures/no-such-file.yaml"], file: "x.svg")
        #expect(missing.run.exitCode == 2)
        #expect(missing.run.stderr.contains("no-such-file.yaml"))
        let unwritable = try OrgModelBinary.run(["render", Self.fixture("small-current.yaml"), "-o", "/nonexistent-folder/x.svg"])
        #expect(unwritable.exitCode == 3)
        #expect(unwritable.stderr.contains("/nonexistent-folder does not exist"))
        let root = try Self.render([Self.fixture("small-current.yaml"), "--root", "sm-a"], file: "x.svg")
        #expect(root.run.exitCode == 64)
        #expect(root.run.stderr.contains("did you mean SM-A?"))
        let format = try Self.render([Self.fixture("small-current.yaml")], file: "x.txt")
        #expect(format.run.exitCode == 64)
        #expect(format.run.stderr.contains("cannot tell the format"))
        let pair = try Self.render(["--compare", Self.fixture("small-current.yaml")], file: "x.svg")
        #expect(pair.run.exitCode == 64)
    }

    @Test func dotToStandardOutput() throws {
        let run = try OrgModelBinary.run([
            "render", Self.fixture("small-current.yaml"), "-o", "-", "--format", "dot", "--min-text", "4", "--paper", "a3",
        ])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("digraph orgchart {"))
        #expect(run.stdout.contains("id=\"SM-B\""))
        // A chartbook of several pages cannot go to standard output: exit 64, and why.
        let book = try OrgModelBinary.run(["render", Self.fixture("small-current.yaml"), "-o", "-", "--format", "dot"])
        #expect(book.exitCode == 64)
        #expect(book.stderr.contains("pages: standard output takes one file"))
    }
}
