import ArgumentParser
import Foundation
import GraphvizRender
import OrgChart
import OrgModel
import OrgSupport

/// `render --all FOLDER -o OUT`: every chart of a folder of structures, named
/// predictably, so one command regenerates Diagrams/ and a diff shows what changed.
///
/// - every structure file `NAME.yaml|yml|csv` → `NAME.pdf` and `NAME.svg` (or, for a
///   chartbook of several pages, `NAME-p01.svg`, …);
/// - every pair `X-current.*` + `X-proposed.*` → `X-compare` and `X-changes` likewise, and
///   `X-changes.png`, its first chart page (the picture a README shows).
///
/// `--format` restricts every chart to that one format.
struct DiagramSet {
    let folder: String
    let output: String
    let only: RenderFormat?
    let renderer: ChartRenderer

    static let structureExtensions: Set<String> = ["yaml", "yml", "csv"]

    /// A chart to draw: its kind, its input files, its output name without extension, its formats.
    struct Chart: Equatable {
        var kind: ChartKind
        var files: [String]
        var name: String
        var formats: [RenderFormat]
    }

    /// The charts of the folder, in a fixed order: structures by file name, then pairs.
    static func charts(files: [String], folder: String, only: RenderFormat?) -> [Chart] {
        let structures = files.filter { structureExtensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
        var charts: [Chart] = []
        var stems: [String: String] = [:]
        for file in structures {
            let stem = (file as NSString).deletingPathExtension
            charts.append(
                Chart(
                    kind: .single, files: [(folder as NSString).appendingPathComponent(file)], name: stem,
                    formats: only.map { [$0] } ?? [.svg, .pdf]))
            if stems[stem] == nil { stems[stem] = file }
        }
        for (stem, file) in stems.sorted(by: { $0.key < $1.key }) where stem.hasSuffix("-current") {
            let base = String(stem.dropLast("-current".count))
            guard let proposed = stems[base + "-proposed"] else { continue }
            let pair = [file, proposed].map { (folder as NSString).appendingPathComponent($0) }
            charts.append(Chart(kind: .compare, files: pair, name: base + "-compare", formats: only.map { [$0] } ?? [.svg, .pdf]))
            charts.append(Chart(kind: .changes, files: pair, name: base + "-changes", formats: only.map { [$0] } ?? [.svg, .pdf, .png]))
        }
        return charts
    }

    /// Draws every chart, then writes them all or none, never over one of the structures
    /// or `inputs` (other files the run read: a redaction profile).
    func render(options: ChartOptions, print: PrintSettings, inputs read: [String]) throws {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw CommandFailure.unreadableInput("cannot read the folder \(folder): \(error.localizedDescription)")
        }
        let files = entries.filter { entry in
            var isDirectory: ObjCBool = false
            let path = (folder as NSString).appendingPathComponent(entry)
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        let charts = Self.charts(files: files, folder: folder, only: only)
        guard !charts.isEmpty else {
            throw CommandFailure.unreadableInput("no structure files (.yaml, .yml, .csv) in \(folder)")
        }
        try ReportOutput.prepareFolder(output, for: "the charts")
        // Every chart is drawn before any is written: all are written, or none.
        var books: [ChartRenderer.PreparedBook] = []
        // A pair's compare and changes chartbooks share one plan: a branch has one page number.
        var plans: [[String]: Chartbook] = [:]
        var ruleFiles: [String] = []
        for chart in charts {
            let inputs = try renderer.load(chart.files)
            ruleFiles += inputs.ruleFiles
            let book: Chartbook
            if let planned = plans[chart.files] {
                book = planned
            } else {
                book = try renderer.plan(chart.kind, inputs, options: options, print: print)
                plans[chart.files] = book
            }
            let kind: ChartbookKind = chart.kind == .compare ? .compare : (chart.kind == .changes ? .changes : .single)
            // The vector formats from one layout a page; the PNG of the first chart page alone.
            let path = { (format: RenderFormat) in (output as NSString).appendingPathComponent("\(chart.name).\(format.fileExtension)") }
            let vector = chart.formats.filter { $0 != .png }.map { ($0, path($0)) }
            books.append(
                ChartRenderer.PreparedBook(kind: kind, pageCount: book.pageCount) { [renderer, options, print] in
                    try renderer.pages(kind, book, inputs, options: options, outputs: vector, print: print, onlyFirstChartPage: false)
                })
            if chart.formats.contains(.png) {
                books.append(
                    ChartRenderer.PreparedBook(kind: kind, pageCount: 1) { [renderer, options, print] in
                        try renderer.pages(
                            kind, book, inputs, options: options, outputs: [(.png, path(.png))], print: print, onlyFirstChartPage: true)
                    })
            }
        }
        let written = try ChartRenderer.draw(books).flatMap { $0 }
        try OutputFile.write(written, inputs: charts.flatMap(\.files) + ruleFiles + read)
        try FileHandleOutput.standardOutput(written.map { "wrote \($0.path)\n" }.joined())
    }
}
