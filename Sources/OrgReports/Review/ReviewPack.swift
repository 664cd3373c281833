import Foundation
import OrgAnalysis
import OrgChart
import OrgModel
import OrgSupport

/// `orgmodel review`'s whole pack, built in memory: a review of each option against the
/// current structure (its reports and chartbooks), the options side by side
/// (`options.json`, and `options.md` and a front `review.md` for several options), the
/// register of every deviation (`deviations.md`) and the page a leadership team opens
/// (`index.html`). The command reads the files, draws the charts and writes the pack.
public struct ReviewPack: Report {
    /// A structure of the review: its file as named, as read (and redacted), its rules.
    public typealias Input = StructureInput

    /// A review per option, in the order given.
    public let reviews: [Review]
    /// Every file, in the order listed: one option's review first; for several, the
    /// front page, the options and the register first.
    public let files: [ReviewFile]
    /// The options side by side: the figures of `options.json`.
    public let options: OptionsComparison
    /// The front page: `review.md` (for one option, that option's review).
    let front: ReportDocument

    /// Throws what `charts` throws, and `ReportError` when the options cannot be written
    /// as JSON.
    public init(current: Input, options: [Input], asOf: Day, matching: IDMatching = .exact, charts: some ReviewChartDrawer) throws {
        let prefixes = Self.prefixes(options.map(\.file))
        var written: [ReviewFile] = []
        var reviews: [Review] = []
        for (number, option) in options.enumerated() {
            let review = Review(
                current: current.structure, proposed: option.structure, currentRules: current.rules, proposedRules: option.rules,
                asOf: asOf, currentFile: current.file, proposedFile: option.file, matching: matching)
            review.prefix = prefixes[number]
            written += try review.files(charts: charts)
            reviews.append(review)
        }
        // The options side by side, and the register of every deviation the files hold.
        let comparison = OptionsComparison(
            current: current.structure, rules: current.rules, file: current.file,
            options: options.map { ($0.structure, $0.rules, $0.file) }, asOf: asOf, matching: matching)
        let register = DeviationRegister(
            asOf: asOf, files: ([current] + options).map(\.file),
            entries: ([current] + options).flatMap { input in
                DeviationRegister.entries(of: input.structure, file: input.file, rules: input.rules, asOf: asOf)
            })
        let front = reviews.count > 1 ? Self.optionsDocument(reviews, options: comparison) : reviews.first?.document() ?? ReportDocument()
        var shared = [
            ReviewFile(name: "options.json", bytes: try comparison.rendered(.json)),
            ReviewFile(name: "deviations.md", text: register.markdown()),
        ]
        // The page a leadership team opens: every option, its chart pages inline.
        let pageOptions = reviews.map { review in
            ReviewPage.Option(review: review, chartPages: Self.chartPages(of: review, in: written))
        }
        let title = "Review: " + (current.structure.name ?? (current.file as NSString).lastPathComponent)
        let page = ReviewPage.html(
            title: title, currentFile: current.file, options: pageOptions, comparison: comparison, register: register)
        shared.insert(ReviewFile(name: "index.html", text: page), at: 0)
        if reviews.count > 1 {
            shared.insert(ReviewFile(name: "review.md", text: front.markdown()), at: 0)
            shared.insert(ReviewFile(name: "options.md", text: comparison.markdown()), at: 1)
        }
        // One option: its review first, as before; several: the front page first.
        self.files = reviews.count > 1 ? shared + written : written + shared
        self.reviews = reviews
        self.options = comparison
        self.front = front
    }

    // MARK: Report

    public var reportName: String { "the review" }

    /// The front page, as `review.md` holds it.
    public func document() -> ReportDocument { front }

    /// The figures of every structure, as `options.json` holds them.
    public func jsonValue() -> JSONObject { options.jsonValue() }

    /// Whether the proposed structure (every option) passes its rules.
    public var passes: Bool { reviews.allSatisfy { $0.comparison.afterFindings.passes } }

    /// What the command prints: each option's headline, then what was written.
    public func summary(writtenTo folder: String, print: PrintSettings) -> String {
        var summary = ""
        for review in reviews {
            if reviews.count > 1 { summary += "\(review.proposedFile):\n" }
            summary += review.headline().map { (reviews.count > 1 ? "  " : "") + $0 }.joined(separator: "\n") + "\n"
        }
        return summary + Review.written(writtenTo: folder, files: files.map(\.name), pages: reviews.map(\.chartPages), print: print)
    }

    /// The SVG pages of a review's change chartbook, contents pages left out.
    static func chartPages(of review: Review, in files: [ReviewFile]) -> [(number: Int, svg: [UInt8])] {
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
    static func optionsDocument(_ reviews: [Review], options: OptionsComparison) -> ReportDocument {
        let name = reviews[0].comparison.before.structure.name ?? reviews[0].currentFile
        var doc = ReportDocument()
        doc.heading(1, "Review of \(reviews.count) options: \(name)")
        doc.paragraph(RichText([.text("Current: "), .code(reviews[0].currentFile), .text(".")]))
        for (number, review) in reviews.enumerated() {
            doc.heading(2, RichText([.text("Option \(number + 1): "), .code(review.proposedFile)]))
            doc.bullets(review.headline())
            doc.paragraph(
                RichText([.text("Its review: "), .link(review.prefix + "review.md", target: review.prefix + "review.md"), .text(".")]))
        }
        doc.heading(2, "The options side by side")
        doc.append(options.document(), headingOffset: 2)
        doc.paragraph(
            RichText([
                .text("The "), .link("register of deviations", target: "deviations.md"), .text(" of every structure; the options as "),
                .link("JSON", target: "options.json"), .text("."),
            ]))
        return doc
    }
}
