import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgReports
@testable import OrgSupport

/// One report interface: every report renders each format through `Report.rendered`,
/// its JSON keys are all snake_case, and a value JSON cannot hold is an error.
@Suite struct ReportFormatTests {
    /// Every report the commands write, built from the bundled county structures (or the
    /// other suites' fixtures where a report needs more than one structure).
    static func reports() throws -> [(name: String, report: any Report)] {
        let day = Day(year: 2026, month: 11, day: 22)!
        let loaded = try ["county-childrens-social-care-current.yaml", "county-childrens-social-care-proposed.yaml"].map { name in
            let file = "Structures/\(name)"
            var structure = try StructureFile.load(Fixtures.packageRoot.appendingPathComponent(file).path)
            structure.source = file
            return (file: file, structure: structure, rules: try RuleSetReader.ruleSet(for: structure))
        }
        let current = loaded[0]
        let proposed = loaded[1]
        let comparison = StructureComparison(
            current: current.structure, proposed: proposed.structure, currentRules: current.rules,
            proposedRules: proposed.rules, asOf: day)
        var register = DeviationRegister(asOf: day)
        for input in loaded { register.add(input.structure, file: input.file, rules: input.rules) }
        return [
            (
                "validation",
                ValidationReport(entries: [
                    .validated(file: current.file, result: comparison.beforeFindings),
                    .validated(file: proposed.file, result: comparison.afterFindings),
                ])
            ),
            ("analysis", AnalysisReport(comparison.before, file: current.file)),
            ("comparison", ComparisonReport(comparison, currentFile: current.file, proposedFile: proposed.file)),
            (
                "options",
                OptionsComparison(
                    current: current.structure, rules: current.rules, file: current.file,
                    options: [(proposed.structure, proposed.rules, proposed.file)], asOf: day)
            ),
            ("delayering", DelayeringReport(try DelayeringPlanner(rules: current.rules, asOf: day).options(for: current.structure))),
            ("deviations", try DeviationRegisterTests.register()),
            ("trend", try StructureTrendTests.trend()),
        ]
    }

    /// Every key of every object in a JSON tree, with where it stands.
    static func keys(_ value: Any, at path: String = "") -> [(path: String, key: String)] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, child in [(path, key)] + keys(child, at: path + "." + key) }
        }
        if let array = value as? [Any] {
            return array.enumerated().flatMap { index, child in keys(child, at: path + "[\(index)]") }
        }
        return []
    }

    static func isSnakeCase(_ key: String) -> Bool {
        !key.isEmpty && key.first != "_" && key.last != "_" && !key.contains("__")
            && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    @Test func snakeCaseCheckBites() {
        #expect(Self.isSnakeCase("reports_to") && Self.isSnakeCase("one_over_one") && Self.isSnakeCase("fte"))
        #expect(!Self.isSnakeCase("made-permanent") && !Self.isSnakeCase("reportsTo") && !Self.isSnakeCase("2-3"))
        #expect(Self.keys(["a": [["b-c": 1]]]).map(\.key).sorted() == ["a", "b-c"])
    }

    @Test("Every report's JSON has only snake_case keys, all the way down")
    func everyKeyIsSnakeCase() throws {
        let reports = try Self.reports()
        #expect(reports.count == 7)
        for (name, report) in reports {
            let tree = try JSONSerialization.jsonObject(with: Data(try report.rendered(.json)))
            let keys = Self.keys(tree)
            #expect(keys.count > 5, "\(name) has keys")
            let bad = keys.filter { !Self.isSnakeCase($0.key) }.map { "\($0.path).\($0.key)" }
            #expect(bad.isEmpty, "\(name): \(bad.prefix(5))")
        }
    }

    @Test("The comparison's changes by aspect are keyed in snake_case (was made-permanent, re-graded, …)")
    func aspectsAreSnakeCase() throws {
        let json = try ComparisonReport(try ComparisonTests.comparison()).json()
        #expect(json.contains("\"re_graded\" : ["))
        #expect(!json.contains("\"re-graded\""))
    }

    @Test("The analysis lists span bands as {band, managers}, a band a value, never a key")
    func analysisBandsAreAList() throws {
        let json = try AnalysisReport(try AnalysisFixtures.analysis(), file: "small.yaml").json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let tiers = try #require(object["tiers"] as? [[String: Any]])
        let bands = tiers.compactMap { ($0["spans"] as? [String: Any])?["bands"] as? [[String: Any]] }
        #expect(!bands.isEmpty)
        for list in bands {
            #expect(list.allSatisfy { $0["band"] is String && $0["managers"] is Int })
            let order = list.compactMap { ($0["band"] as? String).flatMap(SpanBand.init(rawValue:)) }
            #expect(order == order.sorted() && order.count == list.count)
        }
    }

    @Test("Text, Markdown and HTML are the document's; JSON the value's; CSV only where a report has rows")
    func oneRendererPerFormat() throws {
        for (name, report) in try Self.reports() {
            let document = report.document()
            #expect(try report.rendered(.text) == Array(document.text().utf8), "\(name)")
            #expect(try report.rendered(.markdown, headingOffset: 1) == Array(document.markdown(headingOffset: 1).utf8), "\(name)")
            #expect(try report.rendered(.html) == Array(document.html().utf8), "\(name)")
            #expect(try report.rendered(.json) == report.rendered(.json), "\(name) is deterministic")
        }
        let reports = try Self.reports()
        for (name, report) in reports where ["analysis", "deviations", "trend"].contains(name) {
            #expect(try !report.rendered(.csv).isEmpty, "\(name)")
        }
        for (name, report) in reports where !["analysis", "deviations", "trend"].contains(name) {
            #expect(throws: ReportError.self, "\(name)") { try report.rendered(.csv) }
        }
    }

    @Test("A log pads its leading cells, keeps an entry on one line, and is a code block in Markdown, pre in HTML")
    func logBlock() {
        var log = ReportLog(widths: [6, 3])
        log.append(["error", "rule", "a <b>"])
        log.append(["x ``` y"])
        log.append(["warn", "r", "two\nlines"])
        var doc = ReportDocument()
        doc.log(log)
        #expect(doc.text() == "error rule a <b>\nx ``` y\nwarn  r  two / lines\n")
        #expect(doc.markdown() == "````\nerror rule a <b>\nx ``` y\nwarn  r  two / lines\n````\n")
        #expect(doc.html() == "<pre>error rule a &lt;b&gt;\nx ``` y\nwarn  r  two / lines\n</pre>\n")
        var empty = ReportDocument()
        empty.log(ReportLog(widths: [1]))
        #expect(empty.blocks.isEmpty)
    }

    struct NotFinite: Encodable {
        var tiers: [Tier]
        struct Tier: Encodable { var meanSpan: Double }
    }

    @Test("A figure JSON cannot hold is an error naming where it is, never {}")
    func encodingFailureIsAnError() {
        do {
            _ = try ReportJSON.encode(NotFinite(tiers: [.init(meanSpan: 1), .init(meanSpan: .nan)]), what: "the analysis")
            Issue.record("a NaN was encoded")
        } catch {
            #expect(error.message.hasPrefix("the analysis could not be written as JSON: "))
            #expect(error.message.contains("tiers[1]"))
            #expect(error.message.contains("not a finite number"))
        }
    }

    @Test("Absent values are null where a report says every object has every key")
    func nullsAreWritten() throws {
        struct Row: Encodable {
            @JSONNull var agreedOn: String?
            var reviewBy: String?
        }
        #expect(try ReportJSON.encode(Row(agreedOn: nil, reviewBy: nil), what: "x") == "{\n  \"agreed_on\" : null\n}\n")
        #expect(
            try ReportJSON.encode(Row(agreedOn: "2020-01-01", reviewBy: "2021-01-01"), what: "x")
                == "{\n  \"agreed_on\" : \"2020-01-01\",\n  \"review_by\" : \"2021-01-01\"\n}\n")
    }

    @Test("Rich text: code, links and pictures in each format; its plain text escaped where the format needs it")
    func richText() {
        let text = RichText([
            .text("See *this* "), .code("a`b"), .text(" and "), .link("the <file>", target: "x y.md"),
            .image(alt: "A chart", source: "c.png"),
        ])
        #expect(text.markdown == "See \\*this\\* `` a`b `` and [the \\<file\\>](x y.md)![A chart](c.png)")
        #expect(text.html == "See *this* <code>a`b</code> and <a href=\"x y.md\">the &lt;file&gt;</a><img alt=\"A chart\" src=\"c.png\">")
        #expect(text.text == "See *this* a`b and the <file>A chart")
        var doc = ReportDocument()
        doc.heading(2, RichText([.text("Option 1: "), .code("a.yaml")]))
        doc.bullets([RichText([.link("L", target: "l.md")])])
        var outer = ReportDocument()
        outer.heading(1, "Outer")
        outer.append(doc, headingOffset: 2)
        #expect(outer.markdown() == "# Outer\n\n#### Option 1: `a.yaml`\n\n- [L](l.md)\n")
        #expect(outer.text() == "Outer\n═════\n\nOption 1: a.yaml\n················\n\n• L\n")
    }

    @Test("Whole numbers are written as bytes exactly as Swift prints them, at either end of the range")
    func numberBytes() {
        for value in [0, 7, -5, 10, 1_234_567_890, Int.max, Int.min] {
            var bytes: [UInt8] = Array("x".utf8)
            NumberText.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x\(value)")
        }
    }

    @Test("A finding's line is the same whether its message is held as parts or as words")
    func findingLineFromParts() {
        let parts = Finding(
            rule: .oneOverOne, post: "A", postTitle: "Head", line: 4, text: .oneDirectReport(id: "B", title: "Lead"))
        let words = Finding(rule: .oneOverOne, post: "A", postTitle: "Head", line: 4, message: parts.message)
        #expect(ValidationReport.line(for: parts, file: "f.csv") == ValidationReport.line(for: words, file: "f.csv"))
        #expect(
            ValidationReport.line(for: parts, file: "f.csv")
                == "warning  one-over-one         A \"Head\": has exactly one direct report, B (Lead) (f.csv:4)")
        let tierless = Finding(rule: .managerWithoutTier, post: "B", postTitle: "B", line: nil, text: .leadsWithoutTier(span: 12))
        #expect(
            ValidationReport.line(for: tierless, file: "f.csv")
                == "error    manager-without-tier B: leads 12 but has no tier; give it the tier of its role (f.csv)")
    }
}
