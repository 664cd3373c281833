import OrgAnalysis
import OrgModel
import OrgSupport

/// A front-line team's change, summed up by title and kind of change: what the change
/// chart writes in a team's box, and the box's colour.
struct TeamChange {
    /// What happened to a group of lines.
    enum Kind { case stays, new, movedIn, movedOut, deleted }

    /// The lines of one title that changed in one way.
    struct Group {
        var title: String
        var kind: Kind
        var before = 0
        var after = 0
        var vacantAfter = 0
        var changed = false
        /// Where lines moved in from or out to.
        var places: [String] = []
        /// What changed about lines that stay, in words ("permanent → temporary").
        var notes: [String] = []
    }

    private(set) var groups = OrderedGroups<Group>()
    /// The looks of the records counted, which set the box's colour.
    private(set) var looks = Set<ChangeLook>()
    /// The team's posts before the change (lines moved out included).
    private(set) var before = 0
    /// The team's posts after the change (lines moved in included).
    private(set) var after = 0
    private let merged: MergedStructure

    /// - Parameters:
    ///   - members: The records placed in this team (kept, new, moved in, deleted).
    ///   - movedOut: The kept lines that were in it and now sit in another team.
    init(members: [PostChange], movedOut: [PostChange], merged: MergedStructure) {
        self.merged = merged
        for change in members {
            let look = ChangeLook(change)
            looks.insert(look)
            switch look {
            case .created: add(change, as: .new)
            case .deleted: add(change, as: .deleted)
            case .moved: add(change, as: .movedIn)
            case .changed, .unchanged: add(change, as: .stays)
            }
        }
        for change in movedOut {
            looks.insert(.moved)
            add(change, as: .movedOut)
        }
    }

    /// Counts a record in the group of its title and kind: a line that left the team as
    /// it was, any other as it is now.
    private mutating func add(_ change: PostChange, as kind: Kind) {
        let leaves = kind == .movedOut || kind == .deleted
        guard let post = leaves ? change.current : change.proposed else { return }
        let before = kind == .stays ? change.current?.count ?? 0 : (leaves ? post.count : 0)
        let after = leaves ? 0 : post.count
        self.before += before
        self.after += after
        let place: String? =
            switch kind {
            case .movedIn: merged.currentManagerName(change.current?.reportsTo)
            case .movedOut: merged.proposedManagerName(change.proposed?.reportsTo)
            default: nil
            }
        groups.update("\(kind)|\(post.displayTitle)", new: Group(title: post.displayTitle, kind: kind)) { group in
            group.before += before
            group.after += after
            if kind == .stays { group.note(change) }
            if !leaves { group.vacantAfter += min(post.vacant, post.count) }
            if let place, !group.places.contains(place) { group.places.append(place) }
        }
    }

    /// The box's lines: one or two a group, then the team's posts before → after.
    var label: String {
        var label = LabelLines()
        for group in groups.all { group.describe(in: &label) }
        label.detail(before == after ? Plural.count(after, "post") : "posts \(before) → \(after)", color: ChartPalette.muted)
        return label.html
    }

    /// New or deleted when the whole team is; grey when nothing changed; amber when lines
    /// only moved; else changed. Dashed when every line after the change is vacant.
    var style: BoxStyle {
        var style: BoxStyle
        if looks == [.created] {
            style = ChangeLook.created.style
        } else if looks == [.deleted] {
            style = ChangeLook.deleted.style
        } else if looks.isSubset(of: [.unchanged]) {
            style = ChangeLook.unchanged.style
            style.fill = ChartPalette.teamFill
        } else if looks.isSubset(of: [.unchanged, .moved]) {
            style = ChangeLook.moved.style
        } else {
            style = ChangeLook.changed.style
        }
        if after > 0 && groups.all.allSatisfy({ $0.vacantAfter >= $0.after }) { style.dashed = true }
        return style
    }
}

extension TeamChange.Group {
    /// Marks a staying line's change and notes in words what changed about it.
    mutating func note(_ change: PostChange) {
        if ChangeLook(change) != .unchanged { changed = true }
        for aspect in change.aspects {
            let words: String? =
                switch aspect {
                case .madePermanent: "temporary → permanent"
                case .madeTemporary: "permanent → temporary"
                case .grade: "re-graded"
                case .fte: "FTE changed"
                case .cost: "cost changed"
                case .vacancies: "vacancies changed"
                default: nil
                }
            if let words, !notes.contains(words) { notes.append(words) }
        }
    }

    /// The group's line ("+3 Social Worker: new", "6 → 8 Social Worker"), with where its
    /// lines moved and what changed about them.
    func describe(in label: inout LabelLines) {
        let vacant = vacantAfter > 0 ? " (\(vacantAfter) vacant)" : ""
        switch kind {
        case .new:
            label.detail("+\(after) \(title)\(vacant): new", color: ChartPalette.created, size: 10)
        case .deleted:
            label.detail("\(before) \(title): deleted", color: ChartPalette.error, struck: true, size: 10)
        case .movedIn:
            label.detail("+\(after) \(title)\(vacant)", color: ChartPalette.moved, size: 10)
            label.detail("moved in from \(places.joined(separator: ", "))", italic: true, color: ChartPalette.moved)
        case .movedOut:
            label.detail("−\(before) \(title)", color: ChartPalette.moved, size: 10)
            label.detail("moved to \(places.joined(separator: ", "))", italic: true, color: ChartPalette.moved)
        case .stays where before != after:
            label.detail("\(before) → \(after) \(title)\(vacant)", color: ChartPalette.changed, size: 10)
        case .stays:
            label.detail("\(after) \(title)\(vacant)", color: changed ? ChartPalette.changed : ChartPalette.muted, size: 10)
        }
        if !notes.isEmpty {
            label.detail(notes.joined(separator: " · "), italic: true, color: changed ? ChartPalette.changed : ChartPalette.muted)
        }
    }
}
