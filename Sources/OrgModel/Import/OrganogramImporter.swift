import Foundation

/// Reads a published UK government organogram (senior and junior CSV files) as a
/// structure.
///
/// Senior rows become posts: `Reports to Senior Post` `XX` marks the top; Name `N/D` (or `ND`)
/// gives a post with no holder, `Vacant` a vacant post, and `Eliminated` a post left out
/// (posts and junior lines under it move up to its manager, with a note); a repeated Post
/// Unique Reference is a job share (see `JobShare`). Junior rows become establishment
/// lines under their Reporting Senior Post: `Number of Posts in FTE` is the line's FTE and
/// its count is that FTE rounded up (a line of 2.5 FTE is three part-time posts). Grade,
/// title and Unit (as `service`) are fields; pay, profession and the other published
/// columns are kept as attributes under their published names, as are extra columns.
/// Tiers come from the grade through a `GradeTierTable` (the Senior Civil Service bands
/// by default); a grade it does not list leaves the post without a tier, with a note.
///
/// What real publications need decided, each decision said in a note: a post that reports
/// to itself is a top post; several top posts are kept under one root post added and
/// titled after the organisation; a placeholder reference (`0`,
/// `Awaiting_Recruitment_Action`, rows all "Not in post") shared by several rows makes each
/// row its own post; rows of one reference that disagree on grade or title are not merged
/// (the later row is rejected); junior rows repeated exactly are noted; `effective` comes
/// from a date in the senior file's name unless given.
public struct OrganogramImporter: Sendable {
    public var tiers: GradeTierTable
    /// The files' encoding; nil detects each (UTF-8, else Windows-1252).
    public var encoding: TextEncoding?
    /// The snapshot's date; nil takes a date in the senior file's name (`…-2011-09-30-senior.csv`).
    public var effective: Day?
    /// Whether to estimate each post's cost from the published pay figures.
    public var costEstimate: CostEstimate?
    /// How a Reports to Senior Post must agree with a Post Unique Reference to name it.
    public var matching: IDMatching

    /// How a cost is estimated from a published organogram.
    public enum CostEstimate: String, Sendable, CaseIterable {
        /// A senior row: the midpoint of its Actual Pay Floor and Ceiling. A junior line: the
        /// midpoint of its Payscale Minimum and Maximum, times its FTE.
        case payBandMidpoint = "pay-band-midpoint"
    }

    public init(
        tiers: GradeTierTable = .seniorCivilService, encoding: TextEncoding? = nil, effective: Day? = nil,
        costEstimate: CostEstimate? = nil, matching: IDMatching = .exact
    ) {
        self.tiers = tiers
        self.encoding = encoding
        self.effective = effective
        self.costEstimate = costEstimate
        self.matching = matching
    }

    /// The first `YYYY-MM-DD` in a file's name, as organogram publications name their files.
    public static func day(inFileName path: String) -> Day? {
        let name = Array((path as NSString).lastPathComponent.utf8)
        guard name.count >= 10 else { return nil }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        for start in 0...(name.count - 10) {
            let slice = name[start..<(start + 10)]
            let shape = slice.enumerated().allSatisfy { offset, byte in
                offset == 4 || offset == 7 ? byte == 45 : isDigit(byte)
            }
            let before = start == 0 || !isDigit(name[start - 1])
            let after = start + 10 == name.count || !isDigit(name[start + 10])
            if shape, before, after, let day = Day(iso8601: String(decoding: slice, as: UTF8.self)) { return day }
        }
        return nil
    }

    /// Imports the senior file at `senior` and, when given, the junior file at `junior`.
    public func load(senior: String, junior: String?) throws(LoadError) -> ImportResult {
        let seniorBytes = try ExtractInput.read(senior)
        let juniorBytes: [UInt8]? = if let junior { try ExtractInput.read(junior) } else { nil }
        return try importFiles(senior: seniorBytes, seniorFile: senior, junior: juniorBytes, juniorFile: junior)
    }

    /// Imports from the files' bytes; the file names are for messages.
    public func importFiles(senior: [UInt8], seniorFile: String, junior: [UInt8]?, juniorFile: String?) throws(LoadError) -> ImportResult {
        let seniorTable = try DelimitedTable.read(senior, file: seniorFile, encoding: encoding)
        let juniorTable: DelimitedTable? =
            if let junior, let juniorFile { try DelimitedTable.read(junior, file: juniorFile, encoding: encoding) } else { nil }
        var run = Run(tiers: tiers)
        run.costEstimate = costEstimate
        run.matching = matching
        try run.readSenior(seniorTable)
        if let juniorTable { try run.readJunior(juniorTable, seniorFile: seniorFile) }
        var result = run.finish(senior: (seniorTable, senior), junior: juniorTable.flatMap { table in junior.map { (table, $0) } })
        if let effective {
            result.structure.effective = effective
        } else if let day = Self.day(inFileName: seniorFile) {
            result.structure.effective = day
            result.notes.append("effective \(day) from the file name \((seniorFile as NSString).lastPathComponent) (give --effective to set another)")
        }
        return result
    }
}

extension OrganogramImporter {
    /// Which column of a file holds what: published names for the known columns.
    struct Columns {
        var index: [String: Int] = [:]
        /// Columns kept as attributes, in file order: index and attribute name.
        var attributes: [(index: Int, name: String)] = []
        var unnamed: [Int] = []

        init(header: [String], known: [String], fields: Set<String>) {
            for (position, name) in header.enumerated() {
                if name.isEmpty {
                    unnamed.append(position)
                    continue
                }
                if let canonical = OrganogramFormat.canonical(name, among: known), index[canonical] == nil {
                    index[canonical] = position
                    if !fields.contains(canonical) { attributes.append((position, canonical)) }
                } else {
                    let taken = attributes.contains { $0.name == name } || index[name] != nil
                    attributes.append((position, taken ? "\(name) (column \(position + 1))" : name))
                }
            }
        }

        func value(_ column: String, in row: DelimitedTable.Row) -> String {
            guard let position = index[column], position < row.fields.count else { return "" }
            return row.fields[position]
        }
    }

    /// "N/D", "ND", "n.d." or "Not disclosed": what published files write for a value withheld.
    static func meansNotDisclosed(_ text: String) -> Bool {
        ["n/d", "nd", "n.d.", "not disclosed"].contains(text.trimmingBlanks().lowercased())
    }

    /// A Name as a word to act on: blanks and stray quotes around it gone (`'Vacant'`,
    /// `Vacant'` and `"Vacant"` are vacant), lower case.
    static func nameWord(_ name: String) -> String {
        name.trimmingCharacters(in: CharacterSet(charactersIn: "'\"‘’“” \t")).lowercased()
    }

    /// A reference that stands for no post of its own: zeros, or words such as
    /// `Awaiting_Recruitment_Action`, `Vacant`, `TBC`, `N/A` in place of a reference.
    static func isPlaceholderReference(_ reference: String) -> Bool {
        let text = reference.trimmingBlanks().lowercased()
        if !text.isEmpty, text.allSatisfy({ $0 == "0" }) { return true }
        if ["-", "n/a", "na", "tbc", "tba", "none", "nil", "unknown", "n/d", "nd"].contains(text) { return true }
        let words = text.replacingOccurrences(of: "_", with: " ")
        return ["awaiting", "recruit", "vacan", "not in post"].contains { words.contains($0) }
    }

    /// The attribute that marks the root post an import adds over several top posts.
    public static let addedRootAttribute = "Added by import"

    struct Run {
        let tiers: GradeTierTable
        var posts: [Post] = []
        /// Which file each post came from (0 senior, 1 junior) and its bytes there.
        var origin: [(file: Int, bytes: Range<Int>)] = []
        var files: [String] = []
        var positionByID: [PostID: Int] = [:]
        var rejectedLineByID: [PostID: Int] = [:]
        var rejected: [RejectedRow] = []
        var shared: Set<Int> = []
        /// The later rows of each job share: their line and bytes.
        var sharedRows: [Int: [(line: Int, bytes: Range<Int>)]] = [:]
        var listedAttributes: [Int: Set<String>] = [:]
        /// Eliminated posts: their manager (nil for the top) and line.
        var eliminated: [PostID: (reportsTo: PostID?, line: Int)] = [:]
        var eliminatedOrder: [PostID] = []
        var movedUp: [PostID: (posts: Int, lines: Int)] = [:]
        var gradesWithoutTier: [String: Int] = [:]
        var unnamedNotes: [String] = []
        var juniorCount: [PostID: Int] = [:]
        var fractionalLines = 0
        var costEstimate: CostEstimate?
        var matching: IDMatching = .exact
        /// Top posts as the file gives them: reporting to XX, or to themselves, with line.
        var topsByMarker: [(id: PostID, line: Int)] = []
        var selfReporting: [(id: PostID, line: Int)] = []
        /// Placeholder references shared by several rows: the ids their rows were given.
        var placeholderPosts: [String: [PostID]] = [:]
        var placeholderOrder: [String] = []
        /// Junior rows that repeat an earlier row exactly: how many, their FTE, first line.
        var repeatedJunior = (rows: 0, fte: 0.0, firstLine: 0)

        init(tiers: GradeTierTable) { self.tiers = tiers }

        /// The midpoint of two published pay figures, when both are numbers and not both zero.
        static func midpoint(_ low: String, _ high: String) -> Double? {
            guard case .success(let a) = ExtractValues.number(low, column: ""), case .success(let b) = ExtractValues.number(high, column: ""),
                a >= 0, b >= a, b > 0
            else { return nil }
            return (a + b) / 2
        }

        /// Columns the organogram writer fills with "N/D" when a post has nothing for them.
        static let notDisclosedByDefault: Set<String> = [
            OrganogramFormat.contactPhone, OrganogramFormat.contactEmail, OrganogramFormat.salaryCostOfReports,
            OrganogramFormat.payFloor, OrganogramFormat.payCeiling, OrganogramFormat.payscaleMinimum,
            OrganogramFormat.payscaleMaximum,
        ]

        mutating func readSenior(_ table: DelimitedTable) throws(LoadError) {
            files.append(table.file)
            let F = OrganogramFormat.self
            let fields: Set<String> = [F.postUniqueReference, F.name, F.grade, F.jobTitle, F.unit, F.reportsTo, F.fte]
            let columns = Columns(header: table.header, known: F.seniorColumns, fields: fields)
            let required = [F.postUniqueReference, F.name, F.grade, F.jobTitle, F.reportsTo]
            let missing = required.filter { columns.index[$0] == nil }
            if !missing.isEmpty {
                let looksJunior = table.header.contains { OrganogramFormat.key($0) == OrganogramFormat.key(F.reportingSeniorPost) }
                throw LoadError(
                    file: table.file, line: table.headerLine,
                    message: "the header has no \(missing.map { ValueParsing.quoted($0) }.joined(separator: ", ")) column\(missing.count == 1 ? "" : "s"): not an organogram senior file",
                    hint: looksJunior ? "this looks like the junior file: give the senior file first, then the junior" : "the senior file's columns are \(F.seniorColumns.filter { !$0.isEmpty }.joined(separator: ", "))")
            }
            if let note = unnamedNote(columns.unnamed, table) { unnamedNotes.append(note) }
            // References that several rows share without being one post: placeholders, or
            // rows that all say "Not in post".
            var rowsByReference: [String: [DelimitedTable.Row]] = [:]
            for row in table.rows where row.fields.count == table.header.count {
                rowsByReference[columns.value(F.postUniqueReference, in: row), default: []].append(row)
            }
            var placeholders: Set<String> = []
            for (reference, rows) in rowsByReference where rows.count > 1 && !reference.isEmpty {
                let notInPost = rows.allSatisfy { OrganogramImporter.nameWord(columns.value(F.name, in: $0)) == "not in post" }
                if OrganogramImporter.isPlaceholderReference(reference) || notInPost { placeholders.insert(reference) }
            }
            for row in table.rows {
                var problems: [String] = []
                guard row.fields.count == table.header.count else {
                    reject(table, row, id: nil, ["the row has \(row.fields.count) fields but the header (line \(table.headerLine)) has \(table.header.count)"])
                    continue
                }
                let reference = columns.value(F.postUniqueReference, in: row)
                let name = columns.value(F.name, in: row)
                let bossText = columns.value(F.reportsTo, in: row)
                if reference.isEmpty { problems.append("Post Unique Reference is empty") }
                var boss: PostID?
                if bossText.isEmpty {
                    problems.append("Reports to Senior Post is empty (the top post reports to XX)")
                } else if bossText.uppercased() != F.topMarker, bossText != reference {
                    boss = PostID(bossText)
                    if placeholders.contains(bossText) {
                        let lines = (rowsByReference[bossText] ?? []).map { String($0.line) }
                        problems.append("Reports to Senior Post \(ValueParsing.quoted(bossText)) is a placeholder that rows \(lines.prefix(6).joined(separator: ", "))\(lines.count > 6 ? ", …" : "") share: it names no one post; give the manager's own reference")
                    }
                }
                var fte: Double?
                let fteText = columns.value(F.fte, in: row)
                if !fteText.isEmpty, fteText.uppercased() != F.notDisclosed {
                    switch ExtractValues.number(fteText, column: "FTE") {
                    case .success(let value): fte = value
                    case .failure(let problem): problems.append(problem.message)
                    }
                }
                var id = PostID(reference)
                if placeholders.contains(reference) { id = PostID("\(reference)-line\(row.line)") }
                if let fte, fte > 1 + 1e-9 { problems.append("FTE \(NumberText.format(fte)) is more than one post (a job share is a row per holder)") }
                if !problems.isEmpty {
                    reject(table, row, id: reference.isEmpty ? nil : id, problems)
                    continue
                }
                let lowered = OrganogramImporter.nameWord(name)
                if lowered == "eliminated" {
                    if eliminated[id] == nil { eliminatedOrder.append(id) }
                    eliminated[id] = (boss, row.line)
                    continue
                }
                var post = Post(id: id, title: columns.value(F.jobTitle, in: row), reportsTo: boss, fte: fte, line: row.line)
                let grade = columns.value(F.grade, in: row)
                // "N/D" is what the format writes for a grade not known: no grade.
                if !grade.isEmpty, !OrganogramImporter.meansNotDisclosed(grade) {
                    post.grade = grade
                    if let tier = tiers.tier(for: grade) { post.tier = tier } else { gradesWithoutTier[grade, default: 0] += 1 }
                }
                let unit = columns.value(F.unit, in: row)
                if !unit.isEmpty { post.service = unit }
                switch lowered {
                case _ where OrganogramImporter.meansNotDisclosed(name), "": break
                case "vacant", "vacancy": post.vacant = 1
                default: post.holder = name
                }
                if boss == nil {
                    if bossText == reference { selfReporting.append((id, row.line)) } else { topsByMarker.append((id, row.line)) }
                }
                if placeholders.contains(reference) {
                    if placeholderPosts[reference] == nil { placeholderOrder.append(reference) }
                    placeholderPosts[reference, default: []].append(id)
                }
                if costEstimate == .payBandMidpoint {
                    post.cost = Self.midpoint(columns.value(F.payFloor, in: row), columns.value(F.payCeiling, in: row))
                }
                for (position, attribute) in columns.attributes where !row.fields[position].isEmpty {
                    // "N/D" where the writer writes "N/D" for nothing: nothing to keep.
                    if row.fields[position] == F.notDisclosed, Self.notDisclosedByDefault.contains(attribute) { continue }
                    post.attributes.append(Attribute(name: attribute, value: row.fields[position]))
                }
                add(post, bytes: row.bytes, file: 0, table: table, row: row)
            }
        }

        mutating func readJunior(_ table: DelimitedTable, seniorFile: String) throws(LoadError) {
            files.append(table.file)
            let F = OrganogramFormat.self
            let fields: Set<String> = [F.reportingSeniorPost, F.juniorGrade, F.genericJobTitle, F.numberOfPosts, F.unit]
            let columns = Columns(header: table.header, known: F.juniorColumns, fields: fields)
            let required = [F.reportingSeniorPost, F.juniorGrade, F.genericJobTitle, F.numberOfPosts]
            let missing = required.filter { columns.index[$0] == nil }
            if !missing.isEmpty {
                let looksSenior = table.header.contains { OrganogramFormat.key($0) == OrganogramFormat.key(F.postUniqueReference) }
                throw LoadError(
                    file: table.file, line: table.headerLine,
                    message: "the header has no \(missing.map { ValueParsing.quoted($0) }.joined(separator: ", ")) column\(missing.count == 1 ? "" : "s"): not an organogram junior file",
                    hint: looksSenior ? "this looks like a senior file: give the senior file first, then the junior" : "the junior file's columns are \(F.juniorColumns.joined(separator: ", "))")
            }
            if let note = unnamedNote(columns.unnamed, table) { unnamedNotes.append(note) }
            var seenRows: Set<[String]> = []
            for row in table.rows {
                guard row.fields.count == table.header.count else {
                    reject(table, row, id: nil, ["the row has \(row.fields.count) fields but the header (line \(table.headerLine)) has \(table.header.count)"])
                    continue
                }
                var problems: [String] = []
                let bossText = columns.value(F.reportingSeniorPost, in: row)
                if bossText.isEmpty { problems.append("Reporting Senior Post is empty") }
                if let shared = placeholderPosts[bossText] {
                    problems.append("Reporting Senior Post \(ValueParsing.quoted(bossText)) is a placeholder that \(shared.count) senior rows share: it names no one post; give the manager's own reference")
                }
                let fteText = columns.value(F.numberOfPosts, in: row)
                var fte = 0.0
                if fteText.isEmpty {
                    problems.append("Number of Posts in FTE is empty")
                } else {
                    switch ExtractValues.number(fteText, column: "Number of Posts in FTE") {
                    case .success(let value): fte = value
                    case .failure(let problem): problems.append(problem.message)
                    }
                }
                if fte > Double(PostLimits.maximumCount) {
                    problems.append(
                        "Number of Posts in FTE \(NumberText.format(fte)) is more than \(Figures.grouped(PostLimits.maximumCount)), the most posts one line may stand for")
                }
                if !problems.isEmpty {
                    reject(table, row, id: nil, problems)
                    continue
                }
                let boss = PostID(bossText)
                let number = juniorCount[boss, default: 0] + 1
                juniorCount[boss] = number
                var id = PostID("\(bossText)-J\(number)")
                var bump = 1
                while positionByID[id] != nil || rejectedLineByID[id] != nil {
                    bump += 1
                    id = PostID("\(bossText)-J\(number)-\(bump)")
                }
                let count = max(1, Int((fte - 1e-9).rounded(.up)))
                if fte != fte.rounded() { fractionalLines += 1 }
                // Published files sometimes repeat a junior row whole: each is kept as a line
                // (the file says so many people), but the count is worth a word.
                if !seenRows.insert(row.fields).inserted {
                    if repeatedJunior.rows == 0 { repeatedJunior.firstLine = row.line }
                    repeatedJunior.rows += 1
                    repeatedJunior.fte += fte
                }
                var post = Post(id: id, title: columns.value(F.genericJobTitle, in: row), reportsTo: boss, fte: fte, count: count, line: row.line)
                let grade = columns.value(F.juniorGrade, in: row)
                if !grade.isEmpty, !OrganogramImporter.meansNotDisclosed(grade) { post.grade = grade }
                let unit = columns.value(F.unit, in: row)
                if !unit.isEmpty { post.service = unit }
                if costEstimate == .payBandMidpoint,
                    let midpoint = Self.midpoint(columns.value(F.payscaleMinimum, in: row), columns.value(F.payscaleMaximum, in: row))
                {
                    post.cost = (midpoint * fte).rounded()
                }
                for (position, attribute) in columns.attributes where !row.fields[position].isEmpty {
                    if row.fields[position] == F.notDisclosed, Self.notDisclosedByDefault.contains(attribute) { continue }
                    post.attributes.append(Attribute(name: attribute, value: row.fields[position]))
                }
                add(post, bytes: row.bytes, file: 1, table: table, row: row)
            }
        }

        private mutating func add(_ post: Post, bytes: Range<Int>, file: Int, table: DelimitedTable, row: DelimitedTable.Row) {
            if let first = positionByID[post.id] {
                guard posts[first].reportsTo == post.reportsTo else {
                    reject(table, row, id: nil, [
                        "Post Unique Reference \(post.id) repeats line \(posts[first].line) with a different Reports to Senior Post (\(post.reportsTo?.rawValue ?? "XX") against \(posts[first].reportsTo?.rawValue ?? "XX"))",
                    ])
                    return
                }
                // Rows of one reference that disagree on what the post is are not one post.
                var differences: [String] = []
                if posts[first].grade != post.grade {
                    differences.append("Grade (\(ValueParsing.quoted(post.grade ?? "")) against \(ValueParsing.quoted(posts[first].grade ?? "")))")
                }
                if posts[first].title != post.title {
                    differences.append("Job Title (\(ValueParsing.quoted(post.title)) against \(ValueParsing.quoted(posts[first].title)))")
                }
                if !differences.isEmpty {
                    reject(table, row, id: nil, [
                        "Post Unique Reference \(post.id) repeats line \(posts[first].line) as a job share, but with a different \(differences.joined(separator: " and ")): the rows of a job share describe one post; give this row its own reference",
                    ])
                    return
                }
                // The rows of a job share share one post: their FTE cannot add up to more.
                if let summed = JobShare.summedFTEProblem(posts[first], post) {
                    reject(table, row, id: nil, [summed])
                    return
                }
                shared.insert(first)
                JobShare.merge(post, into: &posts[first], listed: &listedAttributes[first, default: []])
                sharedRows[first, default: []].append((row.line, row.bytes))
                return
            }
            if let line = rejectedLineByID[post.id] {
                reject(table, row, id: nil, ["Post Unique Reference \(post.id) repeats line \(line), which is rejected"])
                return
            }
            positionByID[post.id] = posts.count
            posts.append(post)
            origin.append((file, bytes))
        }

        private mutating func reject(_ table: DelimitedTable, _ row: DelimitedTable.Row, id: PostID?, _ reasons: [String]) {
            if let id, positionByID[id] == nil, rejectedLineByID[id] == nil { rejectedLineByID[id] = row.line }
            rejected.append(RejectedRow(file: table.file, line: row.line, reasons: reasons, bytes: row.bytes))
        }

        /// A note for the unnamed columns that hold anything (the published format has an
        /// empty one of its own, which is not worth a word).
        private func unnamedNote(_ columns: [Int], _ table: DelimitedTable) -> String? {
            let positions = columns.filter { column in table.rows.contains { column < $0.fields.count && !$0.fields[column].isEmpty } }
            guard !positions.isEmpty else { return nil }
            let list = positions.map { String($0 + 1) }.joined(separator: ", ")
            return "column\(positions.count == 1 ? "" : "s") \(list) of \(table.file) \(positions.count == 1 ? "has" : "have") no name in the header: left out"
        }

        /// `A, B and C`, or the first five and a count.
        static func list(_ items: [String]) -> String {
            if items.count > 6 { return items.prefix(5).joined(separator: ", ") + " and \(items.count - 5) more" }
            guard items.count > 1, let last = items.last else { return items.first ?? "" }
            return items.dropLast().joined(separator: ", ") + " and " + last
        }

        /// Moves posts under an eliminated post up to the first manager not eliminated.
        private mutating func moveUpFromEliminated() {
            guard !eliminated.isEmpty else { return }
            for position in posts.indices {
                guard let boss = posts[position].reportsTo, eliminated[boss] != nil else { continue }
                var target: PostID? = boss
                var steps = 0
                while let current = target, let gone = eliminated[current], steps <= eliminated.count {
                    target = gone.reportsTo
                    steps += 1
                }
                posts[position].reportsTo = target
                var moved = movedUp[boss, default: (0, 0)]
                if origin[position].file == 0 { moved.posts += 1 } else { moved.lines += 1 }
                movedUp[boss] = moved
            }
        }

        /// Keeps Organisation and Parent Department only where they change down the tree:
        /// a published file repeats them on every row, and a post without them inherits
        /// its manager's (at the top, the structure's organisation, as the writer reads them).
        private func inheritedAttributesRemoved(_ structure: Structure) -> Structure {
            var result = structure
            let index = StructureIndex(structure)
            for name in [OrganogramFormat.organisation, OrganogramFormat.parentDepartment] {
                var effective = [String?](repeating: nil, count: structure.posts.count)
                for position in index.topDownOrder {
                    let own = structure.posts[position].attributes.first { $0.name == name }?.value
                    let inherited: String? =
                        if let manager = index.manager[position] { effective[manager] } else { structure.organisation }
                    effective[position] = own ?? inherited
                    if let own, own == inherited { result.posts[position].attributes.removeAll { $0.name == name } }
                }
            }
            return result
        }

        mutating func finish(senior: (DelimitedTable, [UInt8]), junior: (DelimitedTable, [UInt8])?) -> ImportResult {
            for position in shared { JobShare.tidy(&posts[position]) }
            // An Eliminated row whose reference another row holds as a live post: the live
            // post stays, and nothing under it moves.
            var heldDespiteEliminated: [(id: PostID, line: Int)] = []
            for id in eliminatedOrder {
                guard let gone = eliminated[id], positionByID[id] != nil else { continue }
                heldDespiteEliminated.append((id, gone.line))
                eliminated[id] = nil
            }
            eliminatedOrder.removeAll { eliminated[$0] == nil }
            // A manager's reference in another form than its post's: matched under
            // --match-ids case or loose, else left to the pruner with a hint.
            let seniorIDs = posts.indices.filter { self.origin[$0].file == 0 }.map { posts[$0].id } + eliminatedOrder
            let matcher = IDMatcher(seniorIDs, matching: matching)
            var matchedInAnotherForm = (posts: 0, lines: 0, examples: [String]())
            if matching != .exact {
                for position in posts.indices {
                    guard let boss = posts[position].reportsTo, positionByID[boss] == nil, eliminated[boss] == nil,
                        rejectedLineByID[boss] == nil
                    else { continue }
                    let found = matcher.candidates(for: boss)
                    guard found.count == 1, let only = found.first else { continue }
                    posts[position].reportsTo = only
                    if self.origin[position].file == 0 { matchedInAnotherForm.posts += 1 } else { matchedInAnotherForm.lines += 1 }
                    let example = "\(boss) as \(only)"
                    if !matchedInAnotherForm.examples.contains(example) {
                        matchedInAnotherForm.examples.append(example)
                    }
                }
            }
            moveUpFromEliminated()
            let (files, origin) = (files, origin)
            let looseMatcher = IDMatcher(seniorIDs, matching: .loose)
            let caseMatcher = IDMatcher(seniorIDs, matching: .case)
            let matching = matching
            let pruner = ReportingLinePruner(
                unknownManager: { position, boss in
                    let column = origin[position].file == 0 ? "Reports to Senior Post" : "Reporting Senior Post"
                    var text = "\(column) \(ValueParsing.quoted(boss.rawValue)) is not a Post Unique Reference in \(files[0])"
                    let found = matching == .exact ? looseMatcher.candidates(for: boss) : matcher.candidates(for: boss)
                    if found.count > 1 {
                        text += "; it matches \(found.map(\.rawValue).joined(separator: " and ")), which differ only in form: give the reference exactly"
                    } else if let only = found.first {
                        let option = caseMatcher.candidates(for: boss).isEmpty ? "loose" : "case"
                        text += "; \(only) differs from it only in \(option == "case" ? "case" : "form (case, blanks or leading zeros)"): give --match-ids \(option) to read them as one"
                    }
                    return text
                },
                row: { (files[origin[$0].file], origin[$0].bytes) })
            let positionByID = positionByID
            let removed = pruner.prune(posts, position: { positionByID[$0] }, rejectedLineByID: rejectedLineByID, into: &rejected)
            for (position, rows) in sharedRows where removed[position] {
                for row in rows {
                    rejected.append(RejectedRow(
                        file: files[origin[position].file], line: row.line,
                        reasons: ["a job share of \(posts[position].id) (line \(posts[position].line)), which is left out"],
                        followsFromAnother: true, bytes: row.bytes))
                }
            }

            var structure = Structure(state: .current)
            structure.source = files[0]
            structure.posts.reserveCapacity(posts.count)
            for position in posts.indices where !removed[position] { structure.posts.append(posts[position]) }
            if let top = structure.posts.first(where: { $0.reportsTo == nil }),
                let organisation = top.attributes.first(where: { $0.name == OrganogramFormat.organisation })?.value
            {
                structure.organisation = organisation
                structure.name = "\(organisation) organogram"
            }
            structure.description = "Imported from the published organogram \(files.joined(separator: " and "))"
            var notes: [String] = []
            let tops = structure.posts.filter { $0.reportsTo == nil }.map(\.id)
            let selfIDs = Set(selfReporting.map(\.id))
            func described(_ ids: [PostID]) -> String {
                let marker = ids.filter { !selfIDs.contains($0) }.map(\.rawValue)
                let own = ids.filter { selfIDs.contains($0) }.map(\.rawValue)
                var parts: [String] = []
                if !marker.isEmpty { parts.append("\(Self.list(marker)) report\(marker.count == 1 ? "s" : "") to XX") }
                if !own.isEmpty { parts.append("\(Self.list(own)) report\(own.count == 1 ? "s" : "") to \(own.count == 1 ? "itself" : "themselves")") }
                return parts.joined(separator: "; ")
            }
            if tops.count > 1 {
                // One structure has one top: the tops hang under a post that stands for the
                // organisation, added and said so, rather than the file refused.
                var rootID = PostID("ROOT")
                var suffix = 1
                while structure.posts.contains(where: { $0.id == rootID }) {
                    suffix += 1
                    rootID = PostID("ROOT-\(suffix)")
                }
                let title = structure.organisation ?? "Organisation"
                for position in structure.posts.indices where structure.posts[position].reportsTo == nil {
                    structure.posts[position].reportsTo = rootID
                }
                var root = Post(id: rootID, title: title)
                root.attributes = [Attribute(name: OrganogramImporter.addedRootAttribute, value: "the file has \(tops.count) top posts")]
                structure.posts.insert(root, at: 0)
                notes.append("\(tops.count) top posts (\(described(tops))): kept under one added root post \(rootID), \(ValueParsing.quoted(title)), which counts as a post and a layer")
            } else if let top = tops.first, selfIDs.contains(top), let line = selfReporting.first(where: { $0.id == top })?.line {
                notes.append("\(top) (\(files[0]):\(line)) reports to itself: taken as the top post")
            }
            structure = inheritedAttributesRemoved(structure)

            for id in eliminatedOrder {
                guard let gone = eliminated[id] else { continue }
                var text = "\(id) (\(files[0]):\(gone.line)) is Eliminated: left out"
                if let moved = movedUp[id] {
                    var parts: [String] = []
                    if moved.posts > 0 { parts.append("\(moved.posts) post\(moved.posts == 1 ? "" : "s")") }
                    if moved.lines > 0 { parts.append("\(moved.lines) junior line\(moved.lines == 1 ? "" : "s")") }
                    let target = gone.reportsTo.flatMap { boss in eliminated[boss] == nil ? boss.rawValue : nil }
                    text += "; \(parts.joined(separator: " and ")) that reported to it now report\(moved.posts + moved.lines == 1 ? "s" : "") to \(target ?? "its nearest remaining manager")"
                }
                notes.append(text)
            }
            if !gradesWithoutTier.isEmpty {
                let total = gradesWithoutTier.values.reduce(0, +)
                let grades = gradesWithoutTier.keys.sorted()
                notes.append("\(total) senior post\(total == 1 ? " has a grade" : "s have grades") the tier table does not list (\(grades.prefix(6).joined(separator: ", "))\(grades.count > 6 ? ", …" : "")): no tier; give a tiers: table with --map")
            }
            if !shared.isEmpty {
                let ids = shared.sorted().map { posts[$0].id.rawValue }
                notes.append("\(ids.count) job share\(ids.count == 1 ? "" : "s") (one post each, FTE summed, holders listed): \(ids.prefix(6).joined(separator: ", "))\(ids.count > 6 ? ", …" : "")")
            }
            if !heldDespiteEliminated.isEmpty {
                let rows = heldDespiteEliminated.map { "\($0.id) (line \($0.line))" }
                notes.append("\(rows.count) Eliminated row\(rows.count == 1 ? " repeats a reference" : "s repeat references") another row holds as a post in \(files[0]): the post is kept and the Eliminated row left out (\(Self.list(rows)))")
            }
            for reference in placeholderOrder {
                let ids = placeholderPosts[reference] ?? []
                notes.append("Post Unique Reference \(ValueParsing.quoted(reference)) is a placeholder that \(ids.count) rows share, not one post: each row is its own post (\(Self.list(ids.map(\.rawValue))))")
            }
            if matchedInAnotherForm.posts + matchedInAnotherForm.lines > 0 {
                var parts: [String] = []
                if matchedInAnotherForm.posts > 0 { parts.append("\(matchedInAnotherForm.posts) senior post\(matchedInAnotherForm.posts == 1 ? "" : "s")") }
                if matchedInAnotherForm.lines > 0 { parts.append("\(matchedInAnotherForm.lines) junior line\(matchedInAnotherForm.lines == 1 ? "" : "s")") }
                let verb = matchedInAnotherForm.posts + matchedInAnotherForm.lines == 1 ? "names" : "name"
                notes.append("\(parts.joined(separator: " and ")) \(verb) their manager's reference in another form, matched under --match-ids \(matching.rawValue) (\(matchedInAnotherForm.examples.prefix(4).joined(separator: ", "))\(matchedInAnotherForm.examples.count > 4 ? ", …" : ""))")
            }
            if repeatedJunior.rows > 0 {
                notes.append("\(repeatedJunior.rows) junior row\(repeatedJunior.rows == 1 ? " repeats" : "s repeat") an earlier row exactly (\(NumberText.format((repeatedJunior.fte * 100).rounded() / 100)) FTE, the first at \(files.count > 1 ? files[1] : files[0]):\(repeatedJunior.firstLine)): each is kept as a line of its own; check the publication")
            }
            if costEstimate == .payBandMidpoint {
                let withCost = structure.posts.filter { $0.cost != nil }.count
                let without = structure.posts.count - withCost - (tops.count > 1 ? 1 : 0)
                notes.append("cost is an estimate for \(withCost) post\(withCost == 1 ? "" : "s"): the midpoint of each senior row's pay floor and ceiling, and of each junior line's payscale times its FTE\(without > 0 ? "; \(without) without pay figures have no cost" : "")")
                structure.description = (structure.description ?? "") + ". Costs are estimates: the midpoint of the published pay bands"
            }
            if fractionalLines > 0 {
                notes.append("\(fractionalLines) junior line\(fractionalLines == 1 ? " has" : "s have") a fractional FTE: count is the FTE rounded up")
            }
            notes += unnamedNotes

            let sorted = rejected.sorted { ($0.file == files[0] ? 0 : 1, $0.line) < ($1.file == files[0] ? 0 : 1, $1.line) }
            var rejectFiles: [RejectFile] = []
            for (table, bytes) in [senior] + (junior.map { [$0] } ?? []) {
                let rows = sorted.filter { $0.file == table.file }.map(\.bytes)
                if !rows.isEmpty { rejectFiles.append(.make(source: table.file, input: bytes, header: table.headerBytes, rows: rows)) }
            }
            return ImportResult(structure: structure, rejected: sorted, rejectFiles: rejectFiles, notes: notes)
        }
    }
}
