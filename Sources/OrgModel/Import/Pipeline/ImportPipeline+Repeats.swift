import Foundation

extension ImportPipeline {
    /// A row whose id an earlier row (at `first`) has: a job share when the format reads
    /// repeated ids so and the rows agree on what the post is; else rejected.
    mutating func addRepeat(_ post: Post, of first: Int, bytes: Range<Int>) {
        let firstLine = posts[first].line
        guard format.jobShares else {
            reject(line: post.line, bytes: bytes, id: nil, [.repeatedID(idColumn: format.idColumn, id: post.id, firstLine: firstLine)])
            return
        }
        guard posts[first].reportsTo == post.reportsTo else {
            reject(
                line: post.line, bytes: bytes, id: nil,
                [
                    .repeatedWithOtherManager(
                        idColumn: format.idColumn, id: post.id, firstLine: firstLine, reportsToColumn: format.reportsToColumns[currentFile],
                        manager: post.reportsTo, firstManager: posts[first].reportsTo, none: format.noManager)
                ])
            return
        }
        if let problem = jobShareProblem(post, of: first) {
            if format.leavesOutSpoiledShares { spoiledShares[first] = post.line }
            reject(line: post.line, bytes: bytes, id: nil, [problem])
            return
        }
        let input = inputs[currentFile]
        if Self.content(input, bytes) == Self.content(input, rowBytes[first])
            || (sharedRows[first] ?? []).contains(where: { Self.content(input, $0.bytes) == Self.content(input, bytes) })
        {
            repeatedShares.add(SourceLocation(file: files[currentFile], line: post.line), fte: nil)
        }
        shared.insert(first)
        JobShare.merge(post, into: &posts[first], listed: &listedAttributes[first, default: []])
        sharedRows[first, default: []].append((post.line, bytes))
    }

    /// Why `post` cannot join the post at `first` as a job share: the rows disagree on
    /// what the post is, or their cost or FTE add up to more than one post can hold.
    private func jobShareProblem(_ post: Post, of first: Int) -> ImportProblem? {
        var differences: [ImportProblem.FieldDifference] = []
        for compared in format.compared {
            let (mine, theirs) = (ImportFormat.text(of: compared.field, in: posts[first]), ImportFormat.text(of: compared.field, in: post))
            if mine != theirs { differences.append(.init(column: compared.column, value: theirs ?? "", first: mine ?? "")) }
        }
        if !differences.isEmpty {
            return .jobShareDisagrees(
                idColumn: format.idColumn, id: post.id, firstLine: posts[first].line, differences: differences, style: format.style)
        }
        if let a = posts[first].cost, let b = post.cost, a + b > PostLimits.maximumCost,
            let problem = PostLimits.costProblem(a + b, field: "the job share's summed \(format.costColumn)")
        {
            return .value(problem)
        }
        return JobShare.summedFTEProblem(posts[first], post)
    }

    /// The problem with a manager reference that names a placeholder, as `share` words
    /// how many rows share it; nil when it is no placeholder.
    func placeholderProblem(column: String, reference: String, seniorRows: Bool = false) -> ImportProblem? {
        let share: ImportProblem.PlaceholderShare
        if seniorRows {
            guard let posts = placeholderPosts[reference] else { return nil }
            share = .seniorRows(posts.count)
        } else {
            guard let lines = placeholderLines[reference] else { return nil }
            share = .rows(lines)
        }
        return .placeholderManager(column: column, reference: reference, sharedBy: share)
    }

    /// Declares references that several rows share as placeholders, before the rows are
    /// added (a front end that sees all its rows first), with the lines of those rows.
    mutating func declarePlaceholders(_ lines: [String: [Int]]) {
        placeholderLines.merge(lines) { mine, _ in mine }
    }

    /// The id a row of `reference` takes: its own when the reference is a placeholder.
    func ownID(_ reference: String, line: Int) -> PostID {
        placeholderLines[reference] == nil ? PostID(reference) : PostID("\(reference)-line\(line)")
    }

    /// Makes `reference` a placeholder once a second row has it: the first row's post
    /// (if it was added) takes an id of its own.
    mutating func makePlaceholder(_ reference: String, firstLine: Int, first: Int?) {
        placeholderLines[reference] = [firstLine]
        placeholderOrder.append(reference)
        guard let first else { return }
        let id = PostID("\(reference)-line\(firstLine)")
        positionByID[posts[first].id] = nil
        positionByID[id] = first
        posts[first].id = id
        placeholderPosts[reference] = [id]
    }

    /// Gives a row of a placeholder reference an id of its own.
    mutating func renameAsPlaceholder(_ post: inout Post) {
        let reference = post.id.rawValue
        if placeholderPosts[reference] == nil, !placeholderOrder.contains(reference) { placeholderOrder.append(reference) }
        if placeholderLines[reference]?.contains(post.line) == false { placeholderLines[reference]?.append(post.line) }
        post.id = ownID(reference, line: post.line)
        placeholderPosts[reference, default: []].append(post.id)
    }

    /// Appends the rows a later part of the file read, whose ids are not this part's
    /// (the reader has made sure of that).
    mutating func absorb(_ other: ImportPipeline) {
        // The later part keeps its own index: joining the two would re-hash every id.
        let offset = rowBytes.count
        laterParts.append((offset, other.positionByID))
        rejectedLineByID.merge(other.rejectedLineByID) { mine, _ in mine }
        rowBytes += other.rowBytes
        rejected += other.rejected
        for position in other.shared { shared.insert(position + offset) }
        for (position, line) in other.spoiledShares { spoiledShares[position + offset] = line }
        for (position, rows) in other.sharedRows { sharedRows[position + offset] = rows }
        for (position, names) in other.listedAttributes { listedAttributes[position + offset] = names }
        placeholderLines.merge(other.placeholderLines) { mine, _ in mine }
        placeholderPosts.merge(other.placeholderPosts) { mine, _ in mine }
        placeholderOrder += other.placeholderOrder
        for (tally, theirs) in [(\ImportPipeline.repeatedLines, other.repeatedLines), (\.repeatedShares, other.repeatedShares)] {
            self[keyPath: tally].rows += theirs.rows
            self[keyPath: tally].fte += theirs.fte
            if self[keyPath: tally].first == nil { self[keyPath: tally].first = theirs.first }
        }
    }

    /// Whether any id `other` holds (a post, a rejected row or a placeholder) is one of
    /// this part's.
    func knows(_ id: PostID) -> Bool {
        positionByID[id] != nil || rejectedLineByID[id] != nil || placeholderLines[id.rawValue] != nil
    }
}
