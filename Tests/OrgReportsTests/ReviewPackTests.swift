import Foundation
import OrgModel
import Testing

@testable import OrgReports

/// The review pack built in the library, with its charts drawn by a stand-in: which
/// files it holds and in what order, what each says, and the page that embeds the charts.
@Suite struct ReviewPackTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let day = Day(year: 2026, month: 11, day: 22)!

    static func input(_ name: String) throws -> ReviewPack.Input {
        let file = "Structures/\(name).yaml"
        var structure = try StructureFile.load(root.appendingPathComponent(file).path)
        structure.source = file
        return ReviewPack.Input(file: file, structure: structure, rules: try RuleSetReader.ruleSet(for: structure))
    }

    /// Draws nothing: names the files a chartbook of a contents page and two chart pages
    /// has, each SVG holding its own name, and remembers what it was asked for.
    final class StandInCharts: ReviewChartDrawer {
        var asked: [(current: Int, proposed: Int, prefix: String)] = []
        var failure: (any Error)?

        func chartbooks(current: ValidationResult, proposed: ValidationResult, prefix: String) throws -> ReviewChartbooks {
            if let failure { throw failure }
            asked.append((current.structure.posts.count, proposed.structure.posts.count, prefix))
            var files: [ReviewFile] = []
            for book in ["current", "proposed", "compare", "changes"] {
                files.append(ReviewFile(name: "\(prefix)\(book).pdf", bytes: Array("%PDF \(book)".utf8), isChart: true))
                for page in 1...3 {
                    let name = "\(prefix)\(book)-p0\(page).svg"
                    files.append(ReviewFile(name: name, bytes: Array("<svg>\(name)</svg>".utf8), isChart: true))
                }
            }
            files.append(ReviewFile(name: "\(prefix)changes.png", bytes: [0x89, 0x50], isChart: true))
            return ReviewChartbooks(files: files, pageCount: 3, contentsPages: 1)
        }
    }

    static func pack(_ options: [String], charts: StandInCharts = StandInCharts()) throws -> ReviewPack {
        try ReviewPack(
            current: input("county-childrens-social-care-current"), options: try options.map(input), asOf: day, charts: charts)
    }

    static func text(_ pack: ReviewPack, _ name: String) throws -> String {
        let file = try #require(pack.files.first { $0.name == name }, "\(name) is in the pack")
        return String(decoding: file.bytes, as: UTF8.self)
    }

    @Test("One option: its review first, then the reports, the charts as drawn, and the shared files")
    func oneOption() throws {
        let charts = StandInCharts()
        let pack = try Self.pack(["county-childrens-social-care-proposed"], charts: charts)
        let names = pack.files.map(\.name)
        #expect(
            Array(names.prefix(5)) == ["review.md", "validation.txt", "key-differences.md", "analysis-current.md", "analysis-proposed.md"])
        #expect(Array(names.suffix(3)) == ["index.html", "options.json", "deviations.md"])
        #expect(names.count == 5 + 17 + 3 && Set(names).count == names.count)
        #expect(charts.asked.count == 1 && charts.asked[0].prefix == "")
        #expect(pack.files.filter(\.isChart).count == 17)
        #expect(pack.reviews.count == 1 && pack.reviews[0].chartPages == 3 && pack.reviews[0].contentsPages == 1)

        let review = try Self.text(pack, "review.md")
        #expect(review.hasPrefix("# Review: "))
        #expect(review.contains("— 3 pages each, a branch on the same page in all four"))
        #expect(review.contains("[Key differences](key-differences.md)"))
        let validation = try Self.text(pack, "validation.txt")
        #expect(validation.hasSuffix("accepted\n") && validation.contains("total: 2 of 2 files validated"))
    }

    @Test("options.json holds the figures the options table shows, and parses")
    func optionsJSON() throws {
        let pack = try Self.pack(["county-childrens-social-care-proposed"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Self.text(pack, "options.json").utf8)) as? [String: Any])
        let current = try #require(object["current"] as? [String: Any])
        let options = try #require(object["options"] as? [[String: Any]])
        let comparison = pack.reviews[0].comparison
        #expect(current["posts"] as? Int == comparison.before.structure.posts.count)
        #expect(options.count == 1)
        #expect(options[0]["posts"] as? Int == comparison.after.structure.posts.count)
        #expect(options[0]["deleted"] as? Int == comparison.deleted.count)
        #expect(options[0]["errors"] as? Int == comparison.afterFindings.errorCount)
        #expect(pack.passes == comparison.afterFindings.passes)
        // The pack is a report too: its JSON is options.json, its Markdown review.md.
        #expect(try pack.rendered(.json) == pack.files.first { $0.name == "options.json" }?.bytes)
        #expect(try pack.rendered(.markdown) == pack.files.first { $0.name == "review.md" }?.bytes)
    }

    @Test("index.html embeds the chart pages after the contents, the options, the register and no network address")
    func page() throws {
        let pack = try Self.pack(["county-childrens-social-care-proposed"])
        let html = try Self.text(pack, "index.html")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let embedded = ["changes-p02.svg", "changes-p03.svg"].map { Data("<svg>\($0)</svg>".utf8).base64EncodedString() }
        #expect(embedded.allSatisfy(html.contains))
        #expect(!html.contains(Data("<svg>changes-p01.svg</svg>".utf8).base64EncodedString()), "the contents page is left out")
        #expect(html.contains("id=\"options\"") && html.contains("id=\"option-1\"") && html.contains("id=\"deviations\""))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    @Test("Several options: the front page, options.md and the shared files first; each option's files prefixed")
    func severalOptions() throws {
        let charts = StandInCharts()
        let pack = try Self.pack(["county-childrens-social-care-proposed", "county-childrens-social-care-current"], charts: charts)
        let names = pack.files.map(\.name)
        #expect(Array(names.prefix(5)) == ["review.md", "options.md", "index.html", "options.json", "deviations.md"])
        #expect(charts.asked.map(\.prefix) == ["county-childrens-social-care-proposed-", "county-childrens-social-care-current-"])
        #expect(names.contains("county-childrens-social-care-current-key-differences.md"))
        #expect(Set(names).count == names.count)
        let front = try Self.text(pack, "review.md")
        #expect(front.hasPrefix("# Review of 2 options: "))
        #expect(front.contains("## Option 2: `Structures/county-childrens-social-care-current.yaml`"))
        #expect(front.contains("[county-childrens-social-care-proposed-review.md](county-childrens-social-care-proposed-review.md)"))
        let summary = pack.summary(writtenTo: "out", print: .init(paper: .a4, minText: 7))
        #expect(summary.hasPrefix("Structures/county-childrens-social-care-proposed.yaml:\n  Current structure "))
        #expect(summary.contains("Wrote \(names.count) files to out: review.md, options.md"))
    }

    @Test("Option files of the same name get distinct prefixes")
    func prefixes() {
        #expect(ReviewPack.prefixes(["a.yaml"]) == [""])
        #expect(ReviewPack.prefixes(["x/a.yaml", "y/a.yaml", "b c.csv"]) == ["a-", "a-2-", "b_c-"])
    }

    struct DrawingFailed: Error {}

    @Test("A chart that cannot be drawn fails the whole pack: nothing half built")
    func chartFailure() throws {
        let charts = StandInCharts()
        charts.failure = DrawingFailed()
        #expect(throws: DrawingFailed.self) { try Self.pack(["county-childrens-social-care-proposed"], charts: charts) }
    }

    @Test("review.md is the review's document: title, files compared, headline, links to every file, the picture")
    func reviewDocument() throws {
        let pack = try Self.pack(["county-childrens-social-care-proposed"])
        let review = pack.reviews[0]
        let lines = try Self.text(pack, "review.md").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "# Review: " + (review.comparison.after.structure.name ?? ""))
        #expect(
            lines[2]
                == "Current: `Structures/county-childrens-social-care-current.yaml`; proposed: `Structures/county-childrens-social-care-proposed.yaml`."
        )
        #expect(Array(lines[4..<9]) == review.headline().map { "- " + $0 })
        #expect(lines.contains("- [The register of deviations](deviations.md) of every structure; [the figures as JSON](options.json)"))
        #expect(lines.suffix(2) == ["![The changes: the first chart page](changes.png)", ""])
        // Every file review.md links to is in the pack.
        let names = Set(pack.files.map(\.name))
        let targets = lines.flatMap { line in line.split(separator: "](").dropFirst().map { String($0.prefix { $0 != ")" }) } }
        #expect(targets.count == 11 && targets.allSatisfy(names.contains))
    }

    @Test("The front page of several options nests the options table under its own heading")
    func frontPage() throws {
        let pack = try Self.pack(["county-childrens-social-care-proposed", "county-childrens-social-care-current"])
        let front = try Self.text(pack, "review.md")
        let options = try Self.text(pack, "options.md")
        #expect(front.contains("## The options side by side\n\n### Options: "))
        #expect(front.contains("\n#### Side by side\n") && options.contains("\n## Side by side\n"))
        #expect(
            front.hasSuffix("\n\nThe [register of deviations](deviations.md) of every structure; the options as [JSON](options.json).\n"))
    }
}
