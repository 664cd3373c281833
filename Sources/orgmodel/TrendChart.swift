import OrgAnalysis
import OrgChart
import OrgModel
import OrgSupport

/// The trend's figures over time as a small line chart, described as DOT for Graphviz's
/// `neato` with every position pinned: one panel per figure (posts, headcount, manager
/// posts, management layers, mean span), each on its own scale, the snapshots' dates
/// (and any flags) along the bottom.
///
/// Positions are worked out here, so the same trend always gives the same DOT text.
enum TrendChart {
    /// A figure charted: its panel label, its value on a snapshot and how it is printed.
    struct Figure: Sendable {
        var label: String
        var value: @Sendable (TrendSnapshot) -> Double
        var text: @Sendable (TrendSnapshot) -> String
    }

    static let figures: [Figure] = [
        Figure(label: "Posts", value: { Double($0.posts) }, text: { Figures.grouped($0.posts) }),
        Figure(label: "Headcount", value: { Double($0.headcount) }, text: { Figures.grouped($0.headcount) }),
        Figure(label: "Manager posts", value: { Double($0.managerPosts) }, text: { Figures.grouped($0.managerPosts) }),
        Figure(label: "Management layers", value: { Double($0.managementLayers) }, text: { "\($0.managementLayers)" }),
        Figure(label: "Mean span", value: { $0.meanSpan }, text: { Figures.decimal($0.meanSpan, places: 1) }),
    ]

    /// Points: a panel's height, the gap between panels, the room left of the panels for
    /// their labels, and the distance between snapshots.
    static let panelHeight = 60.0
    static let panelGap = 45.0
    static let labelRoom = 120.0
    static let step = 95.0

    /// The chart of `trend` as DOT text, for `neato`.
    static func dot(_ trend: StructureTrend) -> String {
        let snapshots = trend.snapshots
        let width = step * Double(max(1, snapshots.count - 1))
        func x(_ offset: Int) -> Double { labelRoom + (snapshots.count > 1 ? step * Double(offset) : width / 2) }
        var lines = [
            "graph trend {",
            "  graph [layout=neato, inputscale=72, splines=line, overlap=true, outputorder=edgesfirst, pad=0.3, bgcolor=white]",
            "  node [fontname=\"Helvetica\", fontsize=9, fontcolor=\"#222222\", pin=true, shape=plaintext, margin=0, width=0, height=0]",
            "  edge [color=\"#555555\", penwidth=1.2]",
        ]
        func point(_ value: Double) -> String { Figures.plain(value, places: 1) }
        func node(_ id: String, _ px: Double, _ py: Double, _ attributes: String) {
            lines.append("  \(id) [pos=\"\(point(px)),\(point(py))!\", \(attributes)]")
        }
        let panels = figures.count
        let top = Double(panels) * (panelHeight + panelGap)
        node("title", labelRoom + width / 2, top + 10, "label=\(DOTText.quoted("Trend: " + trend.title)), fontsize=12")
        for (panel, figure) in figures.enumerated() {
            let base = Double(panels - 1 - panel) * (panelHeight + panelGap)
            let values = snapshots.map(figure.value)
            let low = values.min() ?? 0
            let high = values.max() ?? 0
            func y(_ value: Double) -> Double {
                high > low ? base + (value - low) / (high - low) * panelHeight : base + panelHeight / 2
            }
            node("label\(panel)", labelRoom - 70, base + panelHeight / 2, "label=\(DOTText.quoted(figure.label)), fontsize=10")
            node("axis\(panel)a", labelRoom - 10, base - 8, "shape=point, width=0.01, color=\"#BBBBBB\"")
            node("axis\(panel)b", labelRoom + width + 10, base - 8, "shape=point, width=0.01, color=\"#BBBBBB\"")
            lines.append("  axis\(panel)a -- axis\(panel)b [color=\"#BBBBBB\", penwidth=0.6]")
            for (offset, snapshot) in snapshots.enumerated() {
                let py = y(values[offset])
                node(
                    "p\(panel)_\(offset)", x(offset), py,
                    "shape=circle, style=filled, fillcolor=\"#222222\", width=0.07, height=0.07, fixedsize=true, label=\"\"")
                node("v\(panel)_\(offset)", x(offset), py + 10, "label=\(DOTText.quoted(figure.text(snapshot)))")
                if offset > 0 { lines.append("  p\(panel)_\(offset - 1) -- p\(panel)_\(offset)") }
            }
        }
        for (offset, snapshot) in snapshots.enumerated() {
            node("date\(offset)", x(offset), -26, "label=\(DOTText.quoted(snapshot.effective.description))")
            if !snapshot.flags.isEmpty {
                let flags = snapshot.flags.map(\.rawValue).joined(separator: ", ")
                node("flags\(offset)", x(offset), -38, "label=\(DOTText.quoted(flags)), fontsize=7, fontcolor=\"#6B6B6B\"")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
