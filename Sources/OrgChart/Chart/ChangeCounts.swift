import OrgAnalysis
import OrgModel
import OrgSupport

/// The change chart's legend, counting the records drawn of each kind, and its summary
/// notes (net cost, temporary posts made permanent).
struct ChangeCounts {
    /// The records drawn, which the legend counts.
    let drawn: [PostChange]

    /// Counts the records at `positions` (the posts a chart draws).
    init(diff: StructureDiff, positions: [Int]) {
        drawn = positions.map { diff.changes[$0] }
    }

    /// Kept posts changed in some other way (FTE, cost, headcount, permanence, dotted lines).
    var otherwise: Int {
        let named: Set<PostChange.Aspect> = [.reportingLine, .title, .tier, .grade]
        return drawn.count { change in
            let aspects = Set(change.aspects)
            return !aspects.subtracting(named.union([.vacancies])).isEmpty && aspects.isDisjoint(with: named)
        }
    }

    var unchanged: Int { drawn.count { $0.status == .kept && ChangeLook($0) == .unchanged } }

    /// Key entries, each with its count; a post changed in several ways counts under each.
    var legend: [LegendEntry] {
        func entry(_ look: ChangeLook, _ meaning: String) -> LegendEntry {
            LegendEntry(sample: .box(look.style), meaning: DOTText.html(meaning))
        }
        var unchangedStyle = ChangeLook.unchanged.style
        unchangedStyle.penWidth = 1
        return [
            entry(.deleted, "Deleted, struck through: \(drawn.count(.deleted))"),
            entry(.created, "New: \(drawn.count(.created))"),
            entry(.moved, "Moved (reporting line changed): \(drawn.count(.reportingLine))"),
            LegendEntry(sample: .line(color: ChartPalette.former, dashed: true), meaning: "Former reporting line of a moved post"),
            entry(.changed, "Retitled: \(drawn.count(.title))"),
            entry(.changed, "Re-tiered: \(drawn.count(.tier))"),
            entry(.changed, "Re-graded: \(drawn.count(.grade))"),
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
