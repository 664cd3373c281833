import Foundation

extension OrganogramImporter.Run {
    /// Matches, moves and prunes the posts read, then builds the structure and its notes.
    mutating func finish() -> ImportResult {
        pipeline.tidyShares()
        // An Eliminated row whose reference another row holds as a live post: the live
        // post stays, and nothing under it moves.
        var heldDespiteEliminated: [(id: PostID, line: Int)] = []
        for id in eliminatedOrder {
            guard let gone = eliminated[id], pipeline.positionByID[id] != nil else { continue }
            heldDespiteEliminated.append((id, gone.line))
            eliminated[id] = nil
        }
        eliminatedOrder.removeAll { eliminated[$0] == nil }
        // A manager's reference in another form than its post's: matched under
        // --match-ids case or loose, else left to the pruner with a hint.
        pipeline.matchManagers(alsoKnown: eliminatedOrder)
        moveUpFromEliminated()
        pipeline.prune(alsoKnown: eliminatedOrder)

        var structure = Structure(state: .current)
        let seniorFile = pipeline.files[0]
        structure.source = seniorFile
        structure.posts = pipeline.keptPosts()
        if let top = structure.posts.first(where: { $0.reportsTo == nil }),
            let organisation = top.attributes.first(where: { $0.name == OrganogramFormat.organisation })?.value
        {
            structure.organisation = organisation
            structure.name = "\(organisation) organogram"
        }
        structure.description = "Imported from the published organogram \(pipeline.files.joined(separator: " and "))"
        var notes: [ImportNote] = []
        let tops = structure.posts.filter { $0.reportsTo == nil }.map(\.id)
        if tops.count > 1 {
            notes.append(addRoot(to: &structure, tops: tops))
        } else if let top = tops.first, let line = selfReporting.first(where: { $0.id == top })?.line {
            notes.append(.selfReportingTop(id: top, location: SourceLocation(file: seniorFile, line: line)))
        }
        structure = inheritedAttributesRemoved(structure)
        notes += eliminatedNotes()
        if !gradesWithoutTier.isEmpty {
            notes.append(.seniorGradesWithoutTier(posts: gradesWithoutTier.values.reduce(0, +), grades: gradesWithoutTier.keys.sorted()))
        }
        if let note = pipeline.jobShareNote { notes.append(note) }
        if !heldDespiteEliminated.isEmpty {
            notes.append(
                .eliminatedButHeld(rows: heldDespiteEliminated.map(\.id), lines: heldDespiteEliminated.map(\.line), file: seniorFile))
        }
        notes += pipeline.rowNotes
        if costEstimate == .payBandMidpoint {
            let withCost = structure.posts.filter { $0.cost != nil }.count
            notes.append(.costEstimate(posts: withCost, without: structure.posts.count - withCost - (tops.count > 1 ? 1 : 0)))
            structure.description = (structure.description ?? "") + ". Costs are estimates: the midpoint of the published pay bands"
        }
        if fractionalLines > 0 { notes.append(.fractionalLines(fractionalLines)) }
        return pipeline.result(structure, notes: notes + unnamedNotes)
    }

    /// One structure has one top: the tops hang under a post that stands for the
    /// organisation, added and said so, rather than the file refused.
    private func addRoot(to structure: inout Structure, tops: [PostID]) -> ImportNote {
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
        let selfIDs = Set(selfReporting.map(\.id))
        return .severalTops(
            reportToMarker: tops.filter { !selfIDs.contains($0) }, reportToThemselves: tops.filter { selfIDs.contains($0) }, root: rootID,
            title: title)
    }

    private func eliminatedNotes() -> [ImportNote] {
        eliminatedOrder.compactMap { id in
            guard let gone = eliminated[id] else { return nil }
            let moved = movedUp[id] ?? (0, 0)
            let target = gone.reportsTo.flatMap { boss in eliminated[boss] == nil ? boss : nil }
            return .eliminated(
                id: id, location: SourceLocation(file: pipeline.files[0], line: gone.line), movedPosts: moved.posts,
                movedLines: moved.lines,
                to: target)
        }
    }

    /// Moves posts under an eliminated post up to the first manager not eliminated.
    private mutating func moveUpFromEliminated() {
        guard !eliminated.isEmpty else { return }
        for position in pipeline.posts.indices {
            guard let boss = pipeline.posts[position].reportsTo, eliminated[boss] != nil else { continue }
            var target: PostID? = boss
            var steps = 0
            while let current = target, let gone = eliminated[current], steps <= eliminated.count {
                target = gone.reportsTo
                steps += 1
            }
            pipeline.posts[position].reportsTo = target
            var moved = movedUp[boss, default: (0, 0)]
            if pipeline.file(of: position) == 0 { moved.posts += 1 } else { moved.lines += 1 }
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
}
