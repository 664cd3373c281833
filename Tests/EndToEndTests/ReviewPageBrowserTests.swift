import Foundation
import Testing

/// The review's `index.html` opened in a real browser (headless Chromium, which `.ci/run`
/// installs): no console messages, every option and chart shown, the options table's
/// figures those of `options.json`, and the browser's Print giving A4 pages.
@Suite(.serialized) struct ReviewPageBrowserTests {
    static let chromium = "/usr/bin/chromium"

    /// Runs headless Chromium on `page` with `arguments`; gives standard output and error.
    static func browser(_ arguments: [String], page: String) throws -> (out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars"] + arguments
            + ["file://" + page]
        // Output to files, not pipes: a large page cannot fill a pipe and stall the browser.
        let scratch = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        #expect(FileManager.default.createFile(atPath: outURL.path, contents: nil))
        #expect(FileManager.default.createFile(atPath: errURL.path, contents: nil))
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        let outData = try Data(contentsOf: outURL)
        let errData = try Data(contentsOf: errURL)
        return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// A review of the children's services pair and one of the delayer's options for it.
    static func reviews() throws -> (folder: URL, single: String, options: String, optionCount: Int) {
        let folder = try OrgModelBinary.temporaryDirectory()
        let current = "Structures/childrens-services-redesign-current.yaml"
        let single = folder.appendingPathComponent("single").path
        _ = try OrgModelBinary.run(["review", current, "Structures/childrens-services-redesign-proposed.yaml", "-o", single])
        let optionsFolder = folder.appendingPathComponent("options").path
        _ = try OrgModelBinary.run(["delayer", current, "-o", optionsFolder])
        let files = try FileManager.default.contentsOfDirectory(atPath: optionsFolder).filter { $0.hasSuffix(".yaml") }.sorted()
        let pack = folder.appendingPathComponent("pack").path
        _ = try OrgModelBinary.run(["review", current] + files.map { optionsFolder + "/" + $0 } + ["-o", pack])
        return (folder, single + "/index.html", pack + "/index.html", files.count)
    }

    @Test func theReviewPageOpensInABrowserAndPrintsOnA4() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.chromium), "install chromium (apt-get install chromium), as .ci/run does")
        guard FileManager.default.isExecutableFile(atPath: Self.chromium) else { return }
        let (folder, single, options, optionCount) = try Self.reviews()
        defer { try? FileManager.default.removeItem(at: folder) }

        for (page, count) in [(single, 1), (options, optionCount)] {
            #expect(FileManager.default.fileExists(atPath: page))
            // The page as the browser has it after its script ran, and what it logged.
            let (dom, log) = try Self.browser(["--enable-logging=stderr", "--v=0", "--dump-dom"], page: page)
            let console = log.split(separator: "\n").filter { $0.contains("CONSOLE") }
            #expect(console.isEmpty, "console: \(console.prefix(3))")
            #expect(dom.components(separatedBy: "<section class=\"option\"").count - 1 == count)
            // Every chart page is an image with its SVG inline, and each option has some.
            let charts = dom.components(separatedBy: "<figure class=\"chart\">").count - 1
            #expect(charts >= count)
            #expect(dom.components(separatedBy: "src=\"data:image/svg+xml;base64,PD94").count - 1 == charts)
            // The script ran: each sortable table got its filter box.
            #expect(dom.contains("class=\"filter\""))
            #expect(dom.contains("<details class=\"outline\">"))

            // The options table shows the figures of options.json.
            let json = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: (page as NSString).deletingLastPathComponent + "/options.json")))
                    as? [String: Any])
            let columns = [json["current"] as? [String: Any]] + ((json["options"] as? [[String: Any]]) ?? []).map { Optional($0) }
            for (label, key) in [("Posts", "posts"), ("Errors", "errors"), ("Manager posts", "manager_posts"), ("Headcount", "headcount")] {
                let cells = Self.row(label, in: dom)
                #expect(cells.count == columns.count, "\(label): \(cells)")
                for (cell, column) in zip(cells, columns) {
                    let shown = cell.replacingOccurrences(of: " ✓", with: "").replacingOccurrences(of: ",", with: "")
                    #expect(shown == "\(column?[key] as? Int ?? -1)", "\(label)")
                }
            }

            // Print: A4 pages.
            let pdf = folder.appendingPathComponent("print-\(count).pdf").path
            _ = try Self.browser(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)"], page: page)
            let sizes = try ChartbookEndToEndTests.pageSizes(pdf)
            #expect(sizes.count > 3)
            for size in sizes {
                #expect(abs(min(size.width, size.height) - 595.3) < 1 && abs(max(size.width, size.height) - 841.9) < 1, "\(size)")
            }
        }
    }

    /// The cells after the label of the options table's row `label`, as shown.
    static func row(_ label: String, in dom: String) -> [String] {
        guard let start = dom.range(of: "<tr><td>\(label)</td>") else { return [] }
        let rest = dom[start.upperBound...]
        guard let end = rest.range(of: "</tr>") else { return [] }
        return rest[..<end.lowerBound].components(separatedBy: "</td>").compactMap { part in
            guard let open = part.range(of: ">", options: .backwards) else { return nil }
            let text = String(part[open.upperBound...])
            return part.contains("<td") ? text : nil
        }
    }
}
