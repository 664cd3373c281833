import OrgAnalysis
import OrgModel
import OrgSupport

/// What the one-structure and side-by-side charts write in a panel's boxes: each post's
/// title, holder and facts, each team's lines by title, findings in colour and agreed
/// deviations with numbered notes. It records what it drew, for the legend.
struct StructureLabels: PanelLabels {
    let index: StructureIndex
    let marks: FindingMarks
    let options: ChartOptions
    let scope: ChartScope
    let page: PanelPage?
    let boxLine: BoxLine
    /// The side named in footnotes ("current"), or nil in a one-structure chart.
    let side: String?
    /// The chart's numbered notes, shared by both panels of a side-by-side chart.
    var footnotes: Footnotes
    var features: StructurePanel.Features = []
    /// Labels drawn before for this structure (none outside a chart cache).
    var memo: LabelMemo?

    /// - Parameter compact: A stacked Team Manager's cell: its facts and "leads N" on one
    ///   line, the team's summary being just below.
    mutating func post(_ position: Int, compact: Bool) -> BoxFace {
        guard !numbersNotes([index.posts[position].id]) else { return drawPost(position, compact: compact) }
        let key = LabelMemo.Key.box(of: position, compact: compact, scope: scope, page: page, names: options.names)
        return remembered(key) { $0.drawPost(position, compact: compact) }
    }

    /// A team's lines by title (the largest titles, the rest in one line, so a box never
    /// outgrows a page), then its posts and FTE, and the findings of its lines.
    mutating func team(_ manager: Int, members: [Int]) -> BoxFace? {
        guard !members.isEmpty else { return nil }
        guard !numbersNotes(members.map { index.posts[$0].id }) else { return drawTeam(members) }
        return remembered(.team(members, movedOut: [], names: options.names)) { $0.drawTeam(members) }
    }

    /// Whether a box of these posts numbers a note: one of them has an accepted deviation.
    private func numbersNotes(_ posts: [PostID]) -> Bool {
        posts.contains { marks.findings(for: $0).contains { $0.severity == .accepted } }
    }

    /// The label under `key` as drawn before, with what it added to the legend; otherwise
    /// drawn by `draw` and remembered.
    private mutating func remembered(_ key: LabelMemo.Key, _ draw: (inout StructureLabels) -> BoxFace) -> BoxFace {
        guard let memo else { return draw(&self) }
        if let known = memo.entry(key) {
            features.formUnion(known.features)
            return known.face
        }
        let before = features
        features = []
        let face = draw(&self)
        memo.remember(LabelMemo.Entry(face: face, features: features), under: key)
        features.formUnion(before)
        return face
    }

    private mutating func drawPost(_ position: Int, compact: Bool) -> BoxFace {
        let post = index.posts[position]
        var style = BoxStyle()
        var label = LabelLines()
        let errors = marks.rules(for: [post.id], .error)
        let accepted = marks.rules(for: [post.id], .accepted)
        let markers = footnotes.markers(for: [post.id], in: marks, side: side)
        label.title(
            post.displayTitle, marker: Footnotes.marker(markers), markerColor: errors.isEmpty ? ChartPalette.accepted : ChartPalette.error)
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
        applyFindings(errors: errors, accepted: accepted, warnings: marks.rules(for: [post.id], .warning), to: &style, label: &label)
        return (label.html, style)
    }

    private mutating func drawTeam(_ members: [Int]) -> BoxFace {
        let posts = index.posts
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
        describe(groups, in: &label)
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
        applyFindings(
            errors: marks.rules(for: memberIDs, .error), accepted: marks.rules(for: memberIDs, .accepted),
            warnings: marks.rules(for: memberIDs, .warning), to: &style, label: &label)
        return (label.html, style)
    }

    /// A line per title shown ("6 Social Worker (1 vacant, 2 temporary): holders"), and
    /// one line totalling the titles left out.
    private func describe(_ groups: [TeamGroup], in label: inout LabelLines) {
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
    }

    func reportingKind(_ position: Int) -> ChartLine.Kind { index.posts[position].assistant ? .assistant : .reporting }

    func teamLineKind(_ members: [Int]) -> ChartLine.Kind { .reporting }

    func dottedTo(_ position: Int) -> [Int] { index.posts[position].dottedTo.compactMap { index.position(of: $0) } }

    /// Red outline and the rule names for errors; amber for accepted deviations; the names
    /// of warnings (one-over-one, tier-skip) in italics, the outline unchanged.
    private mutating func applyFindings(
        errors: [RuleID], accepted: [RuleID], warnings: [RuleID], to style: inout BoxStyle, label: inout LabelLines
    ) {
        if !warnings.isEmpty {
            label.detail("warning: " + warnings.map(\.rawValue).joined(separator: " · "), italic: true, color: ChartPalette.accepted)
            features.insert(.warning)
        }
        if !errors.isEmpty {
            style.markFinding(ChartPalette.error)
            label.detail(errors.map(\.rawValue).joined(separator: " · "), bold: true, color: ChartPalette.error)
            features.insert(.error)
        } else if !accepted.isEmpty {
            style.markFinding(ChartPalette.accepted)
        }
        if !accepted.isEmpty { features.insert(.accepted) }
    }
}

extension BoxStyle {
    /// How heavily a box with an error or an agreed deviation is outlined.
    static let findingPenWidth = 2.5

    /// A finding's outline: red for an error, amber for an agreed deviation, drawn heavy.
    mutating func markFinding(_ color: String) {
        outline = color
        penWidth = Self.findingPenWidth
    }
}
