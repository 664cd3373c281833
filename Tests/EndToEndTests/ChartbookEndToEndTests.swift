import Foundation
import OrgModel
import Testing

/// Chartbooks as a committee prints them: every page at most A4, no text below the floor
/// (read from the PDF itself), every post's full box on exactly one page, every "→ p. N"
/// pointing at the page that holds its branch.
@Suite struct ChartbookEndToEndTests {
    /// Runs a poppler tool and returns what it printed.
    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + name)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Each page's size in points, from `pdfinfo`.
    static func pageSizes(_ pdf: String) throws -> [(width: Double, height: Double)] {
        let pages = try #require(
            Int(
                try tool("pdfinfo", [pdf]).split(separator: "\n")
                    .first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? ""))
        let text = try tool("pdfinfo", ["-f", "1", "-l", String(pages), pdf])
        return text.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }.compactMap { line in
            let numbers = line.split(separator: " ").compactMap { Double($0) }
            // "Page    3 size: 841.89 x 595.28 pts (A4)": the page number, then the size.
            return numbers.count >= 3 ? (numbers[1], numbers[2]) : nil
        }
    }

    /// The smallest text on any page, in points: the height of each word's box from
    /// `pdftotext -bbox`, over the fonts' ascent plus descent (1.17 em for DejaVu Sans,
    /// the taller of the two fonts the charts use, so Liberation Sans text is, if anything,
    /// under-measured).
    static func smallestText(_ pdf: String) throws -> Double {
        let html = try tool("pdftotext", ["-bbox", pdf, "-"])
        var smallest = Double.infinity
        for word in html.components(separatedBy: "<word ").dropFirst() {
            func value(_ key: String) -> Double? {
                guard let range = word.range(of: key + "=\"") else { return nil }
                return Double(word[range.upperBound...].prefix { $0 != "\"" })
            }
            if let low = value("yMin"), let high = value("yMax") { smallest = min(smallest, (high - low) / 1.17) }
        }
        return smallest
    }

    /// Element ids of an SVG page.
    static func ids(_ svg: String) -> [String] {
        svg.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            .map { $0.replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&amp;", with: "&") }
    }

    @Test func countyReviewPrintsEveryPageOnA4AtSevenPointsOrMore() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("review").path
        let run = try OrgModelBinary.run([
            "review", "Structures/county-childrens-social-care-current.yaml",
            "Structures/county-childrens-social-care-proposed.yaml", "-o", out,
        ])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("below"), "\(run.stderr)")
        var counts: [Int] = []
        for chart in ["current", "proposed", "compare", "changes"] {
            let pdf = out + "/\(chart).pdf"
            let sizes = try Self.pageSizes(pdf)
            counts.append(sizes.count)
            #expect(sizes.count > 5, "\(chart) is a chartbook of several pages")
            for size in sizes {
                #expect(max(size.width, size.height) <= 841.9 && min(size.width, size.height) <= 595.3, "\(chart): \(size)")
            }
            let smallest = try Self.smallestText(pdf)
            #expect(smallest >= 7, "\(chart): smallest text \(smallest) pt")
        }
        // One plan: the four books have the same pages, a branch on the same page in each.
        #expect(Set(counts).count == 1)
        // A bookmark a page, and every "→ p. N" a link to a page of the book, not to a file.
        let outline = try Self.tool("qpdf", ["--json", "--json-key=outlines", out + "/compare.pdf"])
        #expect(outline.components(separatedBy: "\"title\":").count - 1 == counts[0])
        let objects = folder.appendingPathComponent("compare-qdf.pdf").path
        _ = try Self.tool("qpdf", ["--qdf", "--object-streams=disable", out + "/compare.pdf", objects])
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: objects)), as: UTF8.self)
        #expect(raw.components(separatedBy: "/Dest").count > 20)
        #expect(!raw.contains("/URI"))
        // The contents: page and post of every entry, the same in all four books.
        func entries(_ chart: String) throws -> [String] {
            let text = try Self.tool("pdftotext", ["-layout", "-f", "1", "-l", "1", out + "/\(chart).pdf", "-"])
            var found: [String] = []
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if words.count >= 3 && words[0] == "p." { found.append(words[1] + " " + words[2]) }
            }
            return found
        }
        let compare = try entries("compare")
        #expect(compare.count > 5 && compare.contains { $0.hasSuffix(" HOS-CLA") })
        for chart in ["current", "proposed", "changes"] { #expect(try entries(chart) == compare, "\(chart)") }
    }

    @Test func everyPostHasOneFullBoxAndEveryReferencePointsAtItsPage() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = OrgModelBinary.structure("county-childrens-social-care-proposed.yaml")
        let run = try OrgModelBinary.run(["render", file, "-o", folder.appendingPathComponent("book.svg").path])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }.sorted()
        #expect(pages.count > 3 && pages.first == "book-p01.svg")
        var fullBoxes: [String: [String]] = [:]
        var references: [(page: String, post: String, target: Int)] = []
        var hrefs: [String] = []
        var titles: [String] = []
        for page in pages {
            let svg = try String(contentsOfFile: folder.appendingPathComponent(page).path, encoding: .utf8)
            for id in Self.ids(svg) where !id.contains("->") && !id.contains("&gt;") {
                if let range = id.range(of: "/see-p") {
                    let post = id.hasPrefix("a_") ? id.dropFirst(2)[..<range.lowerBound] : id[..<range.lowerBound]
                    references.append((page, String(post), Int(id[range.upperBound...]) ?? -1))
                } else if !id.contains("/") && !id.contains("->") && !id.hasPrefix("orgchart") && !id.hasPrefix("edge")
                    && !id.hasPrefix("graph") && !id.hasPrefix("node") && !id.hasPrefix("clust")
                {
                    fullBoxes[id.hasPrefix("a_") ? String(id.dropFirst(2)) : id, default: []].append(page)
                }
            }
            hrefs += svg.components(separatedBy: "xlink:href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            titles += svg.components(separatedBy: "xlink:title=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        // Pointing at a link shows words (a post's title, a page), never the label's markup.
        #expect(titles.count >= hrefs.count && !titles.isEmpty)
        for title in titles { #expect(!title.contains("&lt;") && !title.isEmpty, "tooltip \(title.prefix(60))") }
        #expect(titles.contains { $0.contains(", p. ") }, "a reference's tooltip names its page")
        let structure = try StructureFile.load(file)
        for post in structure.posts where post.tier != nil {
            #expect(fullBoxes[post.id.rawValue]?.count == 1, "\(post.id): full box on \(fullBoxes[post.id.rawValue] ?? [])")
        }
        #expect(!references.isEmpty)
        for reference in references {
            let target = String(format: "book-p%02d.svg", reference.target)
            #expect(fullBoxes[reference.post]?.contains(target) == true, "\(reference.post) → \(target)")
        }
        // Page links name page files that exist.
        for href in hrefs where !href.hasPrefix("#") {
            #expect(pages.contains(href), "link to \(href)")
        }
    }

    @Test func aTenThousandPostStructureRendersAsAChartbook() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("generated.yaml")
        let structure = StructureGenerator(posts: 10_000, seed: 3).generate()
        try Data(StructureYAMLWriter().writeBytes(structure)).write(to: input)
        let pdf = folder.appendingPathComponent("generated.pdf").path
        let run = try OrgModelBinary.run(["render", input.path, "-o", pdf])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("below"), "\(run.stderr)")
        let sizes = try Self.pageSizes(pdf)
        #expect(sizes.count > 50)
        #expect(try Self.smallestText(pdf) >= 7)
    }

    @Test func aChartbookIsTheSameBytesRunToRun() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var books: [Data] = []
        for name in ["a.pdf", "b.pdf"] {
            let path = folder.appendingPathComponent(name).path
            let run = try OrgModelBinary.run([
                "render", "--changes", OrgModelBinary.structure("county-childrens-social-care-current.yaml"),
                OrgModelBinary.structure("county-childrens-social-care-proposed.yaml"), "-o", path,
            ])
            #expect(run.exitCode == 0, "\(run.stderr)")
            books.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(books[0] == books[1])
    }

    @Test func minTextOutOfRangeIsAUsageError() throws {
        let run = try OrgModelBinary.run([
            "render", OrgModelBinary.structure("county-childrens-social-care-proposed.yaml"), "--min-text", "12", "-o", "x.pdf",
        ])
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("--min-text takes 4 to 9 points"))
    }
}
