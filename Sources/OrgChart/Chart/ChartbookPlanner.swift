import Foundation
import OrgModel

/// Chooses a chartbook's pages: each branch drawn as deep as fits its paper at the floor,
/// what is deeper continued on pages of its own, and a manager whose team alone does not
/// fit continued over several pages. Every candidate page is laid out for real (by
/// `measure`) before it is taken, so a page never prints below the floor.
struct Planner {
    let views: PlanningViews
    let options: ChartOptions
    let print: PrintSettings
    let measure: Chartbook.Measure
    /// Where a pair's side-by-side trials are measured while this process measures the rest.
    var ahead: MeasureAhead?
    /// The trial pages' title blocks and notes, sized once, for stand-ins of their size.
    var standIns: LabelStandIns?
    /// For each view, whether a post leads someone who leads someone (a page can stop at it).
    let branching: [[Bool]]
    var pages: [Chartbook.Page] = []
    private(set) var roots = Set<Int>()

    /// Takes `root` as the top of a branch with pages of its own.
    mutating func plan(root: Int) {
        guard roots.insert(root).inserted else { return }
        for view in views.views.indices {
            if let at = views.toView[view][root] { trialRoots[view].pages[views.views[view].posts[at].id] = 999 }
        }
    }
    /// The branches planned so far, by each view's ids, as trial pages see them.
    let trialRoots: [PageRoots]
    /// Headcount below each post, by view.
    let below: [[Int]]
    /// Branches whose pages came out below the floor when drawn for good, with how much
    /// larger than measured their trial pages are taken to be on the next attempt.
    var tighter: [Int?: Double] = [:]
    /// The boxes in the widest row (`widestRow`) of the last few full parts of a split
    /// (parts that ended where one more report did not fit), by how many levels they drew:
    /// what the next part's first guess is made to match.
    var fullBoxes: [Int: [Int]] = [:]
    /// The branch being planned (nil for the top).
    var current: Int?
    /// Drawn posts above which a page is not even laid out: it cannot fit.
    static let largestPage = 220
    /// `ORGMODEL_DEBUG_PLAN=1` prints each trial page measured, for tuning the planner.
    static let debug = ProcessInfo.processInfo.environment["ORGMODEL_DEBUG_PLAN"] != nil
    /// How much larger than measured a trial page is taken to be.
    static let spare = 1.03

    init(views: PlanningViews, options: ChartOptions, print: PrintSettings, measure: @escaping Chartbook.Measure) {
        self.views = views
        self.options = options
        self.print = print
        self.measure = measure
        trialRoots = views.views.map { _ in PageRoots() }
        below = views.views.map(ChartScope.headcountBelow)
        branching = views.views.map { index in
            index.posts.indices.map { position in index.reports(of: position).contains { index.reportCount(of: $0) > 0 } }
        }
    }

    mutating func run() throws -> [Chartbook.Page] {
        var top: Int?
        if let id = options.root {
            top = views.tree.position(of: id)
            for (view, index) in views.views.enumerated() where top == nil {
                top = index.position(of: id).flatMap { views.fromView[view][$0] }
            }
        }
        // One top post (the usual case): the overview is its page, so a wide top can be split.
        let tops = views.tree.posts.indices.filter { views.tree.manager[$0] == nil }
        if top == nil, tops.count == 1, views.tree.unreachable.isEmpty { top = tops[0] }
        try branch(top, up: nil, level: 0)
        return pages
    }

    /// The planning positions of a view's posts `levels` below `root` (nil: the tops),
    /// stopping at page roots already planned.
    func posts(below root: Int?, view: Int, levels: Int, only reports: Set<Int>? = nil) -> [Int] {
        let index = views.views[view]
        guard var frontier = start(from: root, view: view) else { return [] }
        var level = 0
        var seen = Set(frontier)
        while level < levels && !frontier.isEmpty {
            var next: [Int] = []
            for position in frontier {
                if level > 0, let planned = views.fromView[view][position], roots.contains(planned), planned != root { continue }
                for child in index.reports(of: position) where seen.insert(child).inserted {
                    if level == 0, root != nil, let reports, !(views.fromView[view][child].map(reports.contains) ?? false) { continue }
                    next.append(child)
                }
            }
            frontier = next
            level += 1
        }
        return frontier.filter { branching[view][$0] }.compactMap { views.fromView[view][$0] }
    }

    /// Where a walk down a view starts: `root`'s position in it (nil when the view does
    /// not have it), or without a root the view's top posts.
    func start(from root: Int?, view: Int) -> [Int]? {
        guard let root else {
            let index = views.views[view]
            return (0..<index.posts.count).filter { index.manager[$0] == nil }
        }
        return views.toView[view][root].map { [$0] }
    }

    /// How many levels a branch goes down, at most, in any view.
    func height(of root: Int?) -> Int {
        var best = 0
        for view in views.views.indices {
            let index = views.views[view]
            guard var frontier = start(from: root, view: view) else { continue }
            var level = 0
            var seen = Set(frontier)
            while !frontier.isEmpty && level < 10_000 {
                frontier = frontier.flatMap { Array(index.reports(of: $0)) }.filter { seen.insert($0).inserted }
                if !frontier.isEmpty { level += 1 }
            }
            best = max(best, level)
        }
        return best
    }

    /// The references a page of `root` drawn `levels` deep needs: every branching post at
    /// that depth, in any view.
    func references(_ root: Int?, levels: Int, reports: Set<Int>?) -> [Int] {
        var found: [Int] = []
        var seen = Set<Int>()
        for view in views.views.indices {
            for position in posts(below: root, view: view, levels: levels, only: reports) where seen.insert(position).inserted {
                found.append(position)
            }
        }
        return found
    }

    /// Whether a page of `root` with these references (and this part's reports) fits.
    func fits(_ root: Int?, references: [Int], reports: [Int]?) throws -> Bool {
        try reach(root, references: references, reports: reports) >= print.floor
    }

    /// The scale a page of `root` with these references (and this part's reports) could
    /// print at, not held to 1 (the least of its kinds): at the floor or more it fits, and
    /// how far above or below says how many more or fewer reports would. 0 for a page
    /// too large to be worth laying out.
    func reach(_ root: Int?, references: [Int], reports: [Int]?) throws -> Double {
        let (options, spec) = trialOptions(root, references: references, reports: reports)
        return try reach(root, references: references, reports: reports, options: options, widest: widestRow(options, spec))
    }

    /// `reach` of a trial whose options and widest row (`trialOptions`, `widestRow`) are
    /// already known.
    func reach(_ root: Int?, references: [Int], reports: [Int]?, options: ChartOptions, widest: Int?) throws -> Double {
        // A page too wide by its count of boxes alone (or of hundreds of boxes) cannot fit:
        // no need to lay it out.
        guard let widest, !Self.narrowest(widest, print: print) else { return 0 }
        let kinds: [ChartbookKind] = views.isPair ? [.compare, .changes] : [.single]
        let candidate = Candidate(root: root, references: references, reports: reports)
        let keys = kinds.map { Trial(kind: $0, candidate: candidate, roots: roots.count) }
        try measureAhead(kinds, keys: keys, options: options)
        var worst = 1.0
        var reach = Double.infinity
        // The change page first: measured here, it is known first, and when it does not fit
        // the side-by-side page's size need not be waited for. One process judges in the
        // same order, so the plan is the same either way.
        for (kind, key) in zip(kinds, keys).reversed() {
            let size = try measured(key: key) { try views.draw(kind, options: options) }
            // A little to spare: the final page's numbers and header differ from the trial's.
            let spare = tighter[root] ?? Self.spare
            reach = min(reach, print.reach(width: size.width * spare, height: size.height * spare))
            if reach < print.floor { return reach }
            worst = min(worst, print.fit(width: size.width * spare, height: size.height * spare).scale)
        }
        sizes.scales[candidate] = worst
        return reach
    }

    /// The options that draw a trial page of `root` with these references (and this part's
    /// reports), and the page they describe.
    func trialOptions(_ root: Int?, references: [Int], reports: [Int]?) -> (ChartOptions, PageSpec) {
        var page = Chartbook.Page(
            number: 999, root: root.map { PostID(views.mergedIDs[$0]) }, title: "", headcount: 0, part: 1, parts: reports == nil ? 1 : 2,
            up: root == nil ? nil : 999, level: 0, references: references, reports: reports, rootPosition: root)
        page.part = 1
        var spec = views.spec(
            for: page, in: Chartbook(pages: [], contentsPages: 0, plan: views), link: PageLink(stem: "x", ext: "svg", pages: 999))
        spec.total = 999
        // A later part draws its manager as a reference, which the key then explains.
        if reports != nil { spec.continuedFrom = 999 }
        // The branches planned so far are references wherever this page reaches them, and
        // so are the trial's own.
        func addStops(_ side: inout PageSpec.Side?, _ view: Int) {
            guard var value = side else { return }
            value.pageRoots = trialRoots[view]
            for stop in references where stop != root {
                if let at = views.toView[view][stop] { value.references[views.views[view].posts[at].id] = 999 }
            }
            side = value
        }
        addStops(&spec.single, 0)
        addStops(&spec.current, 0)
        addStops(&spec.proposed, 1)
        addStops(&spec.merged, 2)
        var options = self.options
        options.page = spec
        options.standIns = standIns
        return (options, spec)
    }

    /// The most boxes in one row of any page a trial draws (the side-by-side page's two
    /// panels together, the change page alone), a band of stacked leaders counting a box
    /// per column; nil when a page draws more boxes than any page could hold.
    func widestRow(_ options: ChartOptions, _ spec: PageSpec) -> Int? {
        var rowBoxes: [ChartRow: Int] = [:]
        var widest = 0
        for view in views.views.indices {
            let index = views.views[view]
            let side: PageSpec.Side? = views.isPair ? [spec.current, spec.proposed, spec.merged][view] : spec.single
            let resolved = PageScope.resolve(index, options: options, side: side, page: spec, userRoot: nil, below: below[view])
            if resolved.scope.drawnPositions.count > Self.largestPage { return nil }
            // The compare page holds the current and proposed panels side by side; the
            // change chart (the merged view) is a page of its own.
            guard view < 2 || !views.isPair else {
                widest = max(widest, Self.boxesByRow(index, resolved.scope, options).values.max() ?? 0)
                continue
            }
            for (row, count) in Self.boxesByRow(index, resolved.scope, options) { rowBoxes[row, default: 0] += count }
        }
        return max(widest, rowBoxes.values.max() ?? 0)
    }

    /// A candidate page: its branch, references and part's reports.
    struct Candidate: Hashable {
        let root: Int?
        let references: [Int]
        let reports: [Int]?
    }

    /// A trial page: a candidate drawn as one kind, with as many branches planned as when
    /// it was tried (their references are drawn too). Compared as numbers, and written out
    /// only for `ORGMODEL_DEBUG_PLAN`.
    struct Trial: Hashable, CustomStringConvertible {
        let kind: ChartbookKind
        let candidate: Candidate
        let roots: Int

        var description: String {
            "\(kind) \(candidate.root ?? -1) \(roots) \(candidate.references) \(candidate.reports ?? [-1])"
        }
    }

    /// Sizes already measured, by trial: a trial is often repeated.
    final class Sizes: @unchecked Sendable {
        var known: [Trial: (width: Double, height: Double)] = [:]
        /// The scale each candidate that fitted prints at (with the spare).
        var scales: [Candidate: Double] = [:]
        /// Trials sent ahead whose sizes are not read yet, in the order sent.
        var pending: [Trial] = []
    }
    let sizes = Sizes()

    /// A trial's size, measured once: `key` names the trial (its branch, references,
    /// part and kind, and the branches planned so far), cheaper to compare than its DOT,
    /// and `dot` draws it, only when it was not measured before.
    func measured(key: Trial, _ dot: () throws -> String) throws -> (width: Double, height: Double) {
        if sizes.pending.contains(key) { try readAhead(through: key) }
        if let size = sizes.known[key] { return size }
        let size = try measure(try dot())
        remember(size, key: key)
        return size
    }

    /// The boxes a panel draws in each row: a band of stacked team leaders counts a box
    /// per column.
    static func boxesByRow(_ index: StructureIndex, _ scope: ChartScope, _ options: ChartOptions) -> [ChartRow: Int] {
        let layout = PanelLayout(index: index, scope: scope, stacks: options.stacks)
        var rows: [ChartRow: Int] = [:]
        for item in layout.order {
            switch item {
            case .post(let position): rows[layout.row[position], default: 0] += 1
            case .team: rows[.frontLine, default: 0] += 1
            case .stack(_, let leaders, let row): rows[row, default: 0] += BandShape.columns(for: leaders.count)
            }
        }
        return rows
    }

    /// The least width a box takes, and the gap between boxes, in points: a row of n boxes
    /// is at least n × (box + gap) wide, and the row labels take some more.
    static let narrowestBox = 110.0, boxGap = 13.0, labelColumn = 80.0

    /// Whether a page whose widest row holds `widest` boxes is too wide for the paper at
    /// the floor, whatever Graphviz makes of it.
    static func narrowest(_ widest: Int, print: PrintSettings) -> Bool {
        let width = labelColumn + Double(widest) * (narrowestBox + boxGap)
        let long = print.paper.portrait.height
        return width * print.floor > long - 2 * PrintSettings.margin
    }

    /// Plans the pages of a branch, then of the branches it refers to, depth first.
    mutating func branch(_ root: Int?, up: Int?, level: Int) throws {
        if let root { plan(root: root) }
        var parts: [(references: [Int], reports: [Int]?)] = []
        if try fits(root, references: [], reports: nil) {
            parts = [([], nil)]
        } else {
            // The deepest cut that fits: each level less is fewer boxes.
            var levels = height(of: root) - 1
            while levels >= 1 {
                let cut = references(root, levels: levels, reports: nil)
                if try fits(root, references: cut, reports: nil) {
                    parts = [(cut, nil)]
                    break
                }
                levels -= 1
            }
            // A page two levels deep or more is taken; one level deep, a team split over
            // pages two levels deep shows more of each branch, when it fits.
            if parts.isEmpty || levels == 1, root != nil {
                let split = try self.split(root, whole: parts.first)
                if !split.isEmpty { parts = split }
            }
            if parts.isEmpty {
                // Nothing fits, not even the top post with references: the page is drawn
                // as small as it goes, and the command says which page prints below the floor.
                parts = [(references(root, levels: 1, reports: nil), nil)]
            }
        }
        let first = pages.count + 1
        let title = root.map { views.tree.posts[$0].displayTitle } ?? "Overview: " + views.name(views.isPair ? .changes : .single)
        let headcount = headcountBelow(root)
        for (number, part) in parts.enumerated() {
            pages.append(
                Chartbook.Page(
                    number: first + number, root: root.map { PostID(views.mergedIDs[$0]) }, title: title, headcount: headcount,
                    part: number + 1, parts: parts.count, up: up, level: level, references: part.references, reports: part.reports,
                    rootPosition: root,
                    trialScale: sizes.scales[Candidate(root: root, references: part.references, reports: part.reports)] ?? 0))
        }
        for (number, part) in parts.enumerated() {
            for reference in part.references where !roots.contains(reference) {
                try branch(reference, up: first + number, level: level + 1)
            }
        }
    }

    /// A manager's direct reports (in every view), in planning order.
    func directReports(_ root: Int) -> [Int] {
        var reports: [Int] = []
        var seen = Set<Int>()
        for view in views.views.indices {
            let index = views.views[view]
            guard let at = views.toView[view][root] else { continue }
            // Assistants are drawn on every part, beside their manager: not split among them.
            for child in index.reports(of: at) where !index.posts[child].assistant {
                if let planned = views.fromView[view][child], seen.insert(planned).inserted { reports.append(planned) }
            }
        }
        return reports
    }

    func headcountBelow(_ root: Int?) -> Int {
        let index = views.tree
        guard let root else { return index.posts.reduce(0) { $0 + $1.count } }
        var total = 0
        var stack = [root]
        var seen = Set<Int>()
        while let position = stack.popLast() {
            guard seen.insert(position).inserted else { continue }
            total += index.posts[position].count
            stack.append(contentsOf: index.reports(of: position))
        }
        return total
    }
}
