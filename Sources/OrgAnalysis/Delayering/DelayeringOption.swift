import OrgModel
import OrgSupport

/// One de-layering option: the structure after its moves, what it removes and adds, what
/// it saves, and how it measures and validates.
///
/// Options are cumulative: option 2 makes option 1's moves and then its own, and so on, so
/// each can be read on its own and the steps compared side by side.
public struct DelayeringOption: Sendable {
    /// The kinds of step, each adding to the option before it.
    public enum Step: Int, Sendable, CaseIterable, Codable, Comparable {
        case removeLayers = 1
        case mergeNarrowSpans = 2
        case splitWideSpans = 3

        /// What the option does, in a heading.
        public var title: String {
            switch self {
            case .removeLayers: "Remove hidden layers and one-over-one managers"
            case .mergeNarrowSpans: "Option 1, then merge sibling managers with narrow spans"
            case .splitWideSpans: "Option 2, then split wide spans"
            }
        }

        /// The short form used in file names.
        public var slug: String {
            switch self {
            case .removeLayers: "remove-hidden-layers"
            case .mergeNarrowSpans: "merge-narrow-spans"
            case .splitWideSpans: "split-wide-spans"
            }
        }

        public static func < (lhs: Step, rhs: Step) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var step: Step
    public var number: Int { step.rawValue }
    /// Every move of the option, earlier steps' first.
    public var moves: [DelayeringMove]
    /// How many of `moves` this step added (the last ones).
    public var movesOfThisStep: Int
    /// What the step considered and left alone, and why.
    public var noteMessages: [DelayeringMessage]
    /// The structure after the moves (`state: option`).
    public var structure: Structure
    /// Posts of the original structure the option removes, and the posts it adds.
    public var removedPosts: [Post]
    public var addedPosts: [Post]
    public var removedCost: CostTotal
    public var addedCost: CostTotal
    /// The option measured and validated.
    public var analysis: StructureAnalysis
    public var findings: ValidationResult
    /// Violations fixed and introduced against the original structure.
    public var findingChanges: FindingChanges
    /// What the option does to dotted lines: one to a removed post goes to the post that
    /// takes its place, or is dropped (to the post itself, or to its own manager).
    public var dottedLineMessages: [DelayeringMessage] = []
    /// `moves`' summaries, when worded ahead (empty when not).
    package var movesWorded: [String] = []
    /// Each post's position in the original structure when it is written exactly as there,
    /// else -1 (empty when not known): see `Unmeasured.asInOriginal`.
    package var asInOriginal: [Int32] = []

    /// The summary of move `index` of `moves`.
    public func summary(ofMove index: Int) -> String { index < movesWorded.count ? movesWorded[index] : moves[index].summary }
    /// The dotted line changes, one sentence each.
    public var dottedLineChanges: [String] { dottedLineMessages.map(\.english) }

    /// The notes, one sentence each.
    public var notes: [String] { noteMessages.map(\.english) }

    /// The moves this step added.
    public var newMoves: ArraySlice<DelayeringMove> { moves.suffix(movesOfThisStep) }

    /// The net annual saving: the cost of the posts removed less that of the posts added,
    /// over known costs (positive saves money).
    public var netSaving: Double { removedCost.known - addedCost.known }

    /// Whether the saving leaves out posts of unknown cost.
    public var savingIsComplete: Bool { removedCost.isComplete && addedCost.isComplete }

    /// "£212,000 a year", or "−£54,000 a year" when the option costs more, qualified when
    /// posts of unknown cost are left out.
    public var savingText: String { Self.savingText(removed: removedCost, added: addedCost) }

    /// The saving text of posts removed and added at these costs (`savingText`).
    static func savingText(removed: CostTotal, added: CostTotal) -> String {
        var text = Figures.pounds(removed.known - added.known) + " a year"
        var unknown: [String] = []
        if removed.unknownPosts > 0 { unknown.append("\(Plural.grouped(removed.unknownPosts, "post")) of unknown cost removed") }
        if added.unknownPosts > 0 { unknown.append("\(Plural.grouped(added.unknownPosts, "post")) of unknown cost added") }
        if !unknown.isEmpty { text += " (not counting " + unknown.joined(separator: " and ") + ")" }
        return text
    }

    /// The option as its file is written, without its measures and findings.
    public var unmeasured: Unmeasured {
        Unmeasured(
            step: step, moves: moves, structure: structure, removedCount: removedPosts.count, addedCount: addedPosts.count,
            removedCost: removedCost, addedCost: addedCost, asInOriginal: asInOriginal)
    }

    /// An option once its moves are made, before it is measured and validated: all its file
    /// needs, so that the file can be written while the options are measured.
    public struct Unmeasured: Sendable {
        public var step: Step
        public var number: Int { step.rawValue }
        /// Every move of the option, earlier steps' first.
        public var moves: [DelayeringMove]
        /// The structure after the moves.
        public var structure: Structure
        /// How many posts the option removes and adds.
        public var removedCount: Int
        public var addedCount: Int
        public var removedCost: CostTotal
        public var addedCost: CostTotal
        /// Each post's position in the original structure when it is written exactly as
        /// there, else -1 (empty when not known): its YAML is then shared with the original's.
        package var asInOriginal: [Int32] = []

        /// The net annual saving over known costs (positive saves money).
        public var netSaving: Double { removedCost.known - addedCost.known }

        /// "£212,000 a year", or "−£54,000 a year" when the option costs more, qualified when
        /// posts of unknown cost are left out.
        public var savingText: String { DelayeringOption.savingText(removed: removedCost, added: addedCost) }
    }
}

/// The options for one structure, with the structure itself measured for comparison.
public struct DelayeringResult: Sendable {
    public var original: StructureAnalysis
    public var originalFindings: ValidationResult
    public var options: [DelayeringOption]
    /// Posts the delayer never touches and a person should look at (managers without a tier).
    public var noteMessages: [DelayeringMessage]

    /// The notes, one sentence each.
    public var notes: [String] { noteMessages.map(\.english) }
}
