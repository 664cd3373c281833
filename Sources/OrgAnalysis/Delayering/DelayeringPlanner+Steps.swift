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
        /// Each post's position in the structure when it is written as there, else -1.
        var asInOriginal: [Int32]
    }

    /// An option made and measured on other cores: `made` its structure, `measured` the
    /// structure measured and validated.
    struct Underway {
        var made: ParallelWork.Background<Built>
        var measured: ParallelWork.Background<Measured>
    }

    /// An option measured and validated, and its findings set against the structure's.
    struct Measured {
        var analysis: StructureAnalysis
        var findings: ValidationResult
        var changes: FindingChanges
    }

    /// The moves, step by step (each step builds on the last), and the option each leaves.
    /// Each option's structure is written out from a snapshot of the workspace on another
    /// core while the next step is worked out here (a million posts take a quarter of a
    /// second to write), then measured and validated there, so that the cores share the
    /// options from the first. Each on a thread of its own rather than through
    /// `concurrentPerform`: the work each spreads over the cores is then not nested in an
    /// apply (which Dispatch would run on one thread).
    ///
    /// A step that moved nothing leaves the option before it, post for post: it is neither
    /// written out nor measured again. The first option always is: it differs from the
    /// structure in its state, which reports show.
    func takeSteps(
        _ workspace: inout DelayeringWorkspace, order: [Int], index: StructureIndex, structure: Structure,
        asIs: ParallelWork.Background<(StructureAnalysis, ValidationResult)>
    ) -> (drafts: [Draft], options: [Underway]) {
        var underway: [Underway] = []
        var moves: [DelayeringMove] = []
        var drafts: [Draft] = []
        let (rules, validator) = (self.rules, self.validator)
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
            if let last = underway.last, moves.count == before {
                underway.append(last)
                continue
            }
            let snapshot = workspace.snapshot
            let made = ParallelWork.Background {
                var (optionStructure, lineChanges, asInOriginal) = snapshot.structure(from: structure)
                optionStructure.state = .option
                return Built(
                    structure: optionStructure, dottedLineChanges: lineChanges, removed: snapshot.removed, added: snapshot.added,
                    asInOriginal: asInOriginal)
            }
            // Queued after `made`, so started after it: it waits only on work under way.
            let measured = ParallelWork.Background { () -> Measured in
                let optionIndex = StructureIndex(made.value.structure)
                let findings = validator.validate(optionIndex)
                // The structure's own findings are long since found (queued first).
                let changes = FindingChanges(before: asIs.value.1.findings, after: findings.findings)
                return Measured(analysis: StructureAnalysis(index: optionIndex, rules: rules), findings: findings, changes: changes)
            }
            underway.append(Underway(made: made, measured: measured))
        }
        return (drafts, underway)
    }
}
