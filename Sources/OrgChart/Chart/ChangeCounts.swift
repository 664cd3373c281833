import OrgAnalysis
import OrgModel
import OrgSupport

/// The change chart's legend, counting the records drawn of each kind, and its summary
/// notes (net cost, temporary posts made permanent).
struct ChangeCounts {
    var deleted = 0
    var created = 0
    var moved = 0
    var retitled = 0
    var retiered = 0
    var regraded = 0
    /// Kept posts changed in some other way (FTE, cost, headcount, permanence, dotted lines).
    var otherwise = 0
    var unchanged = 0

    /// Counts the records at `positions` (the posts a chart draws).
    init(diff: StructureDiff, positions: [Int]) {
        for position in positions {
            let change = diff.changes[position]
            switch change.status {
            case .deleted: deleted += 1
            case .created: created += 1
            case .kept:
                let aspects = Set(change.aspects)
                if aspects.contains(.reportingLine) { moved += 1 }
                if aspects.contains(.title) { retitled += 1 }
                if aspects.contains(.tier) { retiered += 1 }
                if aspects.contains(.grade) { regraded += 1 }
                let other = aspects.subtracting([.reportingLine, .title, .tier, .grade, .vacancies])
                if !other.isEmpty && aspects.isDisjoint(with: [.reportingLine, .title, .tier, .grade]) { otherwise += 1 }
                if ChangeLook(change) == .unchanged { unchanged += 1 }
            }
        }
    }

    /// Key entries, each with its count; a post changed in several ways counts under each.
    var legend: [LegendEntry] {
        func entry(_ look: ChangeLook, _ meaning: String) -> LegendEntry {
            LegendEntry(sample: .box(look.style), meaning: DOTText.html(meaning))
        }
        var unchangedStyle = ChangeLook.unchanged.style
        unchangedStyle.penWidth = 1
        return [
            entry(.deleted, "Deleted, struck through: \(deleted)"),
            entry(.created, "New: \(created)"),
            entry(.moved, "Moved (reporting line changed): \(moved)"),
            LegendEntry(sample: .line(color: ChartPalette.former, dashed: true), meaning: "Former reporting line of a moved post"),
            entry(.changed, "Retitled: \(retitled)"),
            entry(.changed, "Re-tiered: \(retiered)"),
            entry(.changed, "Re-graded: \(regraded)"),
            entry(.changed, "Changed otherwise (FTE, cost, posts, permanence): \(otherwise)"),
            LegendEntry(sample: .box(unchangedStyle), meaning: DOTText.html("Unchanged: \(unchanged)")),
            LegendEntry(
                sample: .text("<FONT POINT-SIZE=\"9\">\(ChartPalette.bold("NEW"))</FONT>"),
                meaning: "Boxes name their changes (counts: posts, lines)"),
        ]
    }

    /// "Annual cost: £1,200,000 → £1,286,000; net change +£86,000 a year" and "4 posts
    /// made permanent", costed as `orgmodel analyse` and `compare` cost them.
    static func summary(diff: StructureDiff, current: RuleSet, proposed: RuleSet) -> [String] {
        let before = PostCosting(rules: current)
        let after = PostCosting(rules: proposed)
        let net = DiffCosts(diff, before: before, after: after).net
        var lines = [
            "Annual cost: \(before.total(diff.current.posts).text) → \(after.total(diff.proposed.posts).text); net change \(net.text)."
        ]
        let permanent = diff.changes.filter { $0.aspects.contains(.madePermanent) }.reduce(0) { $0 + ($1.proposed?.count ?? 0) }
        if permanent > 0 {
            lines.append("\(Plural.grouped(permanent, "post")) changing from temporary to permanent.")
        }
        return lines
    }
}
