import Foundation
import OrgSupport

/// Reads a structure file written as CSV: optional `# key: value` metadata lines, a
/// header row naming post fields, then one row per post.
struct CSVStructureReader {
    let file: String
    var delimiter: UInt8 = UInt8(ascii: ",")
    /// How many parts to read the rows in; nil: one per core for a large file, else one.
    var parts: Int?

    /// What a column of the header feeds.
    enum Column: Equatable {
        case field(PostField)
        case attribute(String)
    }

    /// Files larger than this per core are read in parts, one per core.
    static let minimumPartBytes = 4 << 20

    func read(_ bytes: [UInt8]) throws(LoadError) -> Structure {
        var structure = Structure(source: file)
        var reader = CSVReader(bytes: bytes, delimiter: delimiter)
        (reader.startOffset, reader.startLine) = try readMetadata(bytes, into: &structure)

        // The header: the first record that is not blank.
        var columns: [Column] = []
        var headerLine = 0
        var rows = (offset: bytes.count, line: reader.startLine)
        var failure: LoadError?
        try scan(reader) { record in
            if record.isBlank { return true }
            do throws(LoadError) {
                columns = try header(record)
                headerLine = record.line
                rows = (record.endOffset, record.line + 1)
            } catch { failure = error }
            return false
        }
        if let failure { throw failure }
        guard !columns.isEmpty else {
            throw LoadError(file: file, .noHeaderRow(input: .structure))
        }

        // The rows, in parts on every core when the file is large. Each part is written
        // straight into its place in the one array of posts, then moved down against the
        // part before: the posts are never held twice. The first error in the file is the
        // one reported.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let wanted = self.parts ?? (bytes.count - rows.offset > Self.minimumPartBytes * cores ? cores : 1)
        // A plain file is split at line feeds found on every core; others follow the quotes.
        let plain = wanted > 1 ? CSVSplitter.plainParts(bytes, start: rows.offset, line: rows.line, parts: wanted) : nil
        let parts =
            plain?.map { (offset: $0.offset, line: $0.line) }
            ?? (wanted > 1
                ? CSVSplitter.boundaries(bytes, start: rows.offset, line: rows.line, delimiter: delimiter, parts: wanted)
                : [rows])
        let ends = parts.indices.map { $0 + 1 < parts.count ? parts[$0 + 1].offset : bytes.count }
        // In a plain file a record is a line: a part's bound is its line feeds, and one more
        // for a last line without one (what `recordBound` counts, already counted).
        let bounds =
            plain.map { plain in plain.indices.map { plain[$0].lineFeeds + ($0 == plain.count - 1 && bytes.last != 0x0A ? 1 : 0) } }
            ?? ParallelWork.map(parts.count) { Self.recordBound(bytes, from: parts[$0].offset, to: ends[$0]) }
        let (posts, hashes) = try readParts(bytes, parts: parts, ends: ends, bounds: bounds, columns: columns, headerLine: headerLine)
        structure.posts = posts
        structure.idHashes = PostIDHashes(hashes)
        guard !structure.posts.isEmpty else {
            throw LoadError(file: file, line: headerLine, .headerWithoutPosts)
        }
        return structure
    }

    /// The posts of every part, in file order, and each one's id hashed (`PostPositions`):
    /// part `p` read into its own region of the arrays (`bounds[p]` places, at least the
    /// records that start in it), and the regions then closed up.
    private func readParts(
        _ bytes: [UInt8], parts: [(offset: Int, line: Int)], ends: [Int], bounds: [Int], columns: [Column], headerLine: Int
    ) throws(LoadError) -> (posts: [Post], hashes: [Int]) {
        let starts = bounds.indices.map { part in bounds[..<part].reduce(0, +) }
        let total = bounds.reduce(0, +)
        let results = ConcurrentSlots<Result<Int, LoadError>>(count: parts.count)
        var failure: LoadError?
        var posts: [Post] = []
        let hashes = [Int](unsafeUninitializedCapacity: total) { hashBuffer, hashCount in
            hashCount = 0
            guard let hashBase = hashBuffer.baseAddress else { return }
            let hashRegion = SharedPointer(hashBase)
            posts = [Post](unsafeUninitializedCapacity: total) { buffer, initialized in
                initialized = 0
                guard let base = buffer.baseAddress else { return }
                let region = SharedPointer(base)
                DispatchQueue.concurrentPerform(iterations: parts.count) { part in
                    // Each part names the file with a string of its own: every post's location
                    // holds the name, and two cores counting references to one string would
                    // wait on each other a million times.
                    let reader = CSVStructureReader(file: String(decoding: Array(file.utf8), as: UTF8.self), delimiter: delimiter)
                    // The part's region mapped at once on this core, not a fault a page as it is filled.
                    FreshPages.populate(
                        UnsafeMutableRawPointer(region.pointer + starts[part]), count: bounds[part] * MemoryLayout<Post>.stride)
                    results[part] = Result { () throws(LoadError) -> Int in
                        try reader.readRows(
                            bytes, from: parts[part], to: ends[part], columns: columns, headerLine: headerLine,
                            into: region.pointer + starts[part], hashes: hashRegion.pointer + starts[part], capacity: bounds[part])
                    }
                }
                for (part, result) in results.take().enumerated() {
                    switch result {
                    case .success(let count) where failure == nil:
                        // Bounds are exact for a file without blank or quoted multi-line rows:
                        // then every part is already in its place.
                        if initialized != starts[part] {
                            (base + initialized).moveInitialize(from: base + starts[part], count: count)
                            (hashBase + initialized).moveInitialize(from: hashBase + starts[part], count: count)
                        }
                        initialized += count
                    case .success(let count):
                        (base + starts[part]).deinitialize(count: count)
                    case .failure(let error):
                        failure = failure ?? error
                    case nil:
                        failure = failure ?? LoadError(file: file, .partNotRead)
                    }
                }
            }
            hashCount = posts.count
        }
        if let failure { throw failure }
        return (posts, hashes)
    }

    /// At least as many records as start in `start..<end`: as many as the line ends there
    /// (a line feed, or a carriage return not followed by one), and one more when the last
    /// line has no end. Exact when no row is blank or holds a line break in quotes.
    static func recordBound(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { all in
            let part = UnsafeBufferPointer(rebasing: all[start..<end])
            guard let last = part.last else { return 0 }
            // Line feeds counted eight bytes at a time; carriage returns, rare, looked at after.
            var count = (last == 0x0A || last == 0x0D ? 0 : 1) + ByteCount.count(of: 0x0A, in: part)
            guard ByteCount.contains(0x0D, in: part) else { return count }
            for index in start..<end where all[index] == 0x0D && (index + 1 == all.count || all[index + 1] != 0x0A) {
                count += 1
            }
            return count
        }
    }

    /// The posts of the records that start in `start.offset..<end`, written to `target`
    /// (room for `capacity`), and their ids' hashes to `hashes`: how many. On an error,
    /// those written are deinitialized.
    private func readRows(
        _ bytes: [UInt8], from start: (offset: Int, line: Int), to end: Int, columns: [Column], headerLine: Int,
        into target: UnsafeMutablePointer<Post>, hashes: UnsafeMutablePointer<Int>, capacity: Int
    ) throws(LoadError) -> Int {
        var reader = CSVReader(bytes: bytes, delimiter: delimiter)
        (reader.startOffset, reader.startLine) = start
        var count = 0
        var failure: LoadError?
        // One builder for the part: each finished post leaves it empty for the next.
        var builder = PostBuilder(file: file, line: 0)
        do throws(LoadError) {
            try scan(reader) { record in
                if record.startOffset >= end { return false }
                if record.isBlank { return true }
                do throws(LoadError) {
                    guard count < capacity else { throw LoadError(file: file, .partNotRead) }
                    try post(from: record, columns: columns, headerLine: headerLine, builder: &builder, into: target + count)
                    // Hashed while the id's bytes are at hand: the index would read each again.
                    (hashes + count).initialize(to: PostPositions.hash(target[count].id))
                    count += 1
                } catch {
                    failure = error
                    return false
                }
                return true
            }
        } catch {
            failure = failure ?? error
        }
        if let failure {
            target.deinitialize(count: count)
            throw failure
        }
        return count
    }

    /// Runs the reader, turning its failures into located load errors.
    private func scan(_ reader: CSVReader, _ body: (borrowing CSVRecord) -> Bool) throws(LoadError) {
        do {
            try reader.forEachRecord(body)
        } catch let error as CSVReader.Failure {
            throw LoadError(file: file, line: error.line, .csvRow(reason: error.message, input: .structure))
        } catch {
            throw LoadError(file: file, .notCSV(reason: "\(error)"))
        }
    }

    /// Reads leading `# key: value` lines; returns where the table starts.
    private func readMetadata(_ bytes: [UInt8], into structure: inout Structure) throws(LoadError) -> (Int, Int) {
        var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while offset < bytes.count {
            guard bytes[offset] == UInt8(ascii: "#") else {
                // Blank lines between `#` lines are passed over; before the header they
                // are left to the table, which passes over them too.
                var next = offset
                var nextLine = line
                while let after = Self.blankLineEnd(bytes, from: next) {
                    next = after
                    nextLine += 1
                }
                guard next > offset, next < bytes.count, bytes[next] == UInt8(ascii: "#") else { break }
                (offset, line) = (next, nextLine)
                continue
            }
            let end = Self.lineEnd(bytes, from: offset)
            let text = String(decoding: bytes[(offset + 1)..<end], as: UTF8.self)
            try applyMetadata(text, line: line, to: &structure)
            offset = Self.nextLine(bytes, after: end)
            line += 1
        }
        return (offset, line)
    }

    /// Where the line from `start` ends, as a record does: at a line feed, a carriage
    /// return and line feed, or a carriage return alone (the end of the bytes else).
    static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.count
    }

    /// Where the line after the line ending at `end` starts.
    static func nextLine(_ bytes: [UInt8], after end: Int) -> Int {
        let crlf = end + 1 < bytes.count && bytes[end] == 0x0D && bytes[end + 1] == 0x0A
        return min(end + (crlf ? 2 : 1), bytes.count)
    }

    /// Where the next line starts when the line from `start` holds only spaces and tabs;
    /// nil when it holds anything else, or is the file's last.
    static func blankLineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        let end = lineEnd(bytes, from: start)
        guard end < bytes.count, bytes[start..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        return nextLine(bytes, after: end)
    }

    private func applyMetadata(_ text: String, line: Int, to structure: inout Structure) throws(LoadError) {
        let location = SourceLocation(file: file, line: line)
        guard let colon = text.firstIndex(of: ":") else { return }  // a plain comment
        let key = String(text[..<colon]).trimmingBlanks()
        let value = MetadataText.read(String(text[text.index(after: colon)...]).trimmingBlanks())
        guard let known = YAMLStructureReader.TopKey(rawValue: key), known != .posts else {
            // A comment that happens to hold a colon is still a comment, unless it looks
            // like a misspelt metadata key.
            let keys = YAMLStructureReader.TopKey.allCases.filter { $0 != .posts }.map(\.rawValue)
            // One slip only: "# Note: …" is a comment, not a misspelt "name".
            if !key.contains(" "), let near = closest(to: key, among: keys, maximumDistance: 1) {
                throw location.error(.unknownMetadataKey(key: key, suggestion: near, known: keys))
            }
            // A snake_case word reads as a key meant for a program, not as a comment.
            let snakeCase = key.contains("_") && key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
            if snakeCase {
                throw location.error(.unknownMetadataKey(key: key, suggestion: nil, known: keys))
            }
            return
        }
        try structure.setMetadata(known, value, field: key, at: location)
    }

    private func header(_ record: borrowing CSVRecord) throws(LoadError) -> [Column] {
        var columns: [Column] = []
        var seen: Set<String> = []
        for index in 0..<record.count {
            let name = record.string(index).trimmingBlanks()
            let location = SourceLocation(file: file, line: record.line, column: index + 1)
            guard !name.isEmpty else {
                throw location.error(.unnamedColumn(column: index + 1))
            }
            guard seen.insert(name).inserted else {
                throw location.error(.repeatedColumn(name: name))
            }
            if name.hasPrefix(PostField.attributeColumnPrefix) {
                columns.append(.attribute(String(name.dropFirst(PostField.attributeColumnPrefix.count))))
                continue
            }
            guard let field = PostField(rawValue: name) else {
                if record.count == 1, let separator = [";", "\t", "|"].first(where: { name.contains($0) }) {
                    throw location.error(.headerOneColumn(name: name, separator: separator))
                }
                let near = PostField.suggestion(for: name)
                throw location.error(
                    .unknownColumn(
                        name: name, column: index + 1, suggestion: near?.rawValue,
                        known: PostField.allCases.filter { $0 != .deviations && $0 != .attributes }.map(\.rawValue)))
            }
            if field == .deviations || field == .attributes {
                throw location.error(.csvCannotHold(field: field.rawValue))
            }
            columns.append(.field(field))
        }
        for required in [PostField.id, .reportsTo] where !columns.contains(.field(required)) {
            throw LoadError(file: file, line: record.line, .requiredColumnMissing(column: required.rawValue))
        }
        return columns
    }

    private func post(
        from record: borrowing CSVRecord, columns: [Column], headerLine: Int, builder: inout PostBuilder,
        into target: UnsafeMutablePointer<Post>
    ) throws(LoadError) {
        guard record.count == columns.count else {
            let location = SourceLocation(file: file, line: record.line)
            if record.withTrimmedBytes(0, { $0.first == UInt8(ascii: "#") }) == true {
                throw location.error(.commentAfterHeader)
            }
            throw location.error(.fieldCount(found: record.count, expected: columns.count, headerLine: headerLine))
        }
        builder.start(line: record.line)
        for (index, column) in columns.enumerated() {
            if record.isEmpty(index) {
                // A quoted empty attribute (`""`) is an attribute whose value is empty.
                if case .attribute(let name) = column, record.isQuoted(index) { builder.addAttribute(name, "") }
                continue
            }
            if case .field(let field) = column {
                if try setPlainNumber(field, record, index, &builder) { continue }
                if PostBuilder.isText(field), let text = Self.plainText(record, index) {
                    _ = builder.setText(field, trimmed: text, whole: text)
                    continue
                }
            }
            // A cell written as `'=…` (guarded against spreadsheet formulas) means `=…`.
            let text = FormulaGuard.unguarded(record.string(index))
            switch column {
            case .field(let field): try builder.set(field, text, line: record.line, column: index + 1)
            case .attribute(let name): builder.addAttribute(name, text)
            }
        }
        try builder.finish(line: record.line, into: target)
    }

    /// A cell's text made straight from its bytes when nothing in it needs undoing: no
    /// doubled quotes, no blank at either edge (so the text trimmed and whole are one), and
    /// no leading apostrophe (which may guard a formula). Nil sends the cell the long way,
    /// through `FormulaGuard` and `PostBuilder.set`, which give the same text.
    private static func plainText(_ record: borrowing CSVRecord, _ index: Int) -> String? {
        record.withBytes(index) { bytes -> String? in
            guard let first = bytes.first, let last = bytes.last, first != 0x27, first != 0x20, first != 0x09,
                last != 0x20, last != 0x09
            else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        } ?? nil
    }

    /// Sets a numeric field straight from a cell's bytes, without a string made, when the
    /// cell holds a plain number: false when it does not (a guard, an exponent, a word),
    /// and the text is read instead, which gives the errors.
    private func setPlainNumber(
        _ field: PostField, _ record: borrowing CSVRecord, _ index: Int, _ builder: inout PostBuilder
    ) throws(LoadError) -> Bool {
        switch field {
        case .tier, .count:
            guard let whole = record.withTrimmedBytes(index, ValueParsing.readWhole) ?? nil else { return false }
            try builder.setWhole(field, whole, line: record.line, column: index + 1)
        case .vacant:
            guard let vacant = record.withTrimmedBytes(index, ValueParsing.readWhole) ?? nil, vacant >= 0 else { return false }
            builder.setVacant(vacant, line: record.line, column: index + 1)
        case .fte, .cost:
            guard case .exact(let value)? = record.withTrimmedBytes(index, ValueParsing.readDecimal), value >= 0 else { return false }
            try builder.setDecimal(field, value, line: record.line, column: index + 1)
        default:
            return false
        }
        return true
    }
}
