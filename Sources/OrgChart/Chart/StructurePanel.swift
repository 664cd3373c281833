import OrgModel
import OrgSupport

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
        static let reference = Features(rawValue: 512)
        static let stack = Features(rawValue: 1024)
    }

    /// A chartbook page's references: posts whose branches continue on other pages.
    let page: PanelPage?

    /// Element ids and box lines shared by a chartbook's pages.
    let shared: ChartCache.Side?

    init(
        index: StructureIndex, marks: FindingMarks, options: ChartOptions, scope: ChartScope, idPrefix: String,
        nameKey: String, side: String?, page: PanelPage? = nil, shared: ChartCache.Side? = nil
    ) {
        self.shared = shared
        self.index = index
        self.marks = marks
        self.options = options
        self.scope = scope
        self.idPrefix = idPrefix
        self.nameKey = nameKey
        self.side = side
        self.page = page
    }

    func build(key: String, heading: String?, footnotes: inout Footnotes) -> (panel: ChartPanel, features: Features) {
        let posts = index.posts
        let layout = PanelLayout(index: index, scope: scope, stacks: options.page != nil && options.stacks)
        var features: Features = []
        var boxes: [ChartBox] = []
        var lines: [ChartLine] = []
        let ids = shared?.ids ?? ElementIDs(posts: posts, duplicates: index.duplicatePositions)
        let boxLine = shared?.boxLine ?? BoxLine(index: index, field: options.boxLine)

        func bandName(_ manager: Int, _ row: ChartRow) -> String {
            "\(nameKey)s\(manager)_\(row.slug.replacingOccurrences(of: "-", with: "_"))"
        }
        func boxName(_ position: Int) -> String {
            if let leader = layout.teamOf[position], let manager = layout.stackOf[leader] {
                return bandName(manager, layout.row[leader]) + ":c\(leader)"
            }
            if let manager = layout.stackOf[position] { return bandName(manager, layout.row[position]) + ":c\(position)" }
            if let manager = layout.teamOf[position] { return "\(nameKey)t\(manager)" }
            return "\(nameKey)\(position)"
        }
        func elementID(_ position: Int) -> String {
            if let manager = layout.teamOf[position] { return idPrefix + ids[manager] + "/front-line" }
            if let reference = page?.reference(position) { return idPrefix + ids[position] + "/see-p\(reference)" }
            return idPrefix + ids[position]
        }

        /// - Parameter compact: A stacked Team Manager's cell: its facts and "leads N" on one
        ///   line, the team's summary being just below.
        func postLabel(_ position: Int, compact: Bool = false) -> (label: String, style: BoxStyle) {
            let post = posts[position]
            var style = BoxStyle()
            var label = LabelLines()
            let errors = marks.rules(for: [post.id], .error)
            let accepted = marks.rules(for: [post.id], .accepted)
            let markers = footnotes.markers(for: [post.id], in: marks, side: side)
            label.title(
                post.displayTitle, marker: Footnotes.marker(markers),
                markerColor: errors.isEmpty ? ChartPalette.accepted : ChartPalette.error)
            if let extra = boxLine.text(for: position) { label.detail(extra, color: ChartPalette.muted) }
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
            var leads: [String] = []
            if index.span[position] > 0 {
                if compact { facts.append("leads \(index.span[position])") } else { leads.append("leads \(index.span[position])") }
            }
            if !facts.isEmpty { label.detail(facts.joined(separator: " · "), color: ChartPalette.muted) }
            if let reference = page?.reference(position) {
                if let rollUp = page?.rollUp(position, index, marks) { label.append(rollUpLines: rollUp) }
                label.reference(reference, continued: page?.continuedFrom(position) ?? false)
                features.insert(.reference)
            } else if scope.hiddenBelow[position] > 0 {
                leads.append("\(Plural.count(scope.hiddenBelow[position], "post")) below not shown")
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
            return (label.html, style)
        }

        func teamLabel(_ members: [Int]) -> (label: String, style: BoxStyle) {
            let memberIDs = members.map { posts[$0].id }
            var label = LabelLines()
            var style = BoxStyle()
            style.fill = ChartPalette.teamFill
            features.insert(.team)
            var headcount = 0
            var vacant = 0
            var fte: Double? = 0
            let groups = TeamGroup.groups(members.map { posts[$0] })
            for group in groups {
                headcount += group.count
                vacant += group.vacant
                if group.temporary > 0 { features.insert(.temporary) }
                if let groupFTE = group.fte, let total = fte { fte = total + groupFTE } else { fte = nil }
            }
            // The largest titles, and the rest in one line, so a box never outgrows a page.
            let shown = TeamGroup.largest(groups, limit: TeamGroup.titlesShown)
            for group in shown {
                var text = "\(group.count) \(group.title)"
                var notes: [String] = []
                if group.vacant > 0 { notes.append("\(group.vacant) vacant") }
                if group.temporary > 0 { notes.append("\(group.temporary) temporary") }
                if !notes.isEmpty { text += " (\(notes.joined(separator: ", ")))" }
                if options.names == .all, !group.holders.isEmpty { text += ": " + group.holders.joined(separator: ", ") }
                label.detail(text, maxLines: 3)
            }
            if groups.count > shown.count {
                let rest = groups.count - shown.count
                let restPosts = groups.reduce(0) { $0 + $1.count } - shown.reduce(0) { $0 + $1.count }
                label.detail("and \(Plural.count(rest, "more title")), \(Plural.count(restPosts, "post"))", italic: true)
            }
            var summary = Plural.count(headcount, "post")
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
            return (label.html, style)
        }

        var teamMembers: [Int: [Int]] = [:]
        for position in layout.drawnInOrder {
            if let leader = layout.teamOf[position] { teamMembers[leader, default: []].append(position) }
        }

        for item in layout.order {
            switch item {
            case .post(let position):
                let (label, style) = postLabel(position)
                boxes.append(
                    ChartBox(
                        name: boxName(position), elementID: elementID(position), row: layout.row[position],
                        label: label, style: style, href: page?.reference(position).map { page!.href($0) }))
            case .team(let manager, let members):
                let (label, style) = teamLabel(members)
                boxes.append(
                    ChartBox(
                        name: "\(nameKey)t\(manager)", elementID: idPrefix + ids[manager] + "/front-line",
                        row: .frontLine, label: label, style: style))
            case .stack(let manager, let leaders, let row):
                var cells: [ChartCell] = []
                for leader in leaders {
                    let (label, style) = postLabel(leader, compact: true)
                    let members = teamMembers[leader] ?? []
                    let team = members.isEmpty ? nil : teamLabel(members)
                    cells.append(
                        ChartCell(
                            elementID: idPrefix + ids[leader], port: "c\(leader)", label: label, style: style,
                            team: team?.label, teamStyle: team?.style))
                }
                boxes.append(
                    ChartBox(
                        name: bandName(manager, row), elementID: idPrefix + ids[manager] + "/stack-" + row.slug, row: row,
                        label: "", style: BoxStyle(), cells: cells, columns: BandShape.columns(for: cells.count)))
                features.insert(.stack)
            }
        }

        // Reporting lines, then dotted lines, in the order the boxes were drawn.
        for item in layout.order {
            switch item {
            case .post(let position):
                guard let manager = index.manager[position], scope.drawn[manager] else { continue }
                let assistant = posts[position].assistant
                lines.append(
                    ChartLine(
                        from: boxName(manager), to: boxName(position), kind: assistant ? .assistant : .reporting,
                        constrains: !assistant && layout.row[position] > layout.row[manager],
                        elementID: elementID(manager) + "->" + elementID(position)))
            case .team(let manager, _):
                lines.append(
                    ChartLine(
                        from: boxName(manager), to: "\(nameKey)t\(manager)", kind: .reporting,
                        constrains: ChartRow.frontLine > layout.row[manager],
                        elementID: elementID(manager) + "->" + idPrefix + ids[manager] + "/front-line"))
            case .stack(let manager, _, let row):
                lines.append(
                    ChartLine(
                        from: boxName(manager), to: bandName(manager, row), kind: .reporting,
                        constrains: row > layout.row[manager],
                        elementID: elementID(manager) + "->" + idPrefix + ids[manager] + "/stack-" + row.slug))
            }
        }
        var dotted = Set<[String]>()
        for position in layout.drawnInOrder {
            for target in posts[position].dottedTo {
                guard let from = index.position(of: target), scope.drawn[from], from != position else { continue }
                let (tail, head) = (boxName(from), boxName(position))
                guard tail != head, dotted.insert([tail, head]).inserted else { continue }
                // Rows are pinned by the label column and each row's order by its chain, so a
                // downward dotted line (weight 0) cannot move a box; it keeps its constraint
                // so that Graphviz routes it directly rather than around the chart.
                lines.append(
                    ChartLine(
                        from: tail, to: head, kind: .dotted,
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
            entries.append(LegendEntry(sample: .box(style), meaning: "Assistant, beside its post (not in spans)"))
        }
        if features.contains(.error) {
            var style = BoxStyle()
            style.outline = ChartPalette.error
            style.penWidth = 2.5
            entries.append(LegendEntry(sample: .box(style), meaning: "Breaks a rule (named in red in the box)"))
        }
        if features.contains(.warning) {
            entries.append(
                LegendEntry(
                    sample: .text("<FONT POINT-SIZE=\"9\" COLOR=\"\(ChartPalette.accepted)\"><I>warning</I></FONT>"),
                    meaning: "Warning (one-over-one, tier-skip…) in the box"))
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
        if features.contains(.stack) {
            entries.append(
                LegendEntry(
                    sample: .text(ChartPalette.bold("▤")), meaning: "Team Managers stacked, each with its team"))
        }
        if features.contains(.reference) {
            entries.append(
                LegendEntry(
                    sample: .text(ChartPalette.bold("→ p. N")), meaning: "Branch continued on page N: its totals"))
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

    /// How many titles a team box lists before totalling the rest.
    static let titlesShown = 6

    /// The `limit` largest groups by headcount (ties in first-seen order), in first-seen
    /// order; all of them when there are at most `limit + 1` (a line for one title is no
    /// shorter than the title itself).
    static func largest(_ groups: [TeamGroup], limit: Int) -> [TeamGroup] {
        guard groups.count > limit + 1 else { return groups }
        let keep = Set(groups.indices.sorted { (groups[$0].count, -$0) > (groups[$1].count, -$1) }.prefix(limit))
        return groups.indices.filter(keep.contains).map { groups[$0] }
    }
}
