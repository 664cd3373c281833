import OrgAnalysis
import OrgModel
import OrgSupport

/// How a change chart draws one record: its look (deleted, new, moved, changed,
/// unchanged) and the words that say what changed.
enum ChangeLook: CaseIterable {
    case deleted, created, moved, changed, unchanged

    /// Aspects that make a kept post "changed" (besides a move). A vacancy filled or
    /// opened is not a change of structure.
    static let changeAspects: Set<PostChange.Aspect> = Set(PostChange.Aspect.allCases).subtracting([.reportingLine, .vacancies])

    init(_ change: PostChange) {
        switch change.status {
        case .deleted: self = .deleted
        case .created: self = .created
        case .kept:
            if change.aspects.contains(.reportingLine) {
                self = .moved
            } else if change.aspects.contains(where: ChangeLook.changeAspects.contains) {
                self = .changed
            } else {
                self = .unchanged
            }
        }
    }

    var style: BoxStyle {
        var style = BoxStyle()
        switch self {
        case .deleted: (style.outline, style.fill, style.penWidth) = (ChartPalette.error, ChartPalette.errorFill, 2)
        case .created: (style.outline, style.fill, style.penWidth) = (ChartPalette.created, ChartPalette.createdFill, 2)
        case .moved: (style.outline, style.fill, style.penWidth) = (ChartPalette.moved, ChartPalette.movedFill, 2)
        case .changed: (style.outline, style.fill, style.penWidth) = (ChartPalette.changed, ChartPalette.changedFill, 2)
        case .unchanged: (style.outline, style.fontColor) = (ChartPalette.unchanged, ChartPalette.muted)
        }
        return style
    }

    var color: String {
        switch self {
        case .deleted: ChartPalette.error
        case .created: ChartPalette.created
        case .moved: ChartPalette.moved
        case .changed: ChartPalette.changed
        case .unchanged: ChartPalette.muted
        }
    }
}

enum ChangeLabel {
    /// The words naming each change to a post: "MOVED · RETITLED".
    static func marks(_ change: PostChange) -> [String] {
        switch change.status {
        case .deleted: return ["DELETED"]
        case .created: return ["NEW"]
        case .kept: break
        }
        var marks: [String] = []
        for aspect in change.aspects {
            switch aspect {
            case .reportingLine: marks.append("MOVED")
            case .title: marks.append("RETITLED")
            case .tier: marks.append("RE-TIERED")
            case .grade: marks.append("RE-GRADED")
            case .madePermanent: marks.append("MADE PERMANENT")
            case .madeTemporary: marks.append("MADE TEMPORARY")
            case .fte, .cost, .headcount, .dottedLines:
                if !marks.contains("CHANGED") { marks.append("CHANGED") }
            case .vacancies: break
            }
        }
        return marks
    }

    /// A post's box: marks, title, then each change as "was" or "old → new".
    /// `errors` are the rules the post breaks in the proposed structure: said in red on
    /// the box, whatever its change, so a change that makes things worse is seen.
    static func post(
        _ change: PostChange, names: NamePolicy, merged: MergedStructure, hidden: Int, errors: [Finding] = []
    ) -> BoxFace {
        let look = ChangeLook(change)
        var style = look.style
        var label = LabelLines()
        guard let post = change.proposed ?? change.current else { return ("", style) }
        let marks = marks(change)
        if !marks.isEmpty { label.detail(marks.joined(separator: " · "), bold: true, color: look.color, size: 9) }
        label.title(post.displayTitle, struck: look == .deleted)
        let old = change.current
        let aspects = Set(change.aspects)
        if aspects.contains(.title), let old { label.detail("was: \(old.displayTitle)", italic: true, color: look.color) }
        if post.isVacant {
            label.detail("Vacant", italic: true, color: ChartPalette.muted)
            style.dashed = true
        } else if names.showsHolder(of: post), let holder = post.holder, !holder.isEmpty {
            label.detail(holder, italic: true, size: 10)
        }
        var facts: [String] = []
        if aspects.contains(.grade), let old {
            facts.append("grade \(old.grade ?? "none") → \(post.grade ?? "none")")
        } else if let grade = post.grade, !grade.isEmpty {
            facts.append(grade)
        }
        if aspects.contains(.fte), let old {
            facts.append("\(old.fte.map(Amounts.fte) ?? "?") → \(post.fte.map(Amounts.fte) ?? "?") FTE")
        } else if let fte = post.fte {
            facts.append("\(Amounts.fte(fte)) FTE")
        }
        if !facts.isEmpty {
            label.detail(facts.joined(separator: " · "), color: aspects.isDisjoint(with: [.grade, .fte]) ? ChartPalette.muted : look.color)
        }
        if aspects.contains(.tier), let old {
            label.detail("tier \(old.tier.map(String.init) ?? "none") → \(post.tier.map(String.init) ?? "none")", color: look.color)
        }
        if aspects.contains(.headcount), let old { label.detail("posts \(old.count) → \(post.count)", color: look.color) }
        if aspects.contains(.cost), let old {
            label.detail("cost \(pounds(old.cost)) → \(pounds(post.cost))", color: look.color)
        }
        if aspects.contains(.madePermanent) { label.detail("temporary → permanent", color: look.color) }
        if aspects.contains(.madeTemporary) { label.detail("permanent → temporary", color: look.color) }
        if aspects.contains(.dottedLines) { label.detail("dotted lines changed", color: look.color) }
        // Filling or opening a vacancy is no change of structure (the box keeps its colour),
        // but the chart still says so, as compare does.
        if aspects.contains(.vacancies), let old {
            label.detail(
                post.count == 1 && old.count == 1
                    ? (post.isVacant ? "was filled" : "vacancy filled") : "vacant \(old.vacant) → \(post.vacant)",
                color: ChartPalette.muted)
        }
        if aspects.contains(.reportingLine), let old {
            label.detail("moved from \(merged.currentManagerName(old.reportsTo))", italic: true, color: look.color)
        }
        if change.matchedByReplacement, let old { label.detail("replaces \(old.id.rawValue)", italic: true, color: ChartPalette.muted) }
        var leads: [String] = []
        if let position = merged.position(ofPost: post.id), merged.span[position] > 0 { leads.append("leads \(merged.span[position])") }
        if hidden > 0 { leads.append("\(Plural.count(hidden, "post")) below not shown") }
        if !leads.isEmpty { label.detail(leads.joined(separator: " · "), color: look == .unchanged ? ChartPalette.muted : nil) }
        for finding in errors.prefix(2) {
            label.detail("breaks \(finding.rule.rawValue): \(finding.message)", color: ChartPalette.error)
        }
        if !errors.isEmpty, look == .unchanged {
            // An unchanged post that breaks a rule in the proposal is outlined red.
            style.outline = ChartPalette.error
            style.penWidth = 2
        }
        return (label.html, style)
    }

    /// A front-line team: one line per title and kind of change — "6 → 8 Social Worker"
    /// for lines that stay, "+3 Social Worker: new", "+4 Social Worker: moved in from …",
    /// "−2 Social Worker: moved to …", struck-through deleted lines — and the team's posts
    /// before → after, counting lines moved in only after and lines moved out only before.
    ///
    /// `members` are the records placed in this team (kept, new, moved in, deleted);
    /// `movedOut` the kept lines that were in it and now sit in another team.
    static func team(_ members: [PostChange], movedOut: [PostChange] = [], merged: MergedStructure) -> BoxFace {
        let team = TeamChange(members: members, movedOut: movedOut, merged: merged)
        return (team.label, team.style)
    }

    static func pounds(_ value: Double?) -> String {
        value.map { Figures.pounds($0) } ?? "unknown"
    }
}
