import ArgumentParser
import Foundation
import GraphvizRender
import OrgChart
import OrgModel
import PDFBook

/// `orgmodel review CURRENT PROPOSED -o DIR` (or `CURRENT OPTION OPTION… -o DIR`): the
/// design authority's whole job in one command: validate the structures, compare each
/// proposal with the current one, draw every chart, and write the key differences, the
/// analysis of each, the options side by side and the register of deviations, ready for
/// a committee report's appendices.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Validate, compare and chart a current and a proposed structure into one folder.",
        discussion: """
            Writes to DIR: review.md (the summary, linking the rest), validation.txt, \
            key-differences.md, analysis-current.md, analysis-proposed.md, the chartbooks \
            current, proposed, compare and changes (a PDF each, an SVG a page, and \
            changes.png), options.json (the figures of each structure) and deviations.md \
            (the register of every deviation). Given several options, each option's files \
            are named after it (OPTION-review.md, OPTION-changes.pdf, …), and review.md and \
            options.md set the options side by side. All files are written, or none. Deviation reviews are judged as of --as-of, \
            else the proposed structure's effective date (so the same files give the same \
            review on any day), else today.

            Exit codes: 0 the proposed structure (every option) passes; 1 one has errors \
            (the review is still written); 2 a file cannot be read; 3 an output cannot be written or \
            Graphviz failed.
            """
    )

    @Argument(help: ArgumentHelp("The current structure, then the proposed one or several options (.yaml, .yml or .csv).", valueName: "file"))
    var files: [String] = []

    var current: String { files[0] }

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write the review into (created if missing).", valueName: "dir"))
    var output: String

    @Option(help: "Whose names the charts show: none, senior (tiers 2–3) or all.")
    var names: NamePolicy = .senior

    @Option(name: .customLong("rules"), help: "A built-in rule set or a rules file for both, instead of the ones the files name.")
    var rules: String?

    @Option(help: "The paper the chartbooks are printed on: a4 or a3.")
    var paper: PrintSettings.Paper = .a4

    @Option(name: .customLong("min-text"), help: ArgumentHelp("The smallest text any chart page may print, in points (4 to 9).", valueName: "pt"))
    var minText: Double = 7

    @Option(name: .customLong("box-line"), help: ArgumentHelp("What tells apart sibling posts of the same title: service, grade, id, holder or an attribute's name.", valueName: "field"))
    var boxLine: String?

    @Option(name: .customLong("as-of"), help: "The day deviation reviews are judged against (YYYY-MM-DD).")
    var asOf: Day?

    @Option(name: .customLong("match-ids"), help: ArgumentHelp("How ids must agree to be one post: exact, case (ignore case) or loose (also blanks and leading zeros).", valueName: "how"))
    var matchIDs: IDMatching = .exact

    @OptionGroup var redaction: RedactionOptions

    func validate() throws {
        try PrintOptions.check(minText: minText)
        if files.count < 2 {
            throw ValidationError("give the current structure, then the proposed one or several options: orgmodel review CURRENT PROPOSED -o DIR")
        }
        if output == "-" { throw ValidationError("a review is several files: give a folder as -o, not -") }
    }

    func run() throws {
        let profile: RedactionProfile?
        do {
            profile = try redaction.profile()
        } catch {
            printError("orgmodel: \(error)")
            throw Exit.unreadableInput
        }
        let loaded = try loadStructures(files, rules: rules)
        try refuseAmbiguousIDs(zip(files, loaded).map { ($0, $1.structure) }, matching: matchIDs)
        // The structures together withhold, in text, the names any withholds.
        let audit = profile.map { RedactionAudit(withholdingFrom: loaded.map(\.structure), by: $0) }
        let structures = loaded.map { loaded in
            guard let profile, let audit else { return loaded.structure }
            return loaded.structure.redacted(using: profile, withholding: audit.withheldNames)
        }
        let day = asOf ?? structures[1].effective ?? Day.today
        let optionFiles = Array(files.dropFirst())
        let prefixes = Self.prefixes(optionFiles)
        let print = PrintSettings(paper: paper, minText: minText)
        var written: [(name: String, bytes: [UInt8], isChart: Bool)] = []
        var reviews: [Review] = []
        for (number, file) in optionFiles.enumerated() {
            let review = Review(
                current: structures[0], proposed: structures[number + 1], currentRules: loaded[0].rules,
                proposedRules: loaded[number + 1].rules, asOf: day, currentFile: current, proposedFile: file, matching: matchIDs)
            review.prefix = prefixes[number]
            var chartOptions = ChartOptions(names: names, boxLine: boxLine)
            chartOptions.idMatching = matchIDs
            written += try review.files(chartOptions: chartOptions, print: print, audit: audit)
            reviews.append(review)
        }
        // The options side by side, and the register of every deviation the files hold.
        let options = OptionsComparison(
            current: structures[0], rules: loaded[0].rules, file: current,
            options: zip(structures.dropFirst(), zip(loaded.dropFirst(), optionFiles)).map { ($0, $1.0.rules, $1.1) }, asOf: day,
            matching: matchIDs)
        let register = DeviationRegister(
            asOf: day, files: files,
            entries: zip(structures, zip(loaded, files)).flatMap { structure, pair in
                DeviationRegister.entries(of: structure, file: pair.1, rules: pair.0.rules, asOf: day)
            })
        let optionsJSON: String
        do {
            optionsJSON = try options.json()
        } catch {
            printError("orgmodel: the options could not be written as JSON: \(error)")
            throw Exit.outputFailed
        }
        var shared: [(name: String, bytes: [UInt8], isChart: Bool)] = [
            ("options.json", Array(optionsJSON.utf8), false),
            ("deviations.md", Array(register.markdown().utf8), false),
        ]
        // The page a leadership team opens: every option, its chart pages inline.
        let pageOptions = reviews.map { review in
            ReviewPage.Option(review: review, chartPages: Self.chartPages(of: review, in: written))
        }
        let title = "Review: " + (structures[0].name ?? (current as NSString).lastPathComponent)
        let page = ReviewPage.html(title: title, currentFile: current, options: pageOptions, comparison: options, register: register)
        shared.insert(("index.html", Array(page.utf8), false), at: 0)
        if reviews.count > 1 {
            shared.insert(("review.md", Array(Self.optionsMarkdown(reviews, options: options).utf8), false), at: 0)
            shared.insert(("options.md", Array(options.markdown().utf8), false), at: 1)
        }
        // One option: its review first, as before; several: the front page first.
        written = reviews.count > 1 ? shared + written : written + shared
        // Nothing a redaction withholds may reach any output: the charts' DOT text was
        // audited as each was drawn; the reports are audited here.
        if let audit, case let leaks = Set(written.filter { !$0.isChart }.flatMap { audit.leaks(in: $0.bytes) }), !leaks.isEmpty {
            printError(
                "orgmodel: the redacted review would still show \(leaks.sorted().joined(separator: ", "))"
                    + audit.placesText(of: Array(leaks), in: structures) + "; nothing was written. " + RedactionAudit.refusalAdvice)
            throw Exit.outputFailed
        }
        try prepareOutputFolder(output, for: "the review")
        try writeOutputs(written.map { ((output as NSString).appendingPathComponent($0.name), $0.bytes) }, inputs: files)
        var summary = ""
        for review in reviews {
            if reviews.count > 1 { summary += "\(review.proposedFile):\n" }
            summary += review.headline().map { (reviews.count > 1 ? "  " : "") + $0 }.joined(separator: "\n") + "\n"
        }
        summary += Review.written(writtenTo: output, files: written.map(\.name), pages: reviews.map(\.chartPages), print: print)
        try FileHandleOutput.standardOutput(summary)
        if reviews.contains(where: { !$0.comparison.afterFindings.passes }) { throw Exit.findings }
    }

    /// The SVG pages of a review's change chartbook, contents pages left out.
    static func chartPages(of review: Review, in files: [(name: String, bytes: [UInt8], isChart: Bool)]) -> [(number: Int, svg: [UInt8])] {
        let single = review.prefix + "changes.svg"
        if let one = files.first(where: { $0.name == single }) { return [(1, one.bytes)] }
        let stem = review.prefix + "changes-p"
        return files.compactMap { file -> (number: Int, svg: [UInt8])? in
            guard file.name.hasPrefix(stem), file.name.hasSuffix(".svg"),
                let number = Int(file.name.dropFirst(stem.count).dropLast(4)), number > review.contentsPages
            else { return nil }
            return (number, file.bytes)
        }
    }

    /// The prefix each option's files carry: none for one proposed structure; else the
    /// option's file name without its extension and a dash, made unique.
    static func prefixes(_ files: [String]) -> [String] {
        guard files.count > 1 else { return [""] }
        var used = Set<String>()
        return files.map { file in
            let stem = ChartPages.fileNamePart(PostID(((file as NSString).lastPathComponent as NSString).deletingPathExtension))
            var name = stem
            var copy = 1
            while !used.insert(name).inserted {
                copy += 1
                name = "\(stem)-\(copy)"
            }
            return name + "-"
        }
    }

    /// The front page of a review of several options: each option's headline, the
    /// options side by side, and where each option's files are.
    static func optionsMarkdown(_ reviews: [Review], options: OptionsComparison) -> String {
        let name = reviews[0].comparison.before.structure.name ?? reviews[0].currentFile
        var lines = ["# Review of \(reviews.count) options: \(name)", "", "Current: `\(reviews[0].currentFile)`.", ""]
        for (number, review) in reviews.enumerated() {
            lines += ["## Option \(number + 1): `\(review.proposedFile)`", ""]
            lines += review.headline().map { "- \($0)" }
            lines += ["", "Its review: [\(review.prefix)review.md](\(review.prefix)review.md).", ""]
        }
        lines += ["## The options side by side", "", options.markdown(headingOffset: 2)]
        lines += ["", "The [register of deviations](deviations.md) of every structure; the options as [JSON](options.json).", ""]
        return lines.joined(separator: "\n")
    }
}

/// Everything a review holds, built in memory before anything is written.
final class Review {
    let comparison: StructureComparison
    /// What this review's file names start with: "" for one proposed structure, the
    /// option's name and a dash when a review holds several options.
    var prefix = ""
    /// The chartbooks' page count, once drawn, and how many of the pages are contents.
    var chartPages = 0
    var contentsPages = 0

    static func points(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
    let currentFile: String
    let proposedFile: String

    init(
        current: Structure, proposed: Structure, currentRules: RuleSet, proposedRules: RuleSet, asOf: Day, currentFile: String,
        proposedFile: String, matching: IDMatching = .exact
    ) {
        comparison = StructureComparison(
            current: current, proposed: proposed, currentRules: currentRules, proposedRules: proposedRules, asOf: asOf,
            matching: matching)
        self.currentFile = currentFile
        self.proposedFile = proposedFile
    }

    /// The review's files, by name, in the order they are listed.
    func files(chartOptions: ChartOptions, print: PrintSettings, audit: RedactionAudit? = nil) throws -> [(name: String, bytes: [UInt8], isChart: Bool)] {
        let before = comparison.beforeFindings
        let after = comparison.afterFindings
        var files: [(name: String, bytes: [UInt8], isChart: Bool)] = []
        func text(_ name: String, _ content: String) { files.append((prefix + name, Array(content.utf8), false)) }

        text("validation.txt", ValidationReport(entries: [
            .validated(file: currentFile, result: before), .validated(file: proposedFile, result: after),
        ]).text())
        text("key-differences.md", ComparisonReport(comparison, currentFile: currentFile, proposedFile: proposedFile).markdown())
        text("analysis-current.md", AnalysisReport(comparison.before, file: currentFile).markdown())
        text("analysis-proposed.md", AnalysisReport(comparison.after, file: proposedFile).markdown())

        // One plan for all four chartbooks, so a branch has the same page number in each.
        let renderer = ChartRenderer()
        let pair = ChartRenderer.Inputs(results: [before, after], audit: audit)
        let book = try renderer.plan(.changes, pair, options: chartOptions, print: print)
        let charts: [(name: String, kind: ChartbookKind, formats: [RenderFormat])] = [
            ("current", .current, [.pdf, .svg]),
            ("proposed", .proposed, [.pdf, .svg]),
            ("compare", .compare, [.pdf, .svg]),
            ("changes", .changes, [.pdf, .svg, .png]),
        ]
        // PDF and SVG from one layout a page; the PNG of the first chart page alone.
        let books = try renderer.books(charts.flatMap { chart in
            [(chart.kind, chart.formats.filter { $0 != .png }.map { ($0, "\(prefix)\(chart.name).\($0.fileExtension)") }, false)]
                + (chart.formats.contains(.png) ? [(chart.kind, [(RenderFormat.png, "\(prefix)\(chart.name).png")], true)] : [])
        }, book, pair, options: chartOptions, print: print)
        files += books.joined().map { ($0.path, $0.bytes, true) }
        chartPages = book.pageCount
        contentsPages = book.contentsPages
        files.insert((prefix + "review.md", Array(markdown().utf8), false), at: 0)
        return files
    }

    /// The verdicts and headline figures, and links to every other file.
    func markdown() -> String {
        let c = comparison
        var lines = ["# Review: \(c.after.structure.name ?? proposedFile)", ""]
        lines.append("Current: `\(currentFile)`; proposed: `\(proposedFile)`.")
        lines.append("")
        lines += headline().map { "- \($0)" }
        lines += [
            "", "## Files", "",
            "- [Validation of both structures](\(prefix)validation.txt)",
            "- [Key differences](\(prefix)key-differences.md)",
            "- [Analysis of the current structure](\(prefix)analysis-current.md)",
            "- [Analysis of the proposed structure](\(prefix)analysis-proposed.md)",
            "- Chartbooks (PDF, with links and bookmarks; each page also as SVG): [current](\(prefix)current.pdf), [proposed](\(prefix)proposed.pdf), [current beside proposed](\(prefix)compare.pdf), [the changes](\(prefix)changes.pdf)"
                + (chartPages > 1 ? " — \(chartPages) pages each, a branch on the same page in all four" : ""),
            "- [The register of deviations](deviations.md) of every structure; [the figures as JSON](options.json)",
            "", "![The changes: the first chart page](\(prefix)changes.png)", "",
        ]
        return lines.joined(separator: "\n")
    }

    /// The few lines leadership reads first.
    func headline() -> [String] {
        let c = comparison
        func verdict(_ result: ValidationResult) -> String {
            "\(result.passes ? "passes" : "fails"): \(result.errorCount) error\(result.errorCount == 1 ? "" : "s"), \(result.warningCount) warning\(result.warningCount == 1 ? "" : "s"), \(result.acceptedCount) accepted"
        }
        let layersBefore = c.before.layers.managementLayers
        let layersAfter = c.after.layers.managementLayers
        return [
            "Current structure \(verdict(c.beforeFindings)); proposed structure \(verdict(c.afterFindings)).",
            "Posts \(Figures.grouped(c.before.structure.posts.count)) → \(Figures.grouped(c.after.structure.posts.count)); headcount \(Figures.grouped(c.before.ratios.headcount)) → \(Figures.grouped(c.after.ratios.headcount)); manager posts \(Figures.grouped(c.before.ratios.managerPosts)) → \(Figures.grouped(c.after.ratios.managerPosts)); management layers \(layersBefore) → \(layersAfter).",
            "Posts deleted \(Figures.grouped(c.deleted.count)), created \(Figures.grouped(c.created.count)), moved \(Figures.grouped(c.count(.reportingLine))); \(Figures.grouped(c.madePermanentHeadcount)) temporary → permanent.",
            "Findings fixed \(Figures.grouped(c.findingChanges.fixed.count)), "
                + (c.findingChanges.accepted.isEmpty ? "" : "now accepted under a deviation \(Figures.grouped(c.findingChanges.accepted.count)), ")
                + "introduced \(Figures.grouped(c.findingChanges.introduced.count)).",
            "Annual cost \(c.costBefore.text) → \(c.costAfter.text); net change \(c.netCostChange.text).",
        ]
    }

    /// The line saying what a review wrote: the reports by name, the page SVGs counted.
    static func written(writtenTo folder: String, files: [String], pages: [Int], print: PrintSettings) -> String {
        let svgs = files.filter { $0.hasSuffix(".svg") }
        let named = files.filter { !$0.hasSuffix(".svg") }
        let books = pages.count * 4
        let counted = (pages.max() ?? 0) > 1 ? "\(svgs.count) page SVGs (\(svgs.first ?? ""), …)" : "\(svgs.count) SVGs"
        var lines = ["Wrote \(files.count) files to \(folder): \(named.joined(separator: ", ")) and \(counted)."]
        if (pages.max() ?? 0) > 1 {
            let counts = Array(Set(pages)).sorted().map(String.init).joined(separator: ", ")
            lines.append(
                "The charts are \(books) chartbooks of \(counts) pages (contents, overview, a page per branch), each page printing at "
                    + "\(points(print.minText)) pt or more on \(print.paper.rawValue.uppercased()).")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
