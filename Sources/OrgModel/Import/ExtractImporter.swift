import Foundation
import OrgSupport

/// Turns an HR system's CSV extract into a structure, through a mapping file.
///
/// Reads the file's own bytes with the byte-level `CSVReader` (UTF-8 with or without a
/// byte-order mark, or Windows-1252; any one-byte delimiter; quoted fields holding
/// delimiters, quotes and line breaks; LF or CRLF), so a million-row extract imports in
/// seconds. Each bad row is reported with its line and every reason, not only the first,
/// and left out; rows reporting to a row left out are left out with it, so the
/// structure written never holds a dangling reporting line.
public struct ExtractImporter: Sendable {
    public var mapping: ImportMapping
    /// The field separator; nil takes the mapping's, else a comma.
    public var delimiter: UInt8?
    /// The encoding; nil takes the mapping's, else detects it.
    public var encoding: TextEncoding?
    /// How a manager's reference must agree with an id to name it (`--match-ids`).
    public var matching: IDMatching
    /// How many parts a large extract is read in at once (one per core, up to four), and
    /// the least bytes a part may have; tests set them to read small files in parts.
    var partCount = min(4, ProcessInfo.processInfo.activeProcessorCount)
    var minimumPartBytes = 2_000_000
    /// The fewest posts worth checking on several cores at once (tests lower it).
    var minimumConcurrentPosts = 100_000

    public init(mapping: ImportMapping, delimiter: UInt8? = nil, encoding: TextEncoding? = nil, matching: IDMatching = .exact) {
        self.mapping = mapping
        self.delimiter = delimiter
        self.encoding = encoding
        self.matching = matching
    }

    /// Imports the extract at `path`.
    public func load(_ path: String) throws(LoadError) -> ImportResult {
        try importExtract(try ExtractInput.read(path), file: path)
    }

    /// Imports an extract from its bytes; `file` names it in messages.
    ///
    /// - Throws: `LoadError` when the input as a whole cannot be read (binary, no header,
    ///   a mapped column missing); a bad row is not thrown but reported in the result.
    public func importExtract(_ bytes: [UInt8], file: String) throws(LoadError) -> ImportResult {
        try ExtractInput.check(bytes, file: file)
        var notes: [ImportNote] = []
        let textEncoding: TextEncoding
        if let chosen = encoding ?? mapping.encoding {
            textEncoding = chosen
            if chosen == .utf8, !TextEncoding.isValidUTF8(bytes) {
                throw LoadError(file: file, line: ExtractInput.firstInvalidUTF8Line(bytes), .invalidUTF8(advice: .readAsWindows1252))
            }
        } else {
            textEncoding = TextEncoding.detect(bytes)
            if textEncoding == .windows1252 { notes.append(.readAsWindows1252(file: file)) }
        }
        try ExtractInput.checkCharacters(bytes, encoding: textEncoding, file: file)
        let reading = Reading(file: file, encoding: textEncoding, delimiter: delimiter ?? mapping.delimiter ?? UInt8(ascii: ","))
        var run = Run(reading: reading, mapping: mapping, matching: matching)
        let rows = try readHeader(bytes, into: &run)
        run.pipeline.begin(file: file, bytes: bytes, header: run.plan?.headerBytes ?? 0..<0)
        guard let plan = run.plan else {
            throw LoadError(file: file, .noHeaderRow(input: .extract))
        }
        // A large extract is read in parts on every core; rows of one id in two parts
        // (a repeated id across the split) are rare, and then the file is read again in one.
        let parts =
            partCount > 1 && bytes.count - rows.offset > minimumPartBytes * partCount
            ? CSVSplitter.boundaries(bytes, start: rows.offset, line: rows.line, delimiter: run.reading.delimiter, parts: partCount)
            : [rows]
        if parts.count > 1, let combined = try readInParts(bytes, parts: parts, template: run) {
            run = combined
        } else {
            run.pipeline.reserveCapacity(bytes.count / 80)
            try readRows(bytes, from: rows, to: bytes.count, into: &run)
        }
        guard run.rowCount > 0 else {
            throw LoadError(file: file, line: plan.headerLine, .extractWithoutRows)
        }
        run.pipeline.tidyShares()
        run.pipeline.matchManagers(alsoKnown: [])
        run.pipeline.prune(minimumConcurrentPosts: minimumConcurrentPosts)
        notes += run.notes(plan: plan)
        var structure = mapping.structure
        structure.source = file
        structure.posts = run.pipeline.keptPosts()
        return run.pipeline.result(structure, notes: notes)
    }
}

extension ExtractImporter {
    /// Reads the header into `run`; returns where the rows start and on which line.
    private func readHeader(_ bytes: [UInt8], into run: inout Run) throws(LoadError) -> (offset: Int, line: Int) {
        var failure: LoadError?
        var rows = (offset: bytes.count, line: 1)
        do {
            try CSVReader(bytes: bytes, delimiter: run.reading.delimiter).forEachRecord { record in
                if record.isBlank { return true }
                do throws(LoadError) { try run.readHeader(record) } catch { failure = error }
                let range = record.byteRange
                let breaks = bytes[range].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + (bytes[range].last == 0x0D ? 1 : 0)
                rows = (range.upperBound, record.line + max(breaks, 1))
                return false
            }
        } catch let error as CSVReader.Failure {
            throw csvError(error, file: run.reading.file)
        } catch {
            throw LoadError(file: run.reading.file, .notCSV(reason: "\(error)"))
        }
        if let failure { throw failure }
        return rows
    }

    /// Reads the rows that start in `start.offset..<end` into `run`.
    private func readRows(_ bytes: [UInt8], from start: (offset: Int, line: Int), to end: Int, into run: inout Run) throws(LoadError) {
        var reader = CSVReader(bytes: bytes, delimiter: run.reading.delimiter)
        (reader.startOffset, reader.startLine) = start
        guard start.offset < bytes.count else { return }
        do {
            try reader.forEachRecord { record in
                if record.startOffset >= end { return false }
                if !record.isBlank { run.readRow(record) }
                return true
            }
        } catch let error as CSVReader.Failure {
            throw csvError(error, file: run.reading.file)
        } catch {
            throw LoadError(file: run.reading.file, .notCSV(reason: "\(error)"))
        }
    }

    /// Reads the parts concurrently and joins them in file order; nil when a post id
    /// appears in two parts, which only reading in one pass handles as it must.
    private func readInParts(_ bytes: [UInt8], parts: [(offset: Int, line: Int)], template: Run) throws(LoadError) -> Run? {
        let results = ConcurrentSlots<Result<Run, LoadError>>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { part in
            var run = template
            let end = part + 1 < parts.count ? parts[part + 1].offset : bytes.count
            // The first part's array takes every part's posts in the end: room for all.
            run.pipeline.reserveCapacity(
                (end - parts[part].offset) / 80, posts: ((part == 0 ? bytes.count : end) - parts[part].offset) / 80)
            do throws(LoadError) {
                try readRows(bytes, from: parts[part], to: end, into: &run)
                results[part] = .success(run)
            } catch {
                results[part] = .failure(error)
            }
        }
        var runs: [Run] = []
        for result in results.take() {
            guard let result else { return nil }
            switch result {
            case .failure(let error): throw error
            case .success(let run): runs.append(run)
            }
        }
        guard var combined = runs.first else { return nil }
        // An id in two parts is the one case one pass handles differently: look for one,
        // every part's posts against the parts before it, on every core.
        for part in runs.indices.dropFirst()
        where Self.repeatsEarlierPart(runs[part], earlier: Array(runs[..<part]), minimumConcurrentPosts: minimumConcurrentPosts) {
            return nil
        }
        runs[0].pipeline.posts = []
        for index in runs.indices.dropFirst() {
            combined.absorb(runs[index])
            // Moved, not copied: half a million posts would each be retained.
            combined.pipeline.posts.appendMoving(&runs[index].pipeline.posts, filler: Post(id: PostID("")))
        }
        return combined
    }

    /// Whether any post, rejected id or placeholder of `run` is an id of an earlier part.
    private static func repeatsEarlierPart(_ run: Run, earlier: [Run], minimumConcurrentPosts: Int) -> Bool {
        let earlier = earlier.map(\.pipeline)
        @Sendable func known(_ id: PostID) -> Bool { earlier.contains { $0.knows(id) } }
        if run.pipeline.rejectedLineByID.keys.contains(where: known) { return true }
        if run.pipeline.placeholderLines.keys.contains(where: { known(PostID($0)) }) { return true }
        let posts = run.pipeline.posts
        let chunkCount = posts.count < minimumConcurrentPosts ? 1 : max(2, min(4, ProcessInfo.processInfo.activeProcessorCount))
        let perChunk = (posts.count + chunkCount - 1) / chunkCount
        let found = ConcurrentSlots<Bool>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = min(posts.count, chunk * perChunk)..<min(posts.count, (chunk + 1) * perChunk)
            found[chunk] = range.contains { known(posts[$0].id) }
        }
        return found.take().contains { $0 == true }
    }

    private func csvError(_ error: CSVReader.Failure, file: String) -> LoadError {
        LoadError(file: file, line: error.line, .csvRow(reason: error.message, input: .extract))
    }

}
