import Foundation

extension ExtractImporter.Run {
    /// What the import decided, counted over the posts written, not the rows read: a
    /// rejected row or a job share's second row is no post of the structure.
    func notes(plan: ExtractImporter.Plan) -> [ImportNote] {
        var notes: [ImportNote] = []
        if let note = gradesWithoutTierNote() { notes.append(note) }
        // A tiers table entry no row's grade matched is most likely a typo.
        if !mapping.tiers.isEmpty, plan.column(of: .grade) != nil {
            let met = Set(tierByGrade.map { GradeTierTable.key($0.grade) }).union(self.gradesWithoutTier.keys.map(GradeTierTable.key))
            let unused = mapping.tiers.entries.map(\.grade).filter { !met.contains(GradeTierTable.key($0)) }
            if !unused.isEmpty, tierByGrade.count < 256 {
                let grades = tierByGrade.map(\.grade)
                notes.append(
                    .unusedTiers(grades: unused.map { .init(grade: $0, meant: closest(to: $0, among: grades, maximumDistance: 2)) }))
            }
        }
        let unnamed = plan.unnamed.filter { unnamedWithValues.contains($0) }
        if !unnamed.isEmpty { notes.append(.unnamedColumns(file: reading.file, columns: unnamed)) }
        if !plan.dropped.isEmpty { notes.append(.dropped(columns: plan.dropped)) }
        if let note = pipeline.jobShareNote { notes.append(note) }
        return notes + pipeline.rowNotes
    }

    /// Posts written whose grades the tiers table lacks.
    private func gradesWithoutTierNote() -> ImportNote? {
        let lacking = Set(tierByGrade.filter { $0.tier == nil }.map(\.grade)).union(self.gradesWithoutTier.keys)
        guard !lacking.isEmpty else { return nil }
        var gradesWithoutTier: [String: Int] = [:]
        // Read in place: copying a million posts would retain and release their strings.
        pipeline.posts.withUnsafeBufferPointer { posts in
            for position in posts.indices where posts[position].tier == nil && pipeline.kept(position) {
                if let grade = posts[position].grade, lacking.contains(grade) { gradesWithoutTier[grade, default: 0] += 1 }
            }
        }
        guard !gradesWithoutTier.isEmpty else { return nil }
        return .gradesWithoutTier(posts: gradesWithoutTier.values.reduce(0, +), grades: gradesWithoutTier.keys.sorted())
    }
}
