import OrgModel
import OrgSupport

/// What the delayer says: each move in a sentence, and the notes on what a step considered
/// and left alone. The facts are the arguments; the English is made here, in one place.
public enum DelayeringMessage: DiagnosticMessage, Hashable {
    // Notes.
    /// A manager without a tier, which no option touches.
    case managerWithoutTier(post: PostID, title: String, span: Int)
    case hiddenLayerAccepted(post: Described)
    case hiddenLayerKept(post: Described, tier: Int, manager: PostID, managerTier: Int, refusals: [RefusedRemoval])
    case oneOverOneAccepted(post: Described)
    case oneOverOneKept(post: Described, refusal: Refusal)
    /// Siblings that could merge, but their manager would then lead `managerSpan`.
    case mergeWouldNarrowManager(posts: [PostID], reports: Int, rule: SpanRule, manager: PostID, managerSpan: Int)
    case notMerged(post: PostID, into: PostID, refusal: Refusal)
    case wideAccepted(post: Described, span: Int, rule: SpanRule)
    /// A dotted line to a removed post, dropped: `heir`, which takes the removed post's
    /// place, is the post itself, its manager or already a dotted line of it.
    case dottedLineDropped(post: PostID, target: PostID, heir: PostID, heirIs: Heir)
    case dottedLineMoved(post: PostID, target: PostID, heir: PostID)
    // Moves.
    /// `clears` is nil when the post itself sits in the hidden layer, else the posts of its
    /// own tier or higher under it that the removal lifts out of one.
    case removeHiddenLayer(
        post: Described, tier: Int, manager: PostID, managerTier: Int, clears: Int?, movedReports: [PostID], receiver: PostID,
        cost: CostTotal)
    case removeOneOverOne(post: Described, movedReports: [PostID], receiver: PostID, cost: CostTotal)
    case merge(
        posts: [PostID], into: Described, spans: [Int], span: Int, tier: Int?, rule: SpanRule, deleted: Int, movedReports: Int,
        cost: CostTotal)
    case needsSplit(post: Described, span: Int, tier: Int, rule: SpanRule, parts: Int, blocker: SplitBlocker)
    /// `grade` and `fromMedian` say where the new posts' cost came from.
    case split(
        post: Described, span: Int, tier: Int, rule: SpanRule, parts: Int, manager: PostID, keeps: Int, shares: [Share],
        cost: CostTotal, fromMedian: Bool, grade: String?)

    public static var codeNamespace: String { "delayer" }

    /// The English of every delayer note and move: the one place it is worded.
    public var english: String {
        switch self {
        case .managerWithoutTier(let post, let title, let span):
            "\(post) (\(title)) leads \(span) but has no tier, so no option touches it: give it the tier of its role, or decide on it by hand"
        case .hiddenLayerAccepted(let post): "\(post) is kept: its hidden layer has an agreed deviation"
        case .hiddenLayerKept(let post, let tier, let manager, let managerTier, let refusals):
            "\(post) sits in a hidden layer (tier \(tier) under \(manager), tier \(managerTier)) but is kept: "
                + refusals.map(\.argumentText).joined(separator: "; ")
        case .oneOverOneAccepted(let post): "\(post) leads one post but is kept: an agreed deviation covers it"
        case .oneOverOneKept(let post, let refusal):
            "\(post) leads one post but is kept: removing it would break a rule: \(refusal.argumentText)"
        case .mergeWouldNarrowManager(let posts, let reports, let rule, let manager, let managerSpan):
            "\(Self.list(posts)) could merge (\(reports) reports, rule \(rule)) but \(manager) would then lead \(managerSpan)"
        case .notMerged(let post, let into, let refusal): "\(post) is not merged into \(into): \(refusal.argumentText)"
        case .wideAccepted(let post, let span, let rule):
            "\(post) leads \(span) (rule \(rule)) under an agreed deviation, so it is not split"
        case .dottedLineDropped(let post, let target, let heir, let heirIs):
            "\(post)'s dotted line to \(target) is dropped: \(target) is removed, and its place passes to "
                + (heirIs == .itself
                    ? "\(post) itself" : heirIs == .ownManager ? "\(heir), \(post)'s own manager" : "\(heir), already a dotted line")
        case .dottedLineMoved(let post, let target, let heir):
            "\(post)'s dotted line to \(target) now goes to \(heir), which takes \(target)'s place"
        case .removeHiddenLayer, .removeOneOverOne, .merge, .needsSplit, .split: moveEnglish
        }
    }

    /// The sentence of a move.
    private var moveEnglish: String {
        switch self {
        case .removeHiddenLayer(let post, let tier, let manager, let managerTier, let clears, let moved, let receiver, let cost):
            let why =
                clears.map { "a hidden layer above \(Plural.grouped($0, "post")) of its own tier or higher" }
                ?? "a hidden layer (tier \(tier) under \(manager), tier \(managerTier))"
            let reports = moved.isEmpty ? "it leads no one" : "\(Self.list(moved)) move\(moved.count == 1 ? "s" : "") up to \(receiver)"
            return "Remove \(post), \(why): \(reports). \(Self.costPhrase(cost))"
        case .removeOneOverOne(let post, let moved, let receiver, let cost):
            return
                "Remove \(post), a one-over-one manager: \(Self.list(moved)) move\(moved.count == 1 ? "s" : "") up to \(receiver). \(Self.costPhrase(cost))"
        case .merge(let posts, let into, let spans, let span, let tier, let rule, let deleted, let moved, let cost):
            let sum = spans.map(String.init).joined(separator: " + ")
            return
                "Merge \(Self.list(posts)) into \(into): spans \(sum) = \(span) (tier \(tier.map(String.init) ?? "?") rule \(rule)); \(Plural.grouped(deleted, "post")) deleted, \(Plural.grouped(moved, "report")) move. \(Self.costPhrase(cost))"
        case .needsSplit(let post, let span, let tier, let rule, let parts, let blocker):
            return
                "\(post) leads \(span) (tier \(tier) rule \(rule)) and needs splitting into \(parts), which this option cannot do: \(blocker.argumentText)."
        case .split(
            let post, let span, let tier, let rule, let parts, let manager, let keeps, let shares, let cost, let fromMedian, let grade):
            let basis = fromMedian ? "the median cost of a tier \(tier) post" : "the grade table's cost of \(grade ?? "its grade")"
            let costText =
                cost.isComplete
                ? "Costs \(Figures.pounds(cost.known)) a year (\(basis))."
                : "The new post's cost is not known: no tier \(tier) post has a cost and grade \(grade ?? "(none)") is not in the grade table."
            return
                "Split \(post), leading \(span) (tier \(tier) rule \(rule)), into \(parts) under \(manager): it keeps \(keeps); \(shares.map(\.argumentText).joined(separator: "; ")). \(costText)"
        default: return ""  // not reached: `english` sends only moves here
        }
    }

    /// The first `limit` ids, then `and N more`.
    static func list(_ ids: [PostID], limit: Int = 6) -> String {
        let more = ids.count > limit ? " and \(ids.count - limit) more" : ""
        return ids.prefix(limit).map(\.rawValue).joined(separator: ", ") + more
    }

    /// `Saves £52,000 a year.`, or what is known of it.
    static func costPhrase(_ total: CostTotal) -> String {
        if total.isComplete { return "Saves \(Figures.pounds(total.known)) a year." }
        return total.known > 0 ? "Saves \(total.text) a year." : "Cost not known."
    }

    /// What the post that takes a removed post's place is to the post with a dotted line to it.
    public enum Heir: String, Sendable, Hashable {
        case itself, ownManager, alreadyDotted
    }

    /// A post as the sentences name it: `ID (Title)`, or the id alone when it has no title.
    public struct Described: Sendable, Hashable, CustomStringConvertible, DiagnosticArgumentFields {
        public var id: PostID
        public var title: String

        public init(id: PostID, title: String) {
            self.id = id
            self.title = title
        }

        public var description: String { title.isEmpty ? id.rawValue : "\(id) (\(title))" }
        package func arguments(named name: String) -> [DiagnosticArgument] {
            [DiagnosticArgument(name, .string(id.rawValue)), DiagnosticArgument(name + "Title", .string(title))]
        }
    }

    /// Why a move was refused: the rule `post` would break, at the span it would lead.
    public struct Refusal: Sendable, Hashable, DiagnosticArgumentText {
        public enum Problem: String, Sendable, Hashable {
            case narrow, wide, tierOrder, withoutTier, other
        }
        public var post: PostID
        public var problem: Problem
        public var span: Int
        public var rule: SpanRule?

        public init(post: PostID, problem: Problem, span: Int, rule: SpanRule?) {
            self.post = post
            self.problem = problem
            self.span = span
            self.rule = rule
        }

        package var argumentText: String {
            let rule = rule.map { " (rule \($0))" } ?? ""
            switch problem {
            case .narrow: return "\(post) would lead only \(span)\(rule)"
            case .wide: return "\(post) would lead \(span)\(rule)"
            case .tierOrder: return "\(post) would report to a post of its own tier or lower"
            case .withoutTier: return "\(post) would lead others without a tier"
            case .other: return "\(post) would break a rule it now meets"
            }
        }
    }

    /// A post whose removal was refused, and why.
    public struct RefusedRemoval: Sendable, Hashable, DiagnosticArgumentText {
        public var removing: PostID
        public var refusal: Refusal

        public init(removing: PostID, refusal: Refusal) {
            self.removing = removing
            self.refusal = refusal
        }

        package var argumentText: String { "removing \(removing) would break a rule: \(refusal.argumentText)" }
    }

    /// Why a wide span cannot be split in this option.
    public enum SplitBlocker: Sendable, Hashable, DiagnosticArgumentText {
        case topPost
        case unevenLines(sizes: [Int])
        case managerTooWide(manager: PostID, span: Int, rule: SpanRule?)
        case hiddenLayer
        case tooManyLayers(layer: Int, allowed: Int)

        package var argumentText: String {
            switch self {
            case .topPost: "it is a top post"
            case .unevenLines(let sizes):
                "its lines cannot be shared into spans within the rule (\(sizes.map(String.init).joined(separator: " + ")))"
            case .managerTooWide(let manager, let span, let rule): "\(manager) would then lead \(span)\(rule.map { " (rule \($0))" } ?? "")"
            case .hiddenLayer: "a new post beside it would sit in the same hidden layer"
            case .tooManyLayers(let layer, let allowed):
                "a new post beside it would be management layer \(layer), more than the \(allowed) allowed"
            }
        }
    }

    /// A new post of a split and the reports it takes.
    public struct Share: Sendable, Hashable, DiagnosticArgumentText {
        public var post: PostID
        public var span: Int
        public var reports: [PostID]

        public init(post: PostID, span: Int, reports: [PostID]) {
            self.post = post
            self.span = span
            self.reports = reports
        }

        package var argumentText: String { "\(post) takes \(span) (\(DelayeringMessage.list(reports, limit: 4)))" }
    }
}

extension CostTotal: DiagnosticArgumentFields {
    /// The known cost in pounds a year, and the posts of unknown cost when there are any.
    package func arguments(named name: String) -> [DiagnosticArgument] {
        [DiagnosticArgument(name, .decimal(known))]
            + (unknownPosts > 0 ? [DiagnosticArgument(name + "UnknownPosts", .integer(unknownPosts))] : [])
    }
}
