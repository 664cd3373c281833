import Foundation
import OrgChart
import OrgModel
import Testing

@testable import orgmodel

/// The second process that draws some of a review's chartbooks: the same files as one
/// process draws, its share of the work, and what comes back read whole or not at all.
@Suite struct PageWorkerTests {
    @Test func aReviewDrawnInTwoProcessesHasTheFilesOneProcessDraws() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var written: [[String: Data]] = []
        var errors: [String] = []
        for (name, environment) in [("two", ["ORGMODEL_TIMINGS": "1"]), ("one", ["ORGMODEL_ONE_PROCESS": "1", "ORGMODEL_TIMINGS": "1"])] {
            let out = folder.appendingPathComponent(name).path
            let run = try OrgModelBinary.run(
                [
                    "review", "Structures/county-childrens-social-care-current.yaml",
                    "Structures/county-childrens-social-care-proposed.yaml", "-o", out,
                ], environment: environment)
            #expect(run.exitCode == 0 || run.exitCode == 1, "\(run.stderr)")
            errors.append(run.stderr)
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out) {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(name))
            }
            written.append(files)
        }
        #expect(errors[0].contains("timing pages: waiting for the second process"), "\(errors[0])")
        #expect(!errors[1].contains("second process"))
        #expect(Set(written[0].keys) == Set(written[1].keys))
        #expect(written[0].count > 100)
        for (name, bytes) in written[0] {
            guard let other = written[1][name] else { continue }
            if name.hasSuffix(".svg") {
                // Graphviz numbers a page's anchors on from every anchor the process drew
                // before; all else is the same.
                #expect(Self.withoutAnchorNumbers(bytes) == Self.withoutAnchorNumbers(other), "\(name)")
            } else if name != "index.html" {
                #expect(bytes == other, "\(name)")
            }
        }
    }

    static func withoutAnchorNumbers(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).replacingOccurrences(of: #"_[0-9]+""#, with: "_N\"", options: .regularExpression)
    }

    @Test func theSecondProcessTakesAShareOnlyWhenItPays() {
        #expect(PageWorker.share([(.current, 3), (.proposed, 3)]).isEmpty, "small books stay in one process")
        #expect(PageWorker.share([(.current, 100)]).isEmpty, "one book stays in one process")
        let share = PageWorker.share([(.current, 100), (.proposed, 100), (.compare, 100), (.changes, 100), (.changes, 1)])
        #expect(share == [1, 2], "the side-by-side book and one other: \(share)")
    }

    @Test func drawnBooksComeBackWholeOrNotAtAll() throws {
        var first = BookPages.Drawn()
        first.notes = ["note: p. 3 prints small", ""]
        first.files = [("a.pdf", [0, 1, 2, 255]), ("a-p01.svg", Array("<svg/>".utf8)), ("empty", [])]
        let books = [first, BookPages.Drawn()]
        let bytes = PageWorker.encode(books)
        let back = try #require(PageWorker.decode(bytes))
        #expect(back.map(\.notes) == books.map(\.notes))
        #expect(back.map { $0.files.map(\.path) } == books.map { $0.files.map(\.path) })
        #expect(back.map { $0.files.map(\.bytes) } == books.map { $0.files.map(\.bytes) })
        #expect(PageWorker.decode(Array(bytes.dropLast())) == nil, "cut short")
        #expect(PageWorker.decode(bytes + [0]) == nil, "something more")
        #expect(PageWorker.decode([255, 255, 255, 255, 255, 255, 255, 255]) == nil, "a count larger than the file")
    }

    @Test func pagesToDrawGoWholeOrNotAtAll() throws {
        var book = BookPages(
            outputs: [(.pdf, "a.pdf"), (.svg, "a.svg")], print: PrintSettings(), link: PageLink(stem: "a", ext: "svg", pages: 2))
        book.pages = [
            BookPages.Page(number: 1, dot: "digraph { a -> \"Café, 2 \\\"quoted\\\"\" }", smallestType: 9),
            BookPages.Page(number: 2, dot: "", smallestType: 7.5),
        ]
        let other = BookPages(outputs: [(.svg, "b.svg")], print: PrintSettings(), link: PageLink(stem: "b", ext: "svg", pages: 0))
        let bytes = try PageWorker.job([book, other])
        let back = try #require(PageWorker.books(fromJob: bytes))
        #expect(back.map { $0.pages.map(\.dot) } == [book.pages.map(\.dot), []])
        #expect(back.map { $0.pages.map(\.number) } == [[1, 2], []])
        #expect(back[0].pages.map(\.smallestType) == [9, 7.5])
        #expect(back.map { $0.outputs.map(\.path) } == [["a.pdf", "a.svg"], ["b.svg"]])
        #expect(PageWorker.books(fromJob: Array(bytes.dropLast())) == nil, "cut short")
        #expect(PageWorker.books(fromJob: bytes + [0]) == nil, "something more")
        #expect(PageWorker.books(fromJob: [255, 255, 255, 255, 255, 255, 255, 255]) == nil, "a count larger than the file")
    }

    @Test func theHiddenCommandSaysWhenItHasNothingToDraw() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OrgModelBinary.run(["draw-pages", folder.path])
        #expect(run.exitCode == 3)
        #expect(run.stderr.contains("cannot read the pages to draw in \(folder.path)"), "\(run.stderr)")
        let help = try OrgModelBinary.run(["--help"])
        #expect(!help.stdout.contains("draw-pages"))
    }
}

/// The second process that lays out a large pair's side-by-side trial pages while this one
/// lays out the change pages: the same plan as one process makes.
@Suite struct MeasureWorkerTests {
    @Test func aLargePairIsPlannedAsOneProcessPlansIt() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for seed in [7, 8] as [UInt64] {
            let file = folder.appendingPathComponent("pair-\(seed).yaml")
            try Data(StructureYAMLWriter().write(StructureGenerator(posts: 1_100, seed: seed).generate()).utf8).write(to: file)
            files.append(file.path)
        }
        var pages: [[String: Data]] = []
        var errors: [String] = []
        for (name, environment) in [("two", ["ORGMODEL_TIMINGS": "1"]), ("one", ["ORGMODEL_ONE_PROCESS": "1", "ORGMODEL_TIMINGS": "1"])] {
            let out = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let run = try OrgModelBinary.run(
                ["render", "--changes"] + files + ["-o", out.appendingPathComponent("changes.dot").path], environment: environment)
            #expect(run.exitCode == 0, "\(run.stderr)")
            errors.append(run.stderr)
            var written: [String: Data] = [:]
            for page in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                written[page] = try Data(contentsOf: out.appendingPathComponent(page))
            }
            pages.append(written)
        }
        #expect(errors[0].contains("timing plan: waiting for the second process"), "\(errors[0])")
        #expect(!errors[1].contains("second process"))
        #expect(pages[0].count > 10)
        #expect(pages[0] == pages[1], "the same pages, page for page")
    }

    @Test func theHiddenCommandAnswersWithTheSizeOrGraphvizsWords() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        func request(_ dot: String) -> [UInt8] { SecondProcess.number(dot.utf8.count) + Array(dot.utf8) }
        let input = folder.appendingPathComponent("requests")
        try Data(request("digraph { a -> b }") + request("digraph { a -> }") + request("digraph { a }")).write(to: input)
        let run = try OrgModelBinary.run(["measure-pages"], standardInput: input)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let answers = [UInt8](run.stdoutData)
        #expect(answers.first == 0, "the first page is measured")
        let width = MeasureWorker.double(answers[1..<9])
        let height = MeasureWorker.double(answers[9..<17])
        #expect(width > 20 && width < 100 && height > 80 && height < 200, "\(width) × \(height)")
        #expect(answers[17] == 1, "the second is refused")
        let length = Int(SecondProcess.integer(answers[18..<26]))
        #expect(String(decoding: answers[26..<(26 + length)], as: UTF8.self).contains("syntax"))
        #expect(answers[26 + length] == 0, "and the third measured after it")
        #expect(answers.count == 26 + length + 17)
    }
}
