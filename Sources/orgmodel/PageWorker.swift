import ArgumentParser
import Foundation
import OrgChart

/// A second `orgmodel` process that draws some of a review's chartbooks while this one draws
/// the rest. Graphviz is not thread-safe, so in one process every page waits on one lock;
/// two processes use two cores. The pages go to it as DOT text (a job file), and the files
/// come back whole (a result file); the same input gives the same bytes, as in one process.
struct PageWorker {
    private let process: Process
    private let folder: URL

    /// The books (by index) a second process should draw, given each book's kind and page
    /// count: none for one book or small books, or with `ORGMODEL_ONE_PROCESS` set; otherwise a share of the work as even as
    /// whole books allow, the side-by-side pages counting double and the change pages half
    /// again, this process keeping a little more for making the other's DOT text first.
    static func share(_ books: [(kind: ChartbookKind, pages: Int)]) -> [Int] {
        // Not by the number of cores: which process draws a book shows in its SVG's anchor
        // numbers, and the same input must give the same bytes on every machine.
        guard !SecondProcess.disabled, books.count > 1, books.reduce(0, { $0 + $1.pages }) >= 40 else { return [] }
        let weights = books.map { book in Double(book.pages) * (book.kind == .compare ? 2 : book.kind == .changes ? 1.5 : 1) }
        var here = 0.0
        var there = 0.0
        var elsewhere: [Int] = []
        for index in weights.indices.sorted(by: { weights[$0] > weights[$1] || (weights[$0] == weights[$1] && $0 < $1) }) {
            if there + weights[index] <= here + weights[index] * 1.1 {
                there += weights[index]
                elsewhere.append(index)
            } else {
                here += weights[index]
            }
        }
        return elsewhere.count == books.count ? [] : elsewhere.sorted()
    }

    /// Starts the second process on `books`; exit 3 when it cannot be started.
    static func start(_ books: [BookPages]) throws -> PageWorker {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgmodel-pages-\(UUID().uuidString)")
        do {
            // The pages hold the structure's names: only this user may read them.
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try SecondProcess.write(try job(books), to: folder.appendingPathComponent("job"))
            let process = SecondProcess.process([DrawPagesCommand.name, folder.path])
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return PageWorker(process: process, folder: folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw CommandFailure.outputFailed("could not start a second orgmodel process to draw pages: \(error.localizedDescription)")
        }
    }

    /// Stops the process and removes its files: this process failed, and will write nothing.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Waits for the books; exit 3 (with what the process said) when it failed.
    func finish() throws -> [BookPages.Drawn] {
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = PhaseTimes.now()
        process.waitUntilExit()
        PhaseTimes.shared.add("pages: waiting for the second process", since: started)
        guard process.terminationReason == .exit, process.terminationStatus == 0,
            let result = SecondProcess.read(folder.appendingPathComponent("result")), let books = Self.decode(result)
        else {
            throw CommandFailure.outputFailed(
                "the second orgmodel process drawing pages failed (status \(process.terminationStatus)); nothing was written")
        }
        return books
    }

    /// The books to draw as bytes: their description as JSON (the pages without their DOT
    /// text), its length first, then each page's DOT text, its length first, in order. The
    /// text is most of it, and goes as it is rather than as escaped JSON.
    static func job(_ books: [BookPages]) throws -> [UInt8] {
        var described = books
        for book in described.indices {
            for page in described[book].pages.indices { described[book].pages[page].dot = "" }
        }
        let json = try JSONEncoder().encode(described)
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 8 + books.reduce(0) { $0 + $1.pages.reduce(0) { $0 + 8 + $1.dot.utf8.count } })
        SecondProcess.appendFrame(json, to: &out)
        for book in books {
            for page in book.pages { SecondProcess.appendFrame(page.dot.utf8, to: &out) }
        }
        return out
    }

    /// The books `job` wrote; nil when the bytes are not such.
    static func books(fromJob bytes: [UInt8]) -> [BookPages]? {
        var frames = SecondProcess.Frames(bytes)
        guard let json = frames.frame(), var books = try? JSONDecoder().decode([BookPages].self, from: Data(json)) else { return nil }
        for book in books.indices {
            for page in books[book].pages.indices {
                guard let dot = frames.frame() else { return nil }
                books[book].pages[page].dot = String(decoding: dot, as: UTF8.self)
            }
        }
        return frames.atEnd ? books : nil
    }

    /// The drawn books as bytes: each count and length a little-endian UInt64, then the
    /// notes, then the files (path and bytes).
    static func encode(_ books: [BookPages.Drawn]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(
            8
                + books.reduce(0) { total, book in
                    total + 16 + book.notes.reduce(0) { $0 + 8 + $1.utf8.count }
                        + book.files.reduce(0) { $0 + 16 + $1.path.utf8.count + $1.bytes.count }
                })
        out += SecondProcess.number(books.count)
        for book in books {
            out += SecondProcess.number(book.notes.count)
            for note in book.notes { SecondProcess.appendFrame(note.utf8, to: &out) }
            out += SecondProcess.number(book.files.count)
            for file in book.files {
                SecondProcess.appendFrame(file.path.utf8, to: &out)
                SecondProcess.appendFrame(file.bytes, to: &out)
            }
        }
        return out
    }

    /// The books `encode` wrote; nil when the bytes are not such.
    static func decode(_ bytes: [UInt8]) -> [BookPages.Drawn]? {
        var frames = SecondProcess.Frames(bytes)
        guard let count = frames.number() else { return nil }
        var books: [BookPages.Drawn] = []
        for _ in 0..<count {
            var book = BookPages.Drawn()
            guard let notes = frames.number() else { return nil }
            for _ in 0..<notes {
                guard let note = frames.frame() else { return nil }
                book.notes.append(String(decoding: note, as: UTF8.self))
            }
            guard let files = frames.number() else { return nil }
            for _ in 0..<files {
                guard let path = frames.frame(), let file = frames.frame() else { return nil }
                book.files.append((String(decoding: path, as: UTF8.self), Array(file)))
            }
            books.append(book)
        }
        return frames.atEnd ? books : nil
    }
}

/// The second process's command (not listed in help): draws the books in FOLDER/job
/// and writes them to FOLDER/result.
struct DrawPagesCommand: ParsableCommand {
    static let name = "draw-pages"
    static let configuration = CommandConfiguration(
        commandName: name, abstract: "Draw chartbook pages for another orgmodel process.", shouldDisplay: false)

    @Argument(help: "The folder holding the job.")
    var folder: String

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        guard let job = SecondProcess.read(url.appendingPathComponent("job")), let books = PageWorker.books(fromJob: job) else {
            throw CommandFailure.outputFailed("cannot read the pages to draw in \(folder)")
        }
        let drawn = try books.map(ChartRenderer.drawPages)
        do {
            try SecondProcess.write(PageWorker.encode(drawn), to: url.appendingPathComponent("result"))
        } catch {
            throw CommandFailure.outputFailed("cannot write the drawn pages to \(folder): \(error.localizedDescription)")
        }
    }
}
