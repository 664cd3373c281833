import Foundation
import OrgAnalysis
import OrgModel
import OrgSupport

/// What a chartbook's pages share: each structure's index, findings, element ids and
/// subtree totals, and a pair's diff, built once rather than for every page drawn (a
/// 10,000-post structure has hundreds of pages, each tried several times).
///
/// Pages are drawn one at a time; the lock only keeps the cache safe if they are not.
final class ChartCache: @unchecked Sendable, Equatable {
    struct Side {
        let index: StructureIndex
        let marks: FindingMarks
        let ids: ElementIDs
        let boxLine: BoxLine
        /// Headcount below each post (its own not counted).
        let below: [Int]
        /// The whole structure's headcount.
        let headcount: Int
        /// Its boxes' labels, as drawn before.
        let labels = LabelMemo()
    }

    final class Pair: @unchecked Sendable {
        let diff: StructureDiff
        let merged: MergedStructure
        let index: StructureIndex
        let currentIndex: StructureIndex
        /// Headcount below each post of the merged view.
        let below: [Int]
        /// The change chart's labels, as drawn before.
        let labels = LabelMemo()
        /// The change chart's cost and permanence notes, the whole structure's: made once.
        private var summaryNotes: [String]?
        private var proposedErrors: [PostID: [Finding]]?
        private let lock = NSLock()

        init(diff: StructureDiff, merged: MergedStructure, index: StructureIndex, currentIndex: StructureIndex, below: [Int]) {
            self.diff = diff
            self.merged = merged
            self.index = index
            self.currentIndex = currentIndex
            self.below = below
        }

        /// The rules each post breaks in the proposed structure, by proposed id: made once.
        func errors(_ proposed: ValidationResult) -> [PostID: [Finding]] {
            lock.lock()
            defer { lock.unlock() }
            if let proposedErrors { return proposedErrors }
            var errors: [PostID: [Finding]] = [:]
            for finding in proposed.findings where finding.severity == .error {
                if let id = finding.post { errors[id, default: []].append(finding) }
            }
            proposedErrors = errors
            return errors
        }

        func summary(_ current: RuleSet, _ proposed: RuleSet) -> [String] {
            lock.lock()
            defer { lock.unlock() }
            if let summaryNotes { return summaryNotes }
            let notes = ChangeCounts.summary(diff: diff, current: current, proposed: proposed)
            summaryNotes = notes
            return notes
        }
    }

    private let lock = NSLock()
    private var sides: [String: Side] = [:]
    private var pair: Pair?

    static func == (lhs: ChartCache, rhs: ChartCache) -> Bool { lhs === rhs }

    /// The shared pieces of `result`, drawn in the role `key` ("single", "current", "proposed").
    func side(_ key: String, _ result: ValidationResult, options: ChartOptions) -> Side {
        lock.lock()
        defer { lock.unlock() }
        if let side = sides[key] { return side }
        let index = StructureIndex(result.structure)
        let side = Side(
            index: index, marks: FindingMarks(result), ids: ElementIDs(posts: index.posts, duplicates: index.duplicatePositions),
            boxLine: BoxLine(index: index, field: options.boxLine), below: ChartScope.headcountBelow(index),
            headcount: index.posts.reduce(0) { $0 + $1.count })
        sides[key] = side
        return side
    }

    func pair(_ current: ValidationResult, _ proposed: ValidationResult, matching: IDMatching = .exact) -> Pair {
        lock.lock()
        defer { lock.unlock() }
        if let pair { return pair }
        let (currentIndex, proposedIndex) = ParallelWork.both(
            { StructureIndex(current.structure) }, { StructureIndex(proposed.structure) })
        let diff = StructureDiff(current: currentIndex, proposed: proposedIndex, matching: matching)
        let merged = MergedStructure(diff)
        let index = StructureIndex(merged.structure)
        let made = Pair(
            diff: diff, merged: merged, index: index, currentIndex: currentIndex, below: ChartScope.headcountBelow(index))
        pair = made
        return made
    }
}
