import OrgModel

/// Draws the posts of one validated structure as a panel: a box per post, front-line
/// lines under a manager collapsed into one box of counts by title, assistants beside
/// their manager, findings in colour.
///
/// Used alone by the one-structure chart and twice (current, proposed) by the
/// side-by-side chart.
struct StructurePanel {
    let index: StructureIndex
    let marks: FindingMarks
    let options: ChartOptions
    let scope: ChartScope
    /// Prefix of every element id ("" or "current-"/"proposed-").
    let idPrefix: String
    /// Prefix of the generated DOT node names, unique per panel.
    let nameKey: String
    /// The side named in footnotes ("current"), or nil in a one-structure chart.
    let side: String?

    /// What was drawn, for the legend.
    struct Features: OptionSet {
        let rawValue: Int
        static let vacant = Features(rawValue: 1)
        static let assistant = Features(rawValue: 2)
        static let team = Features(rawValue: 4)
        static let error = Features(rawValue: 8)
        static let accepted = Features(rawValue: 16)
        static let dotted = Features(rawValue: 32)
        static let hidden = Features(rawValue: 64)
        static let temporary = Features(rawValue: 128)
        static let warning = Features(rawValue: 256)
    }

    func build(key: String, heading: String?, footnotes: inout Footnotes) -> (panel: ChartPanel, features: Features) {
        let posts = index.posts
        let layout = PanelLayout(index: index, scope: scope)
        var features: Features = []
        var boxes: [ChartBox] = []
        var lines: [ChartLine] = []

        let ids = ElementIDs(posts: posts, duplicates: index.duplicatePositions)
        func boxName(_ position: Int) -> String {
            if let manager = layout.teamOf[position] { return "\(nameKey)t\(manager)" }
            return "\(nameKey)\(position)"
        }
        func elementID(_ position: Int) -> String {
            if let manager = layout.teamOf[position] { return idPrefix + ids[manager] + "/front-line" }
            return idPrefix + ids[position]
        }

        for item in layout.order {
            switch item {
            case .post(let position):
                let post = posts[position]
                var style = BoxStyle()
                var label = LabelLines()
                let errors = marks.rules(for: [post.id], .error)
                let accepted = marks.rules(for: [post.id], .accepted)
                let markers = footnotes.markers(for: [post.id], in: marks, side: side)
                label.title(
                    post.displayTitle, marker: Footnotes.marker(markers),
                    markerColor: errors.isEmpty ? ChartPalette.accepted : ChartPalette.error)
                if post.count > 1 {
                    var text = "\(post.count) posts"
                    if post.vacant > 0 { text += " (\(post.vacant) vacant)" }
                    label.detail(text)
                }
                if post.isVacant {
                    label.detail("Vacant", italic: true, color: ChartPalette.muted)
                    style.dashed = true
                    features.insert(.vacant)
                } else if options.names.showsHolder(of: post), let holder = post.holder, !holder.isEmpty {
                    label.detail(holder, italic: true, size: 10)
                }
                var facts: [String] = []
                if let grade = post.grade, !grade.isEmpty { facts.append(grade) }
                if let fte = post.fte { facts.append("\(Amounts.fte(fte)) FTE") }
                if post.temporary {
                    facts.append("temporary")
                    features.insert(.temporary)
                }
                if !facts.isEmpty { label.detail(facts.joined(separator: " · "), color: ChartPalette.muted) }
                var leads: [String] = []
                if index.span[position] > 0 { leads.append("leads \(index.span[position])") }
                if scope.hiddenBelow[position] > 0 {
                    leads.append("\(Amounts.posts(scope.hiddenBelow[position])) below not shown")
                    features.insert(.hidden)
                }
                if !leads.isEmpty { label.detail(leads.joined(separator: " · ")) }
                if post.assistant {
                    style.rounded = true
                    style.fill = ChartPalette.assistantFill
                    features.insert(.assistant)
                }
                Self.applyFindings(
                    errors: errors, accepted: accepted, warnings: marks.rules(for: [post.id], .warning),
                    to: &style, label: &label, features: &features)
                boxes.append(ChartBox(
                    name: boxName(position), elementID: elementID(position), row: layout.row[position],
                    label: label.html, style: style))

            case .team(let manager, let members):
                let memberIDs = members.map { posts[$0].id }
                var label = LabelLines()
                var style = BoxStyle()
                style.fill = ChartPalette.teamFill
                features.insert(.team)
                var headcount = 0
                var vacant = 0
                var fte: Double? = 0
                for group in TeamGroup.groups(members.map { posts[$0] }) {
                    var text = "\(group.count) \(group.title)"
                    var notes: [String] = []
                    if group.vacant > 0 { notes.append("\(group.vacant) vacant") }
                    if group.temporary > 0 { notes.append("\(group.temporary) temporary") }
                    if !notes.isEmpty { text += " (\(notes.joined(separator: ", ")))" }
                    if options.names == .all, !group.holders.isEmpty { text += ": " + group.holders.joined(separator: ", ") }
                    label.detail(text, size: 10)
                    headcount += group.count
                    vacant += group.vacant
                    if group.temporary > 0 { features.insert(.temporary) }
                    if let groupFTE = group.fte, let total = fte { fte = total + groupFTE } else { fte = nil }
                }
                var summary = Amounts.posts(headcount)
                if let fte { summary += " · \(Amounts.fte(fte)) FTE" }
                label.detail(summary, color: ChartPalette.muted)
                if vacant >= headcount && headcount > 0 {
                    style.dashed = true
                    features.insert(.vacant)
                }
                let markers = footnotes.markers(for: memberIDs, in: marks, side: side)
                if let marker = Footnotes.marker(markers) {
                    label.detail("accepted \(marker)", color: ChartPalette.accepted)
                }
                Self.applyFindings(
                    errors: marks.rules(for: memberIDs, .error), accepted: marks.rules(for: memberIDs, .accepted),
                    warnings: marks.rules(for: memberIDs, .warning), to: &style, label: &label, features: &features)
                boxes.append(ChartBox(
                    name: "\(nameKey)t\(manager)", elementID: idPrefix + ids[manager] + "/front-line",
                    row: .frontLine, label: label.html, style: style))
            }
        }

        // Reporting lines, then dotted lines, in the order the boxes were drawn.
        for item in layout.order {
            switch item {
            case .post(let position):
                guard let manager = index.manager[position], scope.drawn[manager] else { continue }
                let assistant = posts[position].assistant
                lines.append(ChartLine(
                    from: boxName(manager), to: boxName(position), kind: assistant ? .assistant : .reporting,
                    constrains: !assistant && layout.row[position] > layout.row[manager],
                    elementID: elementID(manager) + "->" + elementID(position)))
            case .team(let manager, _):
                lines.append(ChartLine(
                    from: boxName(manager), to: "\(nameKey)t\(manager)", kind: .reporting,
                    constrains: ChartRow.frontLine > layout.row[manager],
                    elementID: elementID(manager) + "->" + idPrefix + ids[manager] + "/front-line"))
            }
        }
        var dotted = Set<[Int]>()
        for position in layout.drawnInOrder {
            for target in posts[position].dottedTo {
                guard let from = index.position(of: target), scope.drawn[from], from != position else { continue }
                let pair = [from, layout.teamOf[position] ?? -1 - position]
                guard dotted.insert(pair).inserted else { continue }
                // Rows are pinned by the label column and each row's order by its chain, so a
                // downward dotted line (weight 0) cannot move a box; it keeps its constraint
                // so that Graphviz routes it directly rather than around the chart.
                lines.append(ChartLine(
                    from: boxName(from), to: boxName(position), kind: .dotted,
                    constrains: layout.row[position] > layout.row[from],
                    elementID: "dotted:" + elementID(from) + "->" + elementID(position)))
                features.insert(.dotted)
            }
        }
        return (ChartPanel(heading: heading, key: key, boxes: boxes, lines: lines), features)
    }

    /// Red outline and the rule names for errors; amber for accepted deviations; the names
    /// of warnings (one-over-one, tier-skip) in italics, the outline unchanged.
    static func applyFindings(
        errors: [RuleID], accepted: [RuleID], warnings: [RuleID] = [], to style: inout BoxStyle, label: inout LabelLines,
        features: inout Features
    ) {
        if !warnings.isEmpty {
            label.detail("warning: " + warnings.map(\.rawValue).joined(separator: " · "), italic: true, color: ChartPalette.accepted)
            features.insert(.warning)
        }
        if !errors.isEmpty {
            style.outline = ChartPalette.error
            style.penWidth = 2.5
            label.detail(errors.map(\.rawValue).joined(separator: " · "), bold: true, color: ChartPalette.error)
            features.insert(.error)
        } else if !accepted.isEmpty {
            style.outline = ChartPalette.accepted
            style.penWidth = 2.5
        }
        if !accepted.isEmpty { features.insert(.accepted) }
    }

    /// The legend entries for what a panel drew.
    static func legend(for features: Features) -> [LegendEntry] {
        var entries = [LegendEntry(sample: .box(BoxStyle()), meaning: "Post: title, holder, grade · FTE, direct reports")]
        if features.contains(.team) {
            var style = BoxStyle()
            style.fill = ChartPalette.teamFill
            entries.append(LegendEntry(sample: .box(style), meaning: "Front-line team: posts by title, with vacancies"))
        }
        if features.contains(.vacant) {
            var style = BoxStyle()
            style.dashed = true
            entries.append(LegendEntry(sample: .box(style), meaning: "Vacant"))
        }
        if features.contains(.assistant) {
            var style = BoxStyle()
            style.rounded = true
            style.fill = ChartPalette.assistantFill
            entries.append(LegendEntry(sample: .box(style), meaning: "Assistant, beside the post it supports (not in spans)"))
        }
        if features.contains(.error) {
            var style = BoxStyle()
            style.outline = ChartPalette.error
            style.penWidth = 2.5
            entries.append(LegendEntry(sample: .box(style), meaning: "Breaks a rule (named in red in the box)"))
        }
        if features.contains(.warning) {
            entries.append(LegendEntry(
                sample: .text("<FONT POINT-SIZE=\"8\" COLOR=\"\(ChartPalette.accepted)\"><I>warning</I></FONT>"),
                meaning: "A warning (one-over-one, tier-skip, …), named in the box"))
        }
        if features.contains(.accepted) {
            var style = BoxStyle()
            style.outline = ChartPalette.accepted
            style.penWidth = 2.5
            entries.append(LegendEntry(sample: .box(style), meaning: "Agreed deviation from a rule [n]: see the note"))
        }
        if features.contains(.dotted) {
            entries.append(LegendEntry(sample: .line(color: ChartPalette.dotted, dashed: true), meaning: "Dotted (matrix) reporting line"))
        }
        return entries
    }
}

/// Ids for SVG elements: each post's own id, with `#2`, `#3` after a repeated one so
/// that every element id stays unique.
struct ElementIDs {
    private let ids: [String]

    init(posts: [Post], duplicates: [Int]) {
        var ids = posts.map(\.id.rawValue)
        var seen: [PostID: Int] = [:]
        for position in duplicates {
            let next = (seen[posts[position].id] ?? 1) + 1
            seen[posts[position].id] = next
            ids[position] += "#\(next)"
        }
        self.ids = ids
    }

    subscript(position: Int) -> String { ids[position] }
}

/// Front-line lines of one team, grouped by title: "6 Social Worker (1 vacant)".
struct TeamGroup: Equatable {
    var title: String
    var count = 0
    var vacant = 0
    var temporary = 0
    var fte: Double? = 0
    var holders: [String] = []

    /// Groups by title in the order titles first appear.
    static func groups(_ posts: [Post]) -> [TeamGroup] {
        var groups: [TeamGroup] = []
        var slot: [String: Int] = [:]
        for post in posts {
            let title = post.displayTitle
            let at: Int
            if let existing = slot[title] {
                at = existing
            } else {
                at = groups.count
                slot[title] = at
                groups.append(TeamGroup(title: title))
            }
            groups[at].count += post.count
            groups[at].vacant += min(post.vacant, post.count)
            if post.temporary { groups[at].temporary += post.count }
            if let fte = post.fte, let total = groups[at].fte { groups[at].fte = total + fte } else { groups[at].fte = nil }
            if let holder = post.holder, !holder.isEmpty, !post.isVacant { groups[at].holders.append(holder) }
        }
        return groups
    }
}
