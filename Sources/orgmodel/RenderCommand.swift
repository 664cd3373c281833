import ArgumentParser
import Foundation
import GraphvizRender
import OrgChart
import OrgModel
import OrgSupport

extension NamePolicy: ExpressibleByArgument {}

extension RenderFormat: ExpressibleByArgument {}

/// `orgmodel render`: appendix charts of one structure, of current beside proposed, or
/// of the change itself, drawn through Graphviz in-process.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw structure charts: one structure, current beside proposed, or the change itself.",
        discussion: """
            Posts sit in one row per tier (a skipped tier leaves its row empty); front-line \
            lines under a manager are one box of counts by title; assistants sit beside their \
            manager; dotted lines are dashed. Posts with error findings are outlined red and \
            agreed deviations amber with a numbered note. A structure with errors is still \
            drawn (exit code 0): render shows the errors, validate judges them.

            The output format follows the --output extension: .svg, .pdf, .png (192 dpi), .dot \
            (the DOT text) or .json (Graphviz's layout), or --format. No page prints text \
            below --min-text (default 7 pt) on --paper (default A4): a chart that does not \
            fit becomes a chartbook of a contents page, an overview and a page per branch, \
            each branch continued elsewhere shown with its totals and "→ p. N". A PDF holds \
            every page, with working links and bookmarks; other formats write a file a \
            page, NAME-p01.svg, NAME-p02.svg, … (one page keeps the plain name). Each post's \
            SVG element id is its post id on the one page with its full box (prefixed \
            current- and proposed- in a --compare chart). The same input always gives the \
            same bytes.

            --all FOLDER -o OUT renders every structure file in FOLDER to OUT/NAME.svg and \
            NAME.pdf, and every X-current/X-proposed pair to OUT/X-compare.svg/.pdf and \
            OUT/X-changes.svg/.pdf/.png: the one command that regenerates Diagrams/.

            Exit codes: 0 drawn; 2 an input cannot be read; 3 an output cannot be written or \
            Graphviz failed; 64 the command line is wrong (including an unknown --root).
            """
    )

    @Argument(help: ArgumentHelp("A structure file; with --compare or --changes, CURRENT then PROPOSED.", valueName: "file"))
    var files: [String] = []

    @Flag(help: "Draw CURRENT and PROPOSED side by side on one page.")
    var compare = false

    @Flag(help: "Draw the change from CURRENT to PROPOSED: deleted, new, moved, retitled, re-tiered, re-graded.")
    var changes = false

    @Option(
        name: .customLong("all"),
        help: ArgumentHelp("Render every structure and current/proposed pair in this folder into the --output folder.", valueName: "folder")
    )
    var allFolder: String?

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("The chart file to write (- for standard output); with --all, a folder.", valueName: "path"))
    var output: String

    @Option(help: "Output format, instead of the --output extension.")
    var format: RenderFormat?

    @Option(help: ArgumentHelp("Draw only this post and those below it.", valueName: "post-id"))
    var root: String?

    @Option(help: ArgumentHelp("Draw only this many reporting levels below the top (or --root).", valueName: "levels"))
    var depth: Int?

    @Option(
        name: .customLong("split-by-tier"),
        help: ArgumentHelp("Write one file per post of this tier, each drawn from that post down (NAME-POSTID.EXT).", valueName: "tier"))
    var splitByTier: Int?

    @Option(help: "Whose names to show: none, senior (tiers 2–3) or all.")
    var names: NamePolicy = .senior

    @OptionGroup var paper: PaperOptions

    @Option(
        name: .customLong("match-ids"),
        help: ArgumentHelp("With --compare or --changes: how ids must agree to be one post: exact, case or loose.", valueName: "how"))
    var matchIDs: IDMatching = .exact

    @Option(
        help: "compact: Team Managers stacked under their manager, each with its team; boxes: a box per post, teams in the front-line row.")
    var layout: ChartLayout = .compact

    @Option(
        name: .customLong("box-line"),
        help: ArgumentHelp(
            "What tells apart sibling posts of the same title: service, grade, id, holder or an attribute's name (default: service, else unit, else id).",
            valueName: "field"))
    var boxLine: String?

    @OptionGroup var rules: RulesOption

    @OptionGroup var asOf: AsOfOption<JudgedOnEffectiveDate>

    func validate() throws {
        if compare && changes { throw ValidationError("choose one of --compare and --changes") }
        if let root, root.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--root needs a post id") }
        if let depth, depth < 0 { throw ValidationError("--depth cannot be negative") }
        if allFolder != nil {
            guard files.isEmpty, !compare, !changes, root == nil, depth == nil, splitByTier == nil else {
                throw ValidationError(
                    "--all renders whole folders: give no files, --compare, --changes, --root, --depth or --split-by-tier with it")
            }
            if output == "-" { throw ValidationError("--all writes several files: give a folder as --output") }
            return
        }
        if compare || changes {
            guard files.count == 2 else {
                throw ValidationError("--\(compare ? "compare" : "changes") takes two files: CURRENT then PROPOSED")
            }
        } else if files.count != 1 {
            throw ValidationError(
                files.isEmpty ? "give a structure file to draw" : "give one structure file, or --compare/--changes CURRENT PROPOSED")
        }
        if splitByTier != nil && output == "-" {
            throw ValidationError("--split-by-tier writes several files: give a file name as --output")
        }
        let named = RenderFormat(fileExtension: (output as NSString).pathExtension)
        if format == nil && output != "-" && named == nil {
            throw ValidationError("cannot tell the format from \(output): name it .svg, .pdf, .png, .dot or .json, or give --format")
        }
        if let format, let named, format != named, output != "-" {
            throw ValidationError(
                "--format \(format.rawValue) does not match \(output): name the file .\(format.fileExtension), or leave out --format")
        }
    }

    @OptionGroup var redaction: RedactionOptions

    func run() throws {
        var options = ChartOptions(names: names, root: root.map { PostID($0) }, depth: depth, boxLine: boxLine)
        options.stacks = layout == .compact
        options.idMatching = matchIDs
        let print = paper.settings
        let renderer = ChartRenderer(rules: rules.rules, asOf: asOf.asOf, redaction: try redaction.profile())
        if let allFolder {
            try DiagramSet(folder: allFolder, output: output, only: format, renderer: renderer)
                .render(options: options, print: print, inputs: redaction.files)
            return
        }
        let kind: ChartKind = compare ? .compare : (changes ? .changes : .single)
        let resolved = format ?? RenderFormat(fileExtension: (output as NSString).pathExtension) ?? .svg
        let inputs = try renderer.load(files)
        if compare || changes {
            try refuseAmbiguousIDs(zip(files, inputs.results).map { ($0, $1.structure) }, matching: matchIDs)
        }
        let bookKind: ChartbookKind = compare ? .compare : (changes ? .changes : .single)
        guard let tier = splitByTier else {
            let book = try renderer.plan(kind, inputs, options: options, print: print)
            let written = try renderer.book(bookKind, book, inputs, options: options, format: resolved, path: output, print: print)
            if output == "-" {
                guard written.count == 1 else {
                    throw CommandFailure.usage(
                        "the chart is \(book.pageCount) pages: standard output takes one file; write -o NAME.pdf (one file) or NAME.svg (a file a page)"
                    )
                }
                try FileHandleOutput.standardOutput(bytes: written[0].bytes)
            } else {
                try OutputFile.write(written, inputs: files + inputs.ruleFiles + redaction.files)
                let pages = book.pageCount == 1 ? "" : " (\(book.pageCount) pages)"
                let names = written.count == 1 ? written[0].path : "\(written[0].path) … \(written[written.count - 1].path)"
                try FileHandleOutput.standardOutput("wrote \(names)\(pages)\n")
            }
            return
        }
        let pages = ChartPages.posts(ofTier: tier, in: inputs.results.map(\.structure), within: options.root)
        guard !pages.isEmpty else {
            let tiers = Set(inputs.results.flatMap { $0.structure.posts.compactMap(\.tier) }).sorted()
            throw CommandFailure.usage(
                "no post of tier \(tier) in \(files.joined(separator: " or "))\(root.map { " under \($0)" } ?? "")",
                hint: tiers.isEmpty ? "no post has a tier" : "the tiers used are \(tiers.map(String.init).joined(separator: ", "))")
        }
        let leftOut = ChartPages.leftOut(by: pages, in: inputs.results.map(\.structure), within: options.root)
        if !leftOut.isEmpty {
            let total = leftOut.reduce(0) { $0 + $1.posts }
            let shown = leftOut.prefix(5).map { "\($0.id) (\(Plural.grouped($0.posts, "post")))" }.joined(separator: ", ")
            printError(
                "note: \(Plural.grouped(total, "post")) \(total == 1 ? "is" : "are") on no page, not being below a post of tier \(tier): "
                    + "\(shown)\(leftOut.count > 5 ? ", …" : ""); draw \(leftOut.count == 1 ? "it" : "them") with --root")
        }
        // Every page is drawn before any is written: all are written, or none.
        var used = Set<String>()
        var charts: [(path: String, bytes: [UInt8])] = []
        for page in pages {
            var pageOptions = options
            pageOptions.root = page
            let path = SplitFileName.path(for: page, output: output, used: &used)
            let book = try renderer.plan(kind, inputs, options: pageOptions, print: print)
            charts += try renderer.book(bookKind, book, inputs, options: pageOptions, format: resolved, path: path, print: print)
        }
        try OutputFile.write(charts, inputs: files + inputs.ruleFiles + redaction.files)
        try FileHandleOutput.standardOutput(charts.map { "wrote \($0.path)\n" }.joined())
    }
}

/// File names for split pages: `chart.svg` and post `HOS-CLA` give `chart-HOS-CLA.svg`.
enum SplitFileName {
    static func path(for id: PostID, output: String, used: inout Set<String>) -> String {
        let ns = output as NSString
        let stem = ns.deletingPathExtension
        let ext = ns.pathExtension
        var path = "\(stem)-\(ChartPages.fileNamePart(id))"
        var copy = 1
        while used.contains(path) {
            copy += 1
            path = "\(stem)-\(ChartPages.fileNamePart(id))-\(copy)"
        }
        used.insert(path)
        return ext.isEmpty ? path : "\(path).\(ext)"
    }
}

/// `--layout`: how the lowest management tier is drawn.
enum ChartLayout: String, ExpressibleByArgument, CaseIterable {
    case compact, boxes
}
