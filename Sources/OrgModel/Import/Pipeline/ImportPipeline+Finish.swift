import Foundation

extension ImportPipeline {
    /// Clears the holder list of job shares that name nobody.
    mutating func tidyShares() {
        for position in shared { JobShare.tidy(&posts[position]) }
    }

    /// The ids of the rows that carry their own, then `extra` (ids that name no post but
    /// are known, such as an organogram's Eliminated rows).
    private func ownIDs(_ extra: [PostID]) -> [PostID] {
        var ids: [PostID] = []
        for position in posts.indices where format.ownIDs[file(of: position)] { ids.append(posts[position].id) }
        return ids + extra
    }

    /// Under `--match-ids case` or `loose`, points each manager reference that names no
    /// post exactly at the one post it names in another form; counts them for a note.
    mutating func matchManagers(alsoKnown extra: [PostID]) {
        guard format.matching != .exact else { return }
        let matcher = IDMatcher(ownIDs(extra), matching: format.matching)
        let known = Set(extra)
        matchedInAnotherForm.counts = Array(repeating: 0, count: files.count)
        for position in posts.indices {
            guard let boss = posts[position].reportsTo, self.position(of: boss) == nil, !known.contains(boss), rejectedLineByID[boss] == nil
            else { continue }
            let found = matcher.candidates(for: boss)
            guard found.count == 1, let only = found.first else { continue }
            posts[position].reportsTo = only
            matchedInAnotherForm.counts[file(of: position)] += 1
            let example = "\(boss) as \(only)"
            if !matchedInAnotherForm.examples.contains(example) { matchedInAnotherForm.examples.append(example) }
        }
    }

    /// Leaves out every post whose manager is in no row (or is a placeholder, or a job
    /// share left out whole), and every post below one, each with its reasons.
    mutating func prune(alsoKnown extra: [PostID] = [], minimumConcurrentPosts: Int = 200_000) {
        let alsoRemove = spoiledShares.mapValues { ImportProblem.jobShareSpoiled(rejectedLine: $0) }
        let (files, rowBytes, format, starts) = (files, rowBytes, format, fileStarts)
        func fileIndex(_ position: Int) -> Int { starts.count > 1 ? (starts.lastIndex { $0 <= position } ?? 0) : 0 }
        let placeholders = self
        let pruner = ReportingLinePruner(
            unknownManager: { position, boss in
                let column = format.reportsToColumns[fileIndex(position)]
                // A placeholder several rows share names no one post.
                return placeholders.placeholderProblem(column: column, reference: boss.rawValue)
                    ?? .unknownManager(column: column, reference: boss, idColumn: format.idColumn, within: format.within, form: nil)
            },
            row: { (files[fileIndex($0)], rowBytes[$0]) })
        let pipeline = self
        let firstNew = rejected.count
        removed = pruner.prune(
            posts, position: { pipeline.position(of: $0) }, rejectedLineByID: rejectedLineByID, alsoRemove: alsoRemove, into: &rejected,
            minimumConcurrentPosts: minimumConcurrentPosts)
        addFormHints(from: firstNew, extra: extra)
        // A job share left out takes all its rows with it.
        for (position, rows) in sharedRows where removed[position] {
            for row in rows {
                rejected.append(
                    RejectedRow(
                        file: files[fileIndex(position)], line: row.line,
                        problems: [.jobShareLeftOut(id: posts[position].id, line: posts[position].line)],
                        followsFromAnother: true, bytes: row.bytes))
            }
        }
    }

    /// Names, in each unknown manager's reason, the id it matches in another form and
    /// the `--match-ids` that would read them as one (or that it is ambiguous).
    private mutating func addFormHints(from start: Int, extra: [PostID]) {
        let unknown = rejected.indices.dropFirst(start).filter {
            if case .unknownManager = rejected[$0].problems.first { return true } else { return false }
        }
        guard !unknown.isEmpty else { return }
        let ids = ownIDs(extra)
        let matcher = IDMatcher(ids, matching: format.matching == .exact ? .loose : format.matching)
        let caseMatcher = IDMatcher(ids, matching: .case)
        for index in unknown {
            guard case .unknownManager(let column, let boss, let idColumn, let within, _) = rejected[index].problems.first else { continue }
            let found = matcher.candidates(for: boss)
            let form: ImportProblem.IDFormHint? =
                if found.count > 1 { .ambiguous(found) } else if let only = found.first {
                    caseMatcher.candidates(for: boss).isEmpty ? .form(only) : .caseOnly(only)
                } else { nil }
            rejected[index].problems = [.unknownManager(column: column, reference: boss, idColumn: idColumn, within: within, form: form)]
        }
    }

    func kept(_ position: Int) -> Bool { !(position < removed.count && removed[position]) }

    /// The posts written: every post not left out.
    func keptPosts() -> [Post] {
        guard !rejected.isEmpty else { return posts }
        var kept: [Post] = []
        kept.reserveCapacity(posts.count)
        for position in posts.indices where !removed[position] { kept.append(posts[position]) }
        return kept
    }

    /// The job shares written.
    var jobShareNote: ImportNote? {
        let ids = shared.filter(kept).sorted().map { posts[$0].id }
        return ids.isEmpty ? nil : .jobShares(ids: ids, costSummed: format.costSummed)
    }

    /// Notes on placeholders, matches in another form and rows repeated exactly.
    var rowNotes: [ImportNote] {
        var notes: [ImportNote] = []
        for reference in placeholderOrder {
            notes.append(.placeholder(column: format.idColumn, reference: reference, ids: placeholderPosts[reference] ?? []))
        }
        let counts = matchedInAnotherForm.counts.indices.filter { matchedInAnotherForm.counts[$0] > 0 }
            .map { ImportNote.RowCount(matchedInAnotherForm.counts[$0], format.rowNouns[$0]) }
        if !counts.isEmpty {
            notes.append(.matchedInAnotherForm(rows: counts, matching: format.matching, examples: matchedInAnotherForm.examples))
        }
        if repeatedLines.rows > 0, let first = repeatedLines.first {
            let noun = format.rowWords[files.firstIndex(of: first.file) ?? 0]
            notes.append(.repeatedRows(rows: .init(repeatedLines.rows, noun), fte: repeatedLines.fte, first: first, outcome: .ownLines))
        }
        if repeatedShares.rows > 0, let first = repeatedShares.first {
            notes.append(.repeatedRows(rows: .init(repeatedShares.rows, "row"), fte: nil, first: first, outcome: .jobShares))
        }
        return notes
    }

    /// The result: `structure` (the front end's, with `keptPosts()`), every row left out
    /// in file order, a reject file per input with rejected rows, and `notes`.
    func result(_ structure: Structure, notes: [ImportNote]) -> ImportResult {
        let sorted = rejected.sorted {
            (files.firstIndex(of: $0.file) ?? 0, $0.line) < (files.firstIndex(of: $1.file) ?? 0, $1.line)
        }
        var rejectFiles: [RejectFile] = []
        for index in files.indices {
            let rows = sorted.filter { $0.file == files[index] }.map(\.bytes)
            if !rows.isEmpty { rejectFiles.append(.make(source: files[index], input: inputs[index], header: headers[index], rows: rows)) }
        }
        return ImportResult(structure: structure, rejected: sorted, rejectFiles: rejectFiles, notes: notes)
    }
}
