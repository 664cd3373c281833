import Foundation

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
    /// How many parts a large extract is read in at once (one per core, up to four), and
    /// the least bytes a part may have; tests set them to read small files in parts.
    var partCount = min(4, ProcessInfo.processInfo.activeProcessorCount)
    var minimumPartBytes = 2_000_000
    /// The fewest posts worth checking on several cores at once (tests lower it).
    var minimumConcurrentPosts = 100_000

    public init(mapping: ImportMapping, delimiter: UInt8? = nil, encoding: TextEncoding? = nil) {
        self.mapping = mapping
        self.delimiter = delimiter
        self.encoding = encoding
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
        var notes: [String] = []
        let textEncoding: TextEncoding
        if let chosen = encoding ?? mapping.encoding {
            textEncoding = chosen
            if chosen == .utf8, !TextEncoding.isValidUTF8(bytes) {
                throw LoadError(
                    file: file, line: ExtractInput.firstInvalidUTF8Line(bytes), message: "the text is not valid UTF-8",
                    hint: "if the file came from a spreadsheet's plain \"CSV\", read it with --encoding windows-1252")
            }
        } else {
            textEncoding = TextEncoding.detect(bytes)
            if textEncoding == .windows1252 { notes.append("read \(file) as Windows-1252: it is not valid UTF-8") }
        }
        try ExtractInput.checkCharacters(bytes, encoding: textEncoding, file: file)
        var run = Run(
            file: file, mapping: mapping, encoding: textEncoding, delimiter: delimiter ?? mapping.delimiter ?? UInt8(ascii: ","))
        let rows = try readHeader(bytes, into: &run)
        guard let plan = run.plan else {
            throw LoadError(file: file, message: "the file has no header row", hint: "the first row names the extract's columns")
        }
        // A large extract is read in parts on every core; rows of one id in two parts
        // (a repeated id across the split) are rare, and then the file is read again in one.
        let parts = partCount > 1 && bytes.count - rows.offset > minimumPartBytes * partCount
            ? CSVSplitter.boundaries(bytes, start: rows.offset, line: rows.line, delimiter: run.delimiter, parts: partCount)
            : [rows]
        if parts.count > 1, let combined = try readInParts(bytes, parts: parts, template: run) {
            run = combined
        } else {
            run.posts.reserveCapacity(bytes.count / 80)
            run.rowBytes.reserveCapacity(bytes.count / 80)
            run.positionByID.reserveCapacity(bytes.count / 80)
            try readRows(bytes, from: rows, to: bytes.count, into: &run)
        }
        guard run.rowCount > 0 else {
            throw LoadError(file: file, line: plan.headerLine, message: "the extract has a header but no rows")
        }
        run.rejectUnknownManagers(minimumConcurrentPosts: minimumConcurrentPosts)
        notes += run.notes(plan: plan)
        return run.result(input: bytes, headerBytes: plan.headerBytes, notes: notes)
    }
}

extension ExtractImporter {
    /// Reads the header into `run`; returns where the rows start and on which line.
    private func readHeader(_ bytes: [UInt8], into run: inout Run) throws(LoadError) -> (offset: Int, line: Int) {
        var failure: LoadError?
        var rows = (offset: bytes.count, line: 1)
        do {
            try CSVReader(bytes: bytes, delimiter: run.delimiter).forEachRecord { record in
                if record.isBlank { return true }
                do throws(LoadError) { try run.readHeader(record) } catch { failure = error }
                let range = record.byteRange
                let breaks = bytes[range].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + (bytes[range].last == 0x0D ? 1 : 0)
                rows = (range.upperBound, record.line + max(breaks, 1))
                return false
            }
        } catch let error as CSVReader.Failure {
            throw csvError(error, file: run.file)
        } catch {
            throw LoadError(file: run.file, message: "not readable as CSV: \(error)")
        }
        if let failure { throw failure }
        return rows
    }

    /// Reads the rows that start in `start.offset..<end` into `run`.
    private func readRows(_ bytes: [UInt8], from start: (offset: Int, line: Int), to end: Int, into run: inout Run) throws(LoadError) {
        var reader = CSVReader(bytes: bytes, delimiter: run.delimiter)
        (reader.startOffset, reader.startLine) = start
        guard start.offset < bytes.count else { return }
        do {
            try reader.forEachRecord { record in
                if record.startOffset >= end { return false }
                if !record.isBlank { run.readRow(record) }
                return true
            }
        } catch let error as CSVReader.Failure {
            throw csvError(error, file: run.file)
        } catch {
            throw LoadError(file: run.file, message: "not readable as CSV: \(error)")
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
            run.posts.reserveCapacity(((part == 0 ? bytes.count : end) - parts[part].offset) / 80)
            run.rowBytes.reserveCapacity((end - parts[part].offset) / 80)
            run.positionByID.reserveCapacity((end - parts[part].offset) / 80)
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
        runs[0].posts = []
        for index in runs.indices.dropFirst() {
            guard combined.absorb(runs[index]) else { return nil }
            // Moved, not copied: half a million posts would each be retained.
            combined.posts.appendMoving(&runs[index].posts, filler: Post(id: PostID("")))
        }
        return combined
    }

    /// Whether any post or rejected id of `run` is an id of an earlier part.
    private static func repeatsEarlierPart(_ run: Run, earlier: [Run], minimumConcurrentPosts: Int) -> Bool {
        @Sendable func known(_ id: PostID) -> Bool {
            earlier.contains { $0.positionByID[id] != nil || $0.rejectedLineByID[id] != nil }
        }
        if run.rejectedLineByID.keys.contains(where: known) { return true }
        let posts = run.posts
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
        LoadError(
            file: file, line: error.line, message: error.message,
            hint: "a field that holds the delimiter, a quote or a line break must be quoted, with quotes doubled")
    }

    /// What each column of the extract feeds, worked out once from the header.
    ///
    /// A class, so that each row shares it rather than copying its arrays.
    final class Plan: Sendable {
        let headerLine: Int
        let headerBytes: Range<Int>
        let columnCount: Int
        /// The column of each mapped field.
        let fieldColumns: [(field: PostField, index: Int, name: String)]
        /// Columns kept as attributes: index, attribute name, and whether it holds dates.
        let attributeColumns: [(index: Int, name: String, isDate: Bool)]
        let unnamed: [Int]
        let dropped: [String]
        /// Fields whose values the mapping's `values:` table translates.
        let translated: Set<PostField>
        /// For each of `fieldColumns`, whether its values are translated (a row looks it
        /// up by position, not by hashing the field).
        let translatesColumn: [Bool]

        init(
            headerLine: Int, headerBytes: Range<Int>, columnCount: Int, fieldColumns: [(field: PostField, index: Int, name: String)],
            attributeColumns: [(index: Int, name: String, isDate: Bool)], unnamed: [Int], dropped: [String], translated: Set<PostField>
        ) {
            self.headerLine = headerLine
            self.headerBytes = headerBytes
            self.columnCount = columnCount
            self.fieldColumns = fieldColumns
            self.attributeColumns = attributeColumns
            self.unnamed = unnamed
            self.dropped = dropped
            self.translated = translated
            translatesColumn = fieldColumns.map { translated.contains($0.field) }
        }

        func column(of field: PostField) -> String? { fieldColumns.first { $0.field == field }?.name }
    }

    /// The state of one import as rows stream past.
    struct Run {
        let file: String
        let mapping: ImportMapping
        let encoding: TextEncoding
        let delimiter: UInt8
        var plan: Plan?
        var idColumn = "id"
        var reportsToColumn = "reports_to"
        var rowCount = 0
        /// Unnamed columns found holding a value: those are worth a note, empty ones not.
        var unnamedWithValues: Set<Int> = []

        var posts: [Post] = []
        var rowBytes: [Range<Int>] = []
        /// Positions of this part's posts; after parts are joined, the later parts' own,
        /// with the position their first post took (`position(of:)` looks in all).
        var positionByID: [PostID: Int] = [:]
        var laterParts: [(offset: Int, positionByID: [PostID: Int])] = []

        /// The position of the post with `id`, in whichever part it was read.
        func position(of id: PostID) -> Int? {
            if let position = positionByID[id] { return position }
            for part in laterParts { if let position = part.positionByID[id] { return position + part.offset } }
            return nil
        }
        /// Posts already folded from several rows (job shares), and their later rows.
        var shared: Set<Int> = []
        /// Job shares one of whose later rows is rejected, with that row's line: the post
        /// is left out whole, not written as the rows that happened to agree.
        var spoiledShares: [Int: Int] = [:]
        var sharedRows: [Int: [(line: Int, bytes: Range<Int>)]] = [:]
        var listedAttributes: [Int: Set<String>] = [:]
        var rejectedLineByID: [PostID: Int] = [:]
        var rejected: [RejectedRow] = []
        var removed: [Bool] = []
        var gradesWithoutTier: [String: Int] = [:]
        var vacantHolderKeys: Set<String> = []
        /// Lengths of the vacant-holder words (as bits), so most names skip lower-casing.
        var vacantHolderLengths: UInt64 = 0
        /// Tiers by grade as met: an extract has a few dozen grades over a million rows,
        /// and comparing against each is cheaper than hashing every row's.
        var tierByGrade: [(grade: String, tier: Int?, posts: Int)] = []
        /// Translations through the mapping's `values:` as met, by field.
        var translations: [(field: PostField, from: String, to: String)] = []

        mutating func translated(_ value: String, for field: PostField) -> String {
            if let known = translations.first(where: { $0.field == field && $0.from == value }) { return known.to }
            let result = mapping.translated(value, for: field).trimmingBlanks()
            if translations.count < 256 { translations.append((field, value, result)) }
            return result
        }

        /// The tier for a grade, counting the posts of each grade the table lacks.
        mutating func tier(for grade: String) -> Int? {
            if let index = tierByGrade.firstIndex(where: { $0.grade == grade }) {
                tierByGrade[index].posts += 1
                return tierByGrade[index].tier
            }
            let tier = mapping.tiers.tier(for: grade)
            if tierByGrade.count < 256 {
                tierByGrade.append((grade, tier, 1))
            } else if tier == nil {
                gradesWithoutTier[grade, default: 0] += 1
            }
            return tier
        }

        init(file: String, mapping: ImportMapping, encoding: TextEncoding, delimiter: UInt8) {
            self.file = file
            self.mapping = mapping
            self.encoding = encoding
            self.delimiter = delimiter
            vacantHolderKeys = Set(mapping.vacantHolders.map { $0.lowercased() })
            for holder in mapping.vacantHolders where holder.utf8.count < 64 { vacantHolderLengths |= 1 << UInt64(holder.utf8.count) }
        }

        func text(_ record: borrowing CSVRecord, _ index: Int) -> String {
            switch encoding {
            case .utf8: record.trimmedString(index)
            case .windows1252: encoding.decode(record.bytes(index)).trimmingBlanks()
            }
        }

        mutating func readHeader(_ record: borrowing CSVRecord) throws(LoadError) {
            var names: [String] = []
            for index in 0..<record.count { names.append(text(record, index)) }
            var counts: [String: Int] = [:]
            for name in names where !name.isEmpty { counts[name, default: 0] += 1 }

            func find(_ wanted: String) -> Int? {
                if let exact = names.firstIndex(of: wanted) { return exact }
                let folded = names.indices.filter { names[$0].lowercased() == wanted.lowercased() }
                return folded.count == 1 ? folded[0] : nil
            }
            var missing: [String] = []
            // Where the first name the extract lacks is written in the mapping file.
            var firstMissingPlace: SourceLocation?
            func noteMissing(_ use: ImportMapping.ColumnUse) {
                if firstMissingPlace == nil { firstMissingPlace = mapping.places[use] }
            }
            var fieldColumns: [(PostField, Int, String)] = []
            for field in ImportMapping.mappableFields {
                guard let wanted = mapping.columns[field] else { continue }
                guard let index = find(wanted) else {
                    noteMissing(.field(field))
                    let near = closest(to: wanted, among: names.filter { !$0.isEmpty })
                    missing.append("\(ValueParsing.quoted(wanted)) (for \(field.rawValue))" + (near.map { ", did you mean \(ValueParsing.quoted($0))?" } ?? ""))
                    continue
                }
                guard counts[names[index], default: 0] <= 1 else {
                    throw LoadError(
                        file: file, line: record.line,
                        message: "the header has two columns named \(ValueParsing.quoted(names[index])), which the mapping uses for \(field.rawValue)",
                        hint: "rename one of them in the extract")
                }
                fieldColumns.append((field, index, names[index]))
            }
            for required in [PostField.id, .reportsTo] where mapping.columns[required] == nil {
                throw LoadError(
                    file: mapping.source ?? file, message: "the mapping names no column for \(required.rawValue)",
                    hint: "add it under columns:, e.g. \(required.rawValue): \(required == .id ? "Position ID" : "Parent Position")")
            }
            var droppedIndices: Set<Int> = []
            for name in mapping.dropped {
                guard let index = find(name) else {
                    noteMissing(.dropped(name))
                    missing.append("\(ValueParsing.quoted(name)) (to drop)")
                    continue
                }
                droppedIndices.insert(index)
            }
            var dateIndices: Set<Int> = []
            for name in mapping.dateColumns {
                guard let index = find(name) else {
                    noteMissing(.date(name))
                    missing.append("\(ValueParsing.quoted(name)) (dates)")
                    continue
                }
                dateIndices.insert(index)
            }
            if !missing.isEmpty {
                var wrongDelimiter = false
                var hint = "the mapping's column names must match the extract's header (\(names.count) columns: \(names.prefix(8).map { ValueParsing.quoted($0) }.joined(separator: ", "))\(names.count > 8 ? ", …" : ""))"
                if names.count == 1, let only = names.first {
                    for (symbol, option) in [(";", "';'"), ("\t", "tab"), ("|", "'|'")] where only.contains(symbol) {
                        hint = "the header is one column holding \(symbol == "\t" ? "tabs" : symbol): try --delimiter \(option)"
                        wrongDelimiter = true
                    }
                }
                // The mistake is in the mapping (or the extract is not the one meant): name
                // the mapping line where the wrong name is written, and the header it missed.
                let message = "the extract's header (\(file):\(record.line)) has no column \(missing.joined(separator: "; no column "))"
                // A header read with the wrong delimiter is the extract's problem, not the mapping's.
                if !wrongDelimiter, let place = firstMissingPlace {
                    throw place.error(message, hint: hint)
                }
                throw LoadError(file: file, line: record.line, message: "the header has no column \(missing.joined(separator: "; no column "))", hint: hint)
            }
            let used = Set(fieldColumns.map(\.1))
            var attributeColumns: [(Int, String, Bool)] = []
            var unnamed: [Int] = []
            var seenAttributes: Set<String> = []
            for (index, name) in names.enumerated() where !used.contains(index) && !droppedIndices.contains(index) {
                if name.isEmpty {
                    unnamed.append(index)
                    continue
                }
                var attribute = name
                if !seenAttributes.insert(attribute).inserted {
                    attribute = "\(name) (column \(index + 1))"
                    seenAttributes.insert(attribute)
                }
                attributeColumns.append((index, attribute, dateIndices.contains(index)))
            }
            if let id = fieldColumns.first(where: { $0.0 == .id }) { idColumn = id.2 }
            if let boss = fieldColumns.first(where: { $0.0 == .reportsTo }) { reportsToColumn = boss.2 }
            plan = Plan(
                headerLine: record.line, headerBytes: record.byteRange, columnCount: names.count,
                fieldColumns: fieldColumns, attributeColumns: attributeColumns, unnamed: unnamed,
                dropped: mapping.dropped, translated: Set(mapping.values.filter { !$0.value.isEmpty }.keys))
        }

        mutating func readRow(_ record: borrowing CSVRecord) {
            guard let plan else { return }
            rowCount += 1
            let line = record.line
            guard record.count == plan.columnCount else {
                reject(line: line, bytes: record.byteRange, id: nil, [
                    "the row has \(record.count) fields but the header (line \(plan.headerLine)) has \(plan.columnCount)"
                        + (record.count > plan.columnCount ? ": quote any field that holds the delimiter" : ""),
                ])
                return
            }
            var problems: [String] = []
            for column in plan.unnamed where !unnamedWithValues.contains(column) && !record.isEmpty(column) {
                unnamedWithValues.insert(column)
            }
            var post = Post(id: PostID(""), line: line)
            post.attributes.reserveCapacity(plan.attributeColumns.count)
            var tierText: String?
            var fteColumn = "fte"
            var vacancyText: (String, String)?
            for fieldColumn in plan.fieldColumns.indices {
                let (field, index) = (plan.fieldColumns[fieldColumn].field, plan.fieldColumns[fieldColumn].index)
                var column: String { plan.fieldColumns[fieldColumn].name }
                let translates = plan.translatesColumn[fieldColumn]
                // Money and FTE straight from the bytes when written plainly: no string.
                if field == .fte || field == .cost, encoding == .utf8, !translates,
                    let number = record.withTrimmedBytes(index, ExtractValues.quickNumber) ?? nil
                {
                    if field == .fte {
                        post.fte = number
                        fteColumn = column
                    } else {
                        post.cost = number
                    }
                    continue
                }
                var value = text(record, index)
                if translates { value = translated(value, for: field) }
                if value.isEmpty { continue }
                switch field {
                case .id: post.id = PostID(value)
                case .title: post.title = value
                case .tier: tierText = value
                case .reportsTo: post.reportsTo = PostID(value)
                case .holder:
                    if value.utf8.count < 64, vacantHolderLengths & (1 << UInt64(value.utf8.count)) != 0,
                        vacantHolderKeys.contains(value.lowercased())
                    {
                        vacancyText = ("true", column)
                    } else {
                        post.holder = value
                    }
                case .grade: post.grade = value
                case .fte:
                    fteColumn = column
                    switch ExtractValues.number(value, column: column) {
                    case .success(let fte): post.fte = fte
                    case .failure(let problem): problems.append(problem.message)
                    }
                case .cost:
                    switch ExtractValues.number(value, column: column) {
                    case .success(let cost): post.cost = cost
                    case .failure(let problem): problems.append(problem.message)
                    }
                case .count:
                    switch ExtractValues.integer(value, column: column) {
                    case .success(let count) where count >= 1: post.count = count
                    case .success(let count): problems.append("\(column) must be at least 1, not \(count)")
                    case .failure(let problem): problems.append(problem.message)
                    }
                case .vacant: vacancyText = (value, column)
                case .temporary:
                    switch ExtractValues.boolean(value, column: column) {
                    case .success(let flag): post.temporary = flag
                    case .failure(let problem): problems.append(problem.message)
                    }
                case .assistant:
                    switch ExtractValues.boolean(value, column: column) {
                    case .success(let flag): post.assistant = flag
                    case .failure(let problem): problems.append(problem.message)
                    }
                case .service: post.service = value
                case .dottedTo:
                    post.dottedTo = value.split(separator: ";").map { PostID(String($0).trimmingBlanks()) }.filter { !$0.rawValue.isEmpty }
                case .replaces: post.replaces = PostID(value)
                case .deviations, .attributes: break
                }
            }
            if post.id.rawValue.isEmpty { problems.append("\(idColumn) is empty") }
            if let boss = post.reportsTo, boss == post.id, !post.id.rawValue.isEmpty {
                problems.append("\(reportsToColumn) is the post itself (\(boss))")
            }
            if let tierText {
                let column = plan.column(of: .tier) ?? "tier"
                switch ExtractValues.integer(tierText, column: column) {
                case .success(let tier) where tier >= 1: post.tier = tier
                case .success(let tier): problems.append("\(column) must be 1 or more, not \(tier)")
                case .failure(let problem): problems.append(problem.message)
                }
            } else if !mapping.tiers.isEmpty, let grade = post.grade {
                if let tier = tier(for: grade) { post.tier = tier }
            }
            if let (text, column) = vacancyText {
                let lowered = text.lowercased()
                if ["true", "yes", "y"].contains(lowered) {
                    post.vacant = post.count
                } else if ["false", "no", "n"].contains(lowered) {
                    post.vacant = 0
                } else if let vacant = Int(lowered), vacant >= 0 {
                    if vacant > post.count {
                        problems.append("\(column) \(vacant) is more than the post's count \(post.count)")
                    } else {
                        post.vacant = vacant
                    }
                } else {
                    problems.append("\(column) must be a number of vacant posts or yes/no, not \(ValueParsing.quoted(text))")
                }
            }
            // Checked before any message is made: this runs for every row.
            if let cost = post.cost, cost > PostLimits.maximumCost,
                let problem = PostLimits.costProblem(cost, field: plan.column(of: .cost) ?? "cost")
            {
                problems.append(problem)
            }
            if post.count > PostLimits.maximumCount, let problem = PostLimits.countProblem(post.count, field: plan.column(of: .count) ?? "count") {
                problems.append(problem)
            }
            if let fte = post.fte, fte > Double(post.count) + 1e-9 {
                problems.append(
                    "\(fteColumn) \(NumberText.format(fte)) is more than the post's count \(post.count)"
                        + (plan.column(of: .count) == nil ? " (for a line of several posts, map its establishment column to count)" : ""))
            }
            for (index, name, isDate) in plan.attributeColumns {
                let value = text(record, index)
                if value.isEmpty { continue }
                if isDate {
                    switch ExtractValues.day(value, column: name) {
                    case .success(let day): post.attributes.append(Attribute(name: name, value: ExtractValues.iso(day)))
                    case .failure(let problem): problems.append(problem.message)
                    }
                } else {
                    post.attributes.append(Attribute(name: name, value: value))
                }
            }
            let id = post.id.rawValue.isEmpty ? nil : post.id
            if !problems.isEmpty {
                reject(line: line, bytes: record.byteRange, id: id, problems)
                return
            }
            // One hash for the common case, a new id: insert, and undo if it was there.
            if let first = positionByID.updateValue(posts.count, forKey: post.id) {
                positionByID[post.id] = first
                let firstLine = posts[first].line
                guard mapping.jobShares else {
                    reject(line: line, bytes: record.byteRange, id: nil, [
                        "\(idColumn) \(post.id) repeats line \(firstLine) (if repeated rows are job shares, set job_shares: true in the mapping)",
                    ])
                    return
                }
                guard posts[first].reportsTo == post.reportsTo else {
                    reject(line: line, bytes: record.byteRange, id: nil, [
                        "\(idColumn) \(post.id) repeats line \(firstLine) with a different \(reportsToColumn) (\(post.reportsTo?.rawValue ?? "none") against \(posts[first].reportsTo?.rawValue ?? "none"))",
                    ])
                    return
                }
                // A job share is one post: its rows must agree on what the post is.
                let first = first
                var differences: [String] = []
                func differs(_ field: PostField, _ a: String?, _ b: String?) {
                    guard a != b, let column = plan.column(of: field) else { return }
                    differences.append("\(column) (\(ValueParsing.quoted(b ?? "")) against \(ValueParsing.quoted(a ?? "")))")
                }
                differs(.title, posts[first].title, post.title)
                differs(.grade, posts[first].grade, post.grade)
                differs(.tier, posts[first].tier.map(String.init), post.tier.map(String.init))
                differs(.temporary, posts[first].temporary ? "yes" : "no", post.temporary ? "yes" : "no")
                differs(.service, posts[first].service, post.service)
                guard differences.isEmpty else {
                    spoiledShares[first] = line
                    reject(line: line, bytes: record.byteRange, id: nil, [
                        "\(idColumn) \(post.id) repeats line \(firstLine) as a job share, but with a different \(differences.joined(separator: ", ")): the rows of a job share describe one post",
                    ])
                    return
                }
                if let a = posts[first].cost, let b = post.cost, a + b > PostLimits.maximumCost,
                    let problem = PostLimits.costProblem(a + b, field: "the job share's summed \(plan.column(of: .cost) ?? "cost")")
                {
                    spoiledShares[first] = line
                    reject(line: line, bytes: record.byteRange, id: nil, [problem])
                    return
                }
                // The rows of a job share share one post: their FTE cannot add up to more.
                if let summed = JobShare.summedFTEProblem(posts[first], post) {
                    spoiledShares[first] = line
                    reject(line: line, bytes: record.byteRange, id: nil, [summed])
                    return
                }
                shared.insert(first)
                JobShare.merge(post, into: &posts[first], listed: &listedAttributes[first, default: []])
                sharedRows[first, default: []].append((line, record.byteRange))
                return
            }
            if !rejectedLineByID.isEmpty, let firstLine = rejectedLineByID[post.id] {
                positionByID[post.id] = nil
                reject(line: line, bytes: record.byteRange, id: nil, ["\(idColumn) \(post.id) repeats line \(firstLine), which is rejected"])
                return
            }
            // Swapped in rather than appended: an append copies the post (retaining each of
            // its strings and arrays) and then releases the local one.
            posts.append(Post(id: PostID("")))
            swap(&posts[posts.count - 1], &post)
            rowBytes.append(record.byteRange)
        }

        /// Appends the rows a later part of the file read, whose ids are not this part's.
        mutating func absorb(_ other: Run) -> Bool {
            // (`readInParts` has made sure no id of `other` is one of this part's.)
            // The later part keeps its own index: joining the two would re-hash every id.
            let offset = rowBytes.count
            laterParts.append((offset, other.positionByID))
            rejectedLineByID.merge(other.rejectedLineByID) { mine, _ in mine }
            rowBytes += other.rowBytes
            rejected += other.rejected
            rowCount += other.rowCount
            unnamedWithValues.formUnion(other.unnamedWithValues)
            for position in other.shared { shared.insert(position + offset) }
            for (position, line) in other.spoiledShares { spoiledShares[position + offset] = line }
            for (position, rows) in other.sharedRows { sharedRows[position + offset] = rows }
            for (position, names) in other.listedAttributes { listedAttributes[position + offset] = names }
            gradesWithoutTier.merge(other.gradesWithoutTier, uniquingKeysWith: +)
            for entry in other.tierByGrade {
                if let index = tierByGrade.firstIndex(where: { $0.grade == entry.grade }) {
                    tierByGrade[index].posts += entry.posts
                } else {
                    tierByGrade.append(entry)
                }
            }
            return true
        }

        mutating func reject(line: Int, bytes: Range<Int>, id: PostID?, _ reasons: [String], follows: Bool = false) {
            if let id, positionByID[id] == nil, rejectedLineByID[id] == nil { rejectedLineByID[id] = line }
            rejected.append(RejectedRow(file: file, line: line, reasons: reasons, followsFromAnother: follows, bytes: bytes))
        }

        /// Rejects rows whose manager is in no row, then every row below a rejected row.
        mutating func rejectUnknownManagers(minimumConcurrentPosts: Int) {
            for position in shared { JobShare.tidy(&posts[position]) }
            let (file, rowBytes, idColumn, reportsToColumn) = (file, rowBytes, idColumn, reportsToColumn)
            let pruner = ReportingLinePruner(
                unknownManager: { _, boss in
                    "\(reportsToColumn) \(ValueParsing.quoted(boss.rawValue)) is not a\(Self.startsWithVowel(idColumn) ? "n" : "") \(idColumn) in the extract"
                },
                row: { (file, rowBytes[$0]) })
            let run = self
            removed = pruner.prune(
                posts, position: { run.position(of: $0) }, rejectedLineByID: rejectedLineByID,
                alsoRemove: spoiledShares.mapValues { "a job share whose row at line \($0) is rejected: the post is left out whole" },
                into: &rejected, minimumConcurrentPosts: minimumConcurrentPosts)
            // A job share left out takes all its rows with it.
            for (position, rows) in sharedRows where removed[position] {
                for row in rows {
                    rejected.append(RejectedRow(
                        file: file, line: row.line,
                        reasons: ["a job share of \(posts[position].id) (line \(posts[position].line)), which is left out"],
                        followsFromAnother: true, bytes: row.bytes))
                }
            }
        }

        /// Whether "an" goes before `word` rather than "a" (an ID, an Employee Number).
        static func startsWithVowel(_ word: String) -> Bool {
            guard let first = word.first else { return false }
            return "AEIOUaeiou".contains(first) || (word.count >= 2 && word.prefix(2).allSatisfy(\.isUppercase) && "FHLMNRSX".contains(first))
        }

        func notes(plan: Plan) -> [String] {
            var notes: [String] = []
            func kept(_ position: Int) -> Bool { !(position < removed.count && removed[position]) }
            // Counted over the posts written, not the rows read: a rejected row or a job
            // share's second row is no post of the structure.
            let lacking = Set(tierByGrade.filter { $0.tier == nil }.map(\.grade)).union(self.gradesWithoutTier.keys)
            var gradesWithoutTier: [String: Int] = [:]
            if !lacking.isEmpty {
                // Read in place: copying a million posts would retain and release their strings.
                posts.withUnsafeBufferPointer { posts in
                    for position in posts.indices where posts[position].tier == nil && kept(position) {
                        if let grade = posts[position].grade, lacking.contains(grade) { gradesWithoutTier[grade, default: 0] += 1 }
                    }
                }
            }
            if !gradesWithoutTier.isEmpty {
                let total = gradesWithoutTier.values.reduce(0, +)
                let grades = gradesWithoutTier.keys.sorted()
                let shown = grades.prefix(6).joined(separator: ", ") + (grades.count > 6 ? ", …" : "")
                notes.append("\(total) post\(total == 1 ? " has a grade" : "s have grades") the tiers table does not list (\(shown)): no tier, as front-line posts")
            }
            // A tiers table entry no row's grade matched is most likely a typo.
            if !mapping.tiers.isEmpty, plan.column(of: .grade) != nil {
                let met = Set(tierByGrade.map { GradeTierTable.key($0.grade) }).union(self.gradesWithoutTier.keys.map(GradeTierTable.key))
                let unused = mapping.tiers.entries.map(\.grade).filter { !met.contains(GradeTierTable.key($0)) }
                if !unused.isEmpty, tierByGrade.count < 256 {
                    let grades = tierByGrade.map(\.grade)
                    let described = unused.prefix(6).map { grade in
                        closest(to: grade, among: grades, maximumDistance: 2).map { "\(grade) (did you mean \($0)?)" } ?? grade
                    }
                    notes.append(
                        "the tiers table lists \(unused.count == 1 ? "a grade" : "grades") no row has: \(described.joined(separator: ", "))\(unused.count > 6 ? ", …" : "")")
                }
            }
            let unnamed = plan.unnamed.filter { unnamedWithValues.contains($0) }
            if !unnamed.isEmpty {
                notes.append("column\(unnamed.count == 1 ? "" : "s") \(unnamed.map { String($0 + 1) }.joined(separator: ", ")) of \(file) \(unnamed.count == 1 ? "has" : "have") no name in the header: left out")
            }
            if !plan.dropped.isEmpty {
                notes.append("dropped as the mapping says: \(plan.dropped.joined(separator: ", "))")
            }
            let keptShares = shared.filter(kept)
            if !keptShares.isEmpty {
                let ids = keptShares.sorted().map { posts[$0].id.rawValue }
                notes.append("\(ids.count) job share\(ids.count == 1 ? "" : "s") (one post each, FTE and cost summed, holders listed): \(ids.prefix(6).joined(separator: ", "))\(ids.count > 6 ? ", …" : "")")
            }
            return notes
        }

        func result(input: [UInt8], headerBytes: Range<Int>, notes: [String]) -> ImportResult {
            var structure = mapping.structure
            structure.posts = []
            structure.source = file
            if rejected.isEmpty {
                structure.posts = posts
            } else {
                structure.posts.reserveCapacity(posts.count)
                for position in posts.indices where !removed[position] { structure.posts.append(posts[position]) }
            }
            let sorted = rejected.sorted { $0.line < $1.line }
            let rejectFiles = sorted.isEmpty ? [] : [RejectFile.make(source: file, input: input, header: headerBytes, rows: sorted.map(\.bytes))]
            return ImportResult(structure: structure, rejected: sorted, rejectFiles: rejectFiles, notes: notes)
        }
    }
}
