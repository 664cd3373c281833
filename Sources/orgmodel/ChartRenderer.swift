import ArgumentParser
import Foundation
import GraphvizRender
import OrgChart
import OrgModel
import OrgSupport

/// Which chart `render` draws.
enum ChartKind {
    case single, compare, changes
}

/// Loads and validates structures, builds their chart and renders it to a file; each
/// failure is thrown as an `OrgModelFailure`: 2 for input, 3 for output or Graphviz, 64
/// for usage.
struct ChartRenderer {
    /// `--rules`: overrides the rule set each file names.
    var rules: String?
    /// `--as-of`: the day deviation reviews are judged against.
    var asOf: Day?
    /// `--redact`: what a published chart may show.
    var redaction: RedactionProfile?

    /// Structures read, redacted when asked and validated, ready to chart; with the
    /// audit that checks each chart of them for the names the redaction withholds.
    struct Inputs {
        var results: [ValidationResult]
        var audit: RedactionAudit?

        /// The rules files read with the structures: inputs no output may overwrite.
        var ruleFiles: [String] { results.map(\.rules.source) }
    }

    /// Reads and validates each file; exit 2 when any cannot be read (each is named).
    func load(_ files: [String]) throws -> Inputs {
        let loaded = try loadStructures(files, rules: rules)
        // Structures drawn together withhold, in text, the names either withholds.
        let audit = redaction.map { RedactionAudit(withholdingFrom: loaded.map(\.structure), by: $0) }
        let results = loaded.map { loaded in
            var structure = loaded.structure
            if let redaction, let audit { structure = structure.redacted(using: redaction, withholding: audit.withheldNames) }
            // A chart should not change with the day it is drawn: judge reviews as of
            // the structure's effective date unless told otherwise.
            let day = asOf ?? structure.effective ?? Day.today
            return Validator(rules: loaded.rules, asOf: day).validate(structure)
        }
        return Inputs(results: results, audit: audit)
    }

    /// Pixels per inch for PNG: an A4 landscape chart about 2,250 pixels wide, sharp
    /// enough to read on screen and in a README.
    static let pngDPI = 192

    /// Plans the chartbook of `kind` (a pair's kinds share one plan). Exit 3 when
    /// Graphviz fails, 64 for an unknown --root.
    func plan(_ kind: ChartKind, _ inputs: Inputs, options: ChartOptions, print: PrintSettings) throws -> Chartbook {
        let measure: Chartbook.Measure = { dot in
            let size = try PhaseTimes.shared.time("plan: trial layouts") { try GraphvizRenderer.measure(dot: dot) }
            return (size.width, size.height)
        }
        // Trial pages' boxes take stand-ins of their labels' size: the same plan, sooner.
        let sizing = Chartbook.LabelSizing(
            sizes: { labels, defaults in
                try PhaseTimes.shared.time("plan: label sizes") { try SizedLabels.sizes(of: labels, nodeDefaults: defaults) }
            }, standIn: SizedLabels.standIn)
        let started = PhaseTimes.now()
        defer { PhaseTimes.shared.add("plan", since: started) }
        do {
            if kind == .single {
                return try Chartbook.plan(inputs.results[0], options: options, print: print, measure: measure, sizing: sizing)
            }
            // A large pair's side-by-side trials are laid out in a second process.
            let worker = try MeasureWorker.start(posts: inputs.results.reduce(0) { $0 + $1.structure.posts.count })
            defer { worker?.finish() }
            return try Chartbook.plan(
                current: inputs.results[0], proposed: inputs.results[1], options: options, print: print, measure: measure, ahead: worker,
                sizing: sizing)
        } catch let failure as any OrgModelFailure {
            throw failure  // an unknown --root (64), or Graphviz measuring (3)
        } catch {
            throw CommandFailure.outputFailed("\(error)")
        }
    }

    /// The files of a chartbook in one format: `NAME.pdf` holds every page (with links and
    /// bookmarks); other formats write a file a page, `NAME-p01.svg`, … (a book of one page
    /// keeps the plain name). `onlyFirstChartPage` draws just the first chart page (the
    /// overview) to the plain name: the picture a README shows.
    func book(
        _ kind: ChartbookKind, _ book: Chartbook, _ inputs: Inputs, options: ChartOptions, format: RenderFormat, path: String,
        print: PrintSettings, onlyFirstChartPage: Bool = false
    ) throws -> [(path: String, bytes: [UInt8])] {
        try draw(kind, book, inputs, options: options, outputs: [(format, path)], print: print, onlyFirstChartPage: onlyFirstChartPage)
    }

    /// The chartbooks `charts` of one plan, each in its formats, in order: the files of each
    /// as `books` gives them.
    func books(
        _ charts: [(kind: ChartbookKind, outputs: [(format: RenderFormat, path: String)], onlyFirstChartPage: Bool)], _ book: Chartbook,
        _ inputs: Inputs, options: ChartOptions, print: PrintSettings
    ) throws -> [[(path: String, bytes: [UInt8])]] {
        try Self.draw(
            charts.map { chart in
                PreparedBook(kind: chart.kind, pageCount: chart.onlyFirstChartPage ? 1 : book.pageCount) {
                    try pages(
                        chart.kind, book, inputs, options: options, outputs: chart.outputs, print: print,
                        onlyFirstChartPage: chart.onlyFirstChartPage)
                }
            })
    }

    /// A chartbook to draw: its kind and pages (for sharing the work out), and how to make
    /// its pages' DOT text.
    struct PreparedBook {
        var kind: ChartbookKind
        var pageCount: Int
        var pages: () throws -> BookPages
    }

    /// Draws `books`, in order: the files of each. A second process draws some of the books
    /// while this one draws the rest (Graphviz draws one page at a time in a process), when
    /// there is enough to share (`PageWorker.share`).
    static func draw(_ books: [PreparedBook]) throws -> [[(path: String, bytes: [UInt8])]] {
        let elsewhere = PageWorker.share(books.map { ($0.kind, $0.pageCount) })
        let worker = elsewhere.isEmpty ? nil : try PageWorker.start(try elsewhere.map { try books[$0].pages() })
        var drawn: [Int: BookPages.Drawn] = [:]
        do {
            for index in books.indices where !elsewhere.contains(index) {
                drawn[index] = try drawPages(try books[index].pages())
            }
        } catch {
            worker?.stop()
            throw error
        }
        if let worker {
            for (index, book) in zip(elsewhere, try worker.finish()) { drawn[index] = book }
        }
        return books.indices.map { index in
            let book = drawn[index] ?? BookPages.Drawn()
            for note in book.notes { printError(note) }
            return book.files
        }
    }

    /// The files of a chartbook in several formats at once, each page laid out once and
    /// drawn in every format from that layout (PNG, drawn at another resolution, goes on
    /// its own); the formats' file names share their stem. The PDF's pages go into one
    /// document, with links between its pages and a bookmark a page.
    func draw(
        _ kind: ChartbookKind, _ book: Chartbook, _ inputs: Inputs, options: ChartOptions,
        outputs: [(format: RenderFormat, path: String)], print: PrintSettings, onlyFirstChartPage: Bool
    ) throws -> [(path: String, bytes: [UInt8])] {
        let drawn = try Self.drawPages(
            try pages(kind, book, inputs, options: options, outputs: outputs, print: print, onlyFirstChartPage: onlyFirstChartPage))
        for note in drawn.notes { printError(note) }
        return drawn.files
    }

    /// A chartbook's pages as DOT text, with what drawing them needs; each page checked for
    /// names a redaction withholds.
    func pages(
        _ kind: ChartbookKind, _ book: Chartbook, _ inputs: Inputs, options: ChartOptions,
        outputs: [(format: RenderFormat, path: String)], print: PrintSettings, onlyFirstChartPage: Bool
    ) throws -> BookPages {
        guard let first = outputs.first else { return BookPages(outputs: [], print: print, link: PageLink(stem: "", ext: "", pages: 0)) }
        var options = options
        options.dpi = outputs.contains { $0.format == .png } ? Self.pngDPI : nil
        // Page links name the SVG pages (or the DOT and JSON pages, drawn alone).
        let linkExt =
            outputs.contains { $0.format == .dot || $0.format == .json } && outputs.count == 1 ? first.format.fileExtension : "svg"
        let stem = ((first.path as NSString).deletingPathExtension as NSString).lastPathComponent
        let link = PageLink(stem: stem, ext: linkExt, pages: book.pageCount)
        let numbers = onlyFirstChartPage ? [book.contentsPages + 1] : Array(1...book.pageCount)
        var pages = BookPages(outputs: outputs, print: print, link: link)
        // Writing a page's DOT text is Swift alone (the caches it reads are locked): the
        // pages are written on every core, in order.
        let texts = PhaseTimes.shared.time("pages: DOT text") {
            ParallelWork.map(numbers.count) { slot in
                Result { () throws(ChartError) in try book.dot(page: numbers[slot], kind: kind, options: options, link: link) }
            }
        }
        for (number, text) in zip(numbers, texts) {
            let text = try text.get()
            try checkRedaction(text, inputs, name: first.path)
            pages.pages.append(BookPages.Page(number: number, dot: text, smallestType: book.smallestType(page: number)))
        }
        pages.bookmarks = book.outline()
        return pages
    }

    /// Refuses a redacted chart page that would still show a withheld name.
    func checkRedaction(_ text: String, _ inputs: Inputs, name: String) throws {
        guard let audit = inputs.audit, case let leaks = audit.leaks(inMarkup: text), !leaks.isEmpty else { return }
        let names = Array(Set(leaks)).sorted()
        throw CommandFailure.outputFailed(
            "the redacted chart \(name) would still show \(names.joined(separator: ", "))"
                + audit.placesText(of: names, in: inputs.results.map(\.structure))
                + "; nothing was written. " + RedactionAudit.refusalAdvice + " (or the file's name), or draw the chart without it")
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
