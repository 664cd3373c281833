import Foundation
import Testing

/// `orgmodel review`, the main job, run on the bundled pairs.
@Suite struct ReviewEndToEndTests {
    /// The files besides the chartbooks' page SVGs (`current-p01.svg`, …, or `current.svg`
    /// for a book of one page).
    static let files = [
        "review.md", "validation.txt", "key-differences.md", "analysis-current.md", "analysis-proposed.md",
        "current.pdf", "proposed.pdf", "compare.pdf", "changes.pdf", "changes.png", "options.json", "deviations.md", "index.html",
    ]

    /// Every file of a review folder, the page SVGs included, sorted.
    static func written(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func reviewWritesEveryFileAndSummarises() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("review").path
        let run = try OrgModelBinary.run([
            "review", "Structures/childrens-services-redesign-current.yaml",
            "Structures/childrens-services-redesign-proposed.yaml", "-o", out,
        ])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("proposed structure passes"))
        #expect(run.stdout.contains("1 temporary → permanent") || run.stdout.contains("temporary → permanent"))
        #expect(run.stdout.contains("Annual cost £2,684,900 → £2,769,900; net change +£85,000 a year."))
        let written = try Self.written(out)
        #expect(written.filter { !$0.hasSuffix(".svg") } == Self.files.sorted())
        for chart in ["current", "proposed", "compare", "changes"] {
            #expect(written.contains { $0 == "\(chart).svg" || $0 == "\(chart)-p01.svg" }, "no SVG page of \(chart)")
        }
        let pdf = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("changes.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let markdown = try String(contentsOfFile: out + "/key-differences.md", encoding: .utf8)
        #expect(markdown.contains("SW-TEMP"))
    }

    @Test func reviewOfSeveralOptionsSetsThemSideBySide() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = folder.appendingPathComponent("options").path
        let current = "Structures/childrens-services-redesign-current.yaml"
        #expect(try OrgModelBinary.run(["delayer", current, "-o", options]).exitCode == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: options).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 2)
        let out = folder.appendingPathComponent("pack").path
        let run = try OrgModelBinary.run(["review", current] + files.map { options + "/" + $0 } + ["-o", out])
        #expect(run.exitCode == 0 || run.exitCode == 1, "\(run.stderr)")
        let written = try Self.written(out)
        for name in ["review.md", "options.md", "options.json", "deviations.md"] { #expect(written.contains(name), "\(name)") }
        // Each option's own review, named after it.
        for file in files {
            let stem = (file as NSString).deletingPathExtension
            for name in ["review.md", "key-differences.md", "changes.pdf", "changes.png"] {
                #expect(written.contains("\(stem)-\(name)"), "\(stem)-\(name)")
            }
        }
        // options.json: the current structure and each option, with the figures a table needs.
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/options.json"))) as? [String: Any])
        let listed = try #require(json["options"] as? [[String: Any]])
        #expect(listed.count == files.count)
        #expect(listed.allSatisfy { $0["net_change"] != nil && $0["errors"] != nil })
        let front = try String(contentsOfFile: out + "/review.md", encoding: .utf8)
        #expect(front.contains("# Review of \(files.count) options"))
        #expect(files.allSatisfy { front.contains((($0 as NSString).deletingPathExtension) + "-review.md") })
        // One headline an option on standard output.
        #expect(files.allSatisfy { run.stdout.contains($0 + ":") })
    }

    @Test func reviewMatchesIDsThatDifferOnlyInFormWhenAsked() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = folder.appendingPathComponent("before.yaml")
        let after = folder.appendingPathComponent("after.yaml")
        let posts = { (prefix: String) in
            "posts:\n  - id: \(prefix)-1\n    title: Director\n    tier: 2\n  - id: \(prefix)-2\n    title: Head of Service\n    tier: 4\n    reports_to: \(prefix)-1\n"
        }
        try Data(posts("DfE").utf8).write(to: before)
        try Data(posts("DFE").utf8).write(to: after)
        let exact = try OrgModelBinary.run(["review", before.path, after.path, "-o", folder.appendingPathComponent("exact").path])
        #expect(exact.stdout.contains("Posts deleted 2, created 2"), "\(exact.stdout)")
        let matched = try OrgModelBinary.run([
            "review", before.path, after.path, "--match-ids", "case", "-o", folder.appendingPathComponent("case").path,
        ])
        #expect(matched.stdout.contains("Posts deleted 0, created 0"), "\(matched.stdout)\(matched.stderr)")
        // The change chart matches them too: no post is drawn as deleted.
        let changes = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("case").path)
            .filter { $0.hasPrefix("changes") && $0.hasSuffix(".svg") }
        let svg = try changes.map { try String(contentsOfFile: folder.appendingPathComponent("case/\($0)").path, encoding: .utf8) }.joined()
        #expect(!svg.contains("DELETED"))
    }

    @Test func reviewIsDeterministic() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var contents: [[Data]] = []
        for name in ["a", "b"] {
            let out = folder.appendingPathComponent(name).path
            let run = try OrgModelBinary.run([
                "review", "Structures/childrens-services-redesign-current.yaml",
                "Structures/childrens-services-redesign-proposed.yaml", "-o", out,
            ])
            #expect(run.exitCode == 0)
            contents.append(try Self.written(out).map { try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent($0)) })
        }
        #expect(contents[0] == contents[1])
    }

    @Test("ORGMODEL_TIMINGS=1 says where the time went, and the files are the same byte for byte")
    func timingsSayWhereTheTimeWent() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var contents: [[Data]] = []
        var errors: [String] = []
        for (name, environment) in [("plain", [String: String]()), ("timed", ["ORGMODEL_TIMINGS": "1"])] {
            let out = folder.appendingPathComponent(name).path
            let run = try OrgModelBinary.run(
                [
                    "review", "Structures/county-childrens-social-care-current.yaml",
                    "Structures/county-childrens-social-care-proposed.yaml", "-o", out,
                ], environment: environment)
            #expect(run.exitCode == 0 || run.exitCode == 1, "\(run.stderr)")
            contents.append(try Self.written(out).map { try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent($0)) })
            errors.append(run.stderr)
        }
        #expect(contents[0] == contents[1])
        #expect(!errors[0].contains("timing "))
        for phase in ["plan: trial layouts", "pages: layout and drawing", "PDF finishing", "files written"] {
            #expect(errors[1].contains("timing \(phase): "), "no \(phase) in \(errors[1])")
        }
    }

    @Test func proposedWithErrorsExitsOneButStillWrites() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("review").path
        // Reviewing the change backwards makes the failing structure the "proposed" one.
        let run = try OrgModelBinary.run([
            "review", "Structures/childrens-services-redesign-proposed.yaml",
            "Structures/childrens-services-redesign-current.yaml", "-o", out,
        ])
        #expect(run.exitCode == 1)
        #expect(FileManager.default.fileExists(atPath: out + "/review.md"))
    }

    @Test func redactedReviewShowsNoWithheldName() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A holder below tier 3, whose name a published review must not show.
        let current = folder.appendingPathComponent("current.yaml")
        let proposed = folder.appendingPathComponent("proposed.yaml")
        let base = try String(contentsOfFile: OrgModelBinary.structure("childrens-services-redesign-current.yaml"), encoding: .utf8)
        let next = try String(contentsOfFile: OrgModelBinary.structure("childrens-services-redesign-proposed.yaml"), encoding: .utf8)
        let named = { (text: String) in
            text.replacingOccurrences(of: "  - id: SM-AFS\n", with: "  - id: SM-AFS\n    holder: Morgan Withheld\n")
        }
        try Data(named(base).utf8).write(to: current)
        try Data(named(next).utf8).write(to: proposed)
        let out = folder.appendingPathComponent("review").path
        let shown = try OrgModelBinary.run(["review", current.path, proposed.path, "-o", out + "-plain", "--names", "all"])
        #expect(shown.exitCode == 0, "\(shown.stderr)")
        let plain = try Self.written(out + "-plain").filter { $0.hasPrefix("current") && $0.hasSuffix(".svg") }
            .map { try String(contentsOfFile: out + "-plain/" + $0, encoding: .utf8) }.joined()
        #expect(plain.contains("Morgan Withheld"))
        let run = try OrgModelBinary.run(["review", current.path, proposed.path, "-o", out, "--names", "all", "--redact"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        for file in try Self.written(out) where !file.hasSuffix(".png") && !file.hasSuffix(".pdf") {
            let url = URL(fileURLWithPath: out).appendingPathComponent(file)
            let bytes = try Data(contentsOf: url)
            #expect(bytes.range(of: Data("Morgan Withheld".utf8)) == nil, "\(file)")
            if file.hasSuffix(".pdf") {
                // A PDF's text is compressed: read it as a person would, through pdftotext.
                let text = try Self.pdfText(url)
                #expect(text.contains("Service Manager"), "pdftotext found no text in \(file)")
                #expect(!text.contains("Morgan Withheld"), "\(file)")
                let plainText = try Self.pdfText(URL(fileURLWithPath: out + "-plain").appendingPathComponent(file))
                if file == "current.pdf" { #expect(plainText.contains("Morgan Withheld")) }
            }
        }
    }

    /// The text of a PDF, from poppler's pdftotext (installed by .ci/run).
    static func pdfText(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [url.path, url.path + ".txt"]
        try process.run()
        process.waitUntilExit()
        return try String(contentsOfFile: url.path + ".txt", encoding: .utf8)
            .replacingOccurrences(of: "\n", with: " ")
    }

    @Test func redactedRenderShowsNoWithheldName() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let structure = folder.appendingPathComponent("named.yaml")
        let text = try String(contentsOfFile: OrgModelBinary.structure("childrens-services-redesign-current.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  - id: SM-AFS\n", with: "  - id: SM-AFS\n    holder: Morgan Withheld\n")
        try Data(text.utf8).write(to: structure)
        for format in ["svg", "pdf", "dot"] {
            let plain = folder.appendingPathComponent("plain.\(format)").path
            let redacted = folder.appendingPathComponent("redacted.\(format)").path
            #expect(try OrgModelBinary.run(["render", structure.path, "--names", "all", "-o", plain]).exitCode == 0)
            #expect(try OrgModelBinary.run(["render", structure.path, "--names", "all", "--redact", "-o", redacted]).exitCode == 0)
            // A chartbook of several pages writes NAME-p01.svg, …: read them all.
            let read = { (path: String) throws -> String in
                if format == "pdf" { return try Self.pdfText(URL(fileURLWithPath: path)) }
                if FileManager.default.fileExists(atPath: path) { return try String(contentsOfFile: path, encoding: .utf8) }
                let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                    .filter { $0.hasPrefix(stem + "-p") && $0.hasSuffix("." + format) }
                    .map { try String(contentsOfFile: folder.appendingPathComponent($0).path, encoding: .utf8) }.joined()
            }
            #expect(try read(plain).contains("Morgan Withheld"), "\(format)")
            #expect(try !read(redacted).contains("Morgan Withheld"), "\(format)")
            #expect(try read(redacted).contains("N/D"), "\(format)")
        }
    }

    @Test func unreadableInputWritesNothing() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("review").path
        let run = try OrgModelBinary.run([
            "review", "Structures/none.yaml", "Structures/childrens-services-redesign-proposed.yaml", "-o", out,
        ])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("Structures/none.yaml: no such file"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
