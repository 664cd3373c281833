import OrgModel
import OrgSupport

extension DelayeringPlanner {
    /// A step's moves and notes, as worked out.
    struct Draft {
        var step: DelayeringOption.Step
        var moves: [DelayeringMove]
        var movesOfThisStep: Int
        var notes: [DelayeringMessage]
    }

    /// The option a step leaves: its structure, what became of dotted lines, and the posts
    /// removed and added.
    struct Built: Sendable {
        var structure: Structure
        var dottedLineChanges: [DelayeringMessage]
        var removed: [Post]
        var added: [Post]
    }

    /// The moves, step by step (each step builds on the last), and the option each leaves.
    /// Each option's structure is written out from a snapshot of the workspace on another
    /// core while the next step is worked out here: a million posts take a quarter of a
    /// second to write.
    func takeSteps(
        _ workspace: inout DelayeringWorkspace, order: [Int], index: StructureIndex, structure: Structure
    ) -> (drafts: [Draft], options: [Built]) {
        var built: [ParallelWork.Background<Built>] = []
        var moves: [DelayeringMove] = []
        var drafts: [Draft] = []
        for step in DelayeringOption.Step.allCases {
            var notes: [DelayeringMessage] = []
            let before = moves.count
            switch step {
            case .removeLayers:
                removeHiddenLayers(&workspace, order: order, moves: &moves, notes: &notes)
                removeOneOverOne(&workspace, order: order, moves: &moves, notes: &notes)
            case .mergeNarrowSpans:
                mergeNarrowSpans(&workspace, order: order, moves: &moves, notes: &notes)
            case .splitWideSpans:
                splitWideSpans(&workspace, order: order, typicalCosts: typicalCosts(index), moves: &moves, notes: &notes)
            }
            drafts.append(Draft(step: step, moves: moves, movesOfThisStep: moves.count - before, notes: notes))
            let snapshot = workspace.snapshot
            built.append(
                ParallelWork.Background {
                    var (optionStructure, lineChanges) = snapshot.structure(from: structure)
                    optionStructure.state = .option
                    return Built(
                        structure: optionStructure, dottedLineChanges: lineChanges, removed: snapshot.removed, added: snapshot.added)
                })
        }
        return (drafts, built.map(\.value))
    }
}
