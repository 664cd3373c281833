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
    /// For each view, whether a post leads someone who leads someone (a page can stop at it).
    let branching: [[Bool]]
    var pages: [Chartbook.Page] = []
    var roots = Set<Int>()
    /// Drawn posts above which a page is not even laid out: it cannot fit.
    static let largestPage = 220

    init(views: PlanningViews, options: ChartOptions, print: PrintSettings, measure: @escaping Chartbook.Measure) {
        self.views = views
        self.options = options
        self.print = print
        self.measure = measure
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
        var frontier: [Int]
        if let root {
            guard let at = views.toView[view][root] else { return [] }
            frontier = [at]
        } else {
            frontier = (0..<index.posts.count).filter { index.manager[$0] == nil }
        }
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

    /// How many levels a branch goes down, at most, in any view.
    func height(of root: Int?) -> Int {
        var best = 0
        for view in views.views.indices {
            let index = views.views[view]
            var frontier: [Int]
            if let root {
                guard let at = views.toView[view][root] else { continue }
                frontier = [at]
            } else {
                frontier = (0..<index.posts.count).filter { index.manager[$0] == nil }
            }
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
        var page = Chartbook.Page(
            number: 999, root: root.map { PostID(views.mergedIDs[$0]) }, title: "", headcount: 0, part: 1, parts: reports == nil ? 1 : 2,
            up: root == nil ? nil : 999, level: 0, references: references, reports: reports, rootPosition: root)
        page.part = 1
        let stops = roots.union(references)
        var spec = views.spec(for: page, in: Chartbook(pages: [], contentsPages: 0, plan: views), link: PageLink(stem: "x", ext: "svg", pages: 999))
        spec.total = 999
        func addStops(_ side: inout PageSpec.Side?, _ view: Int) {
            guard var value = side else { return }
            for stop in stops where stop != root {
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
        // A page of hundreds of boxes cannot fit: no need to lay it out.
        for view in views.views.indices {
            let index = views.views[view]
            let side: PageSpec.Side? = views.isPair ? [spec.current, spec.proposed, spec.merged][view] : spec.single
            let resolved = PageScope.resolve(index, options: options, side: side, page: spec, userRoot: nil)
            if resolved.scope.drawn.lazy.filter({ $0 }).count > Self.largestPage { return false }
        }
        let kinds: [ChartbookKind] = views.isPair ? [.compare, .changes] : [.single]
        for kind in kinds {
            let dot = try views.draw(kind, options: options)
            let size = try measure(dot)
            if ProcessInfo.processInfo.environment["ORGMODEL_DEBUG_PLAN"] != nil { FileHandle.standardError.write("plan \(kind) root \(root.map { views.mergedIDs[$0] } ?? "-") refs \(references.count) reports \(reports?.count ?? -1): \(Int(size.width))x\(Int(size.height)) fit \(print.fit(width: size.width, height: size.height))\n".data(using: .utf8)!) }
            if !print.fits(width: size.width, height: size.height) { return false }
        }
        return true
    }

    /// Plans the pages of a branch, then of the branches it refers to, depth first.
    mutating func branch(_ root: Int?, up: Int?, level: Int) throws {
        if let root { roots.insert(root) }
        var parts: [(references: [Int], reports: [Int]?)] = []
        let height = height(of: root)
        if try fits(root, references: [], reports: nil) {
            parts = [([], nil)]
        } else {
            // The deepest cut that fits: fewer levels, fewer boxes.
            var low = 1, high = max(1, height - 1), best: Int?
            while low <= high {
                let middle = (low + high) / 2
                if try fits(root, references: references(root, levels: middle, reports: nil), reports: nil) {
                    best = middle
                    low = middle + 1
                } else {
                    high = middle - 1
                }
            }
            if let best, best >= 2 || root == nil || height <= 2 {
                parts = [(references(root, levels: best, reports: nil), nil)]
            } else {
                parts = try split(root, levels: best == nil ? 1 : 2, fallback: best)
            }
        }
        let first = pages.count + 1
        let title = root.map { views.tree.posts[$0].displayTitle } ?? "Overview: " + views.name(views.isPair ? .changes : .single)
        let headcount = headcountBelow(root)
        for (number, part) in parts.enumerated() {
            pages.append(Chartbook.Page(
                number: first + number, root: root.map { PostID(views.mergedIDs[$0]) }, title: title, headcount: headcount,
                part: number + 1, parts: parts.count, up: up, level: level, references: part.references, reports: part.reports,
                rootPosition: root))
        }
        for (number, part) in parts.enumerated() {
            for reference in part.references where !roots.contains(reference) {
                try branch(reference, up: first + number, level: level + 1)
            }
        }
    }

    /// A manager whose team does not fit one page: its direct reports in parts, each as
    /// many as fit, drawn `levels` deep (one level when even one report two levels deep
    /// does not fit).
    mutating func split(_ root: Int?, levels: Int, fallback: Int?) throws -> [(references: [Int], reports: [Int]?)] {
        var reports: [Int] = []
        var seen = Set<Int>()
        for view in views.views.indices {
            let index = views.views[view]
            guard let root, let at = views.toView[view][root] else { continue }
            for child in index.reports(of: at) {
                if let planned = views.fromView[view][child], seen.insert(planned).inserted { reports.append(planned) }
            }
        }
        guard reports.count > 1 else {
            let levels = fallback ?? 1
            return [(references(root, levels: levels, reports: nil), nil)]
        }
        var levels = levels
        if levels == 2, !(try fits(root, references: references(root, levels: 2, reports: [reports[0]]), reports: [reports[0]])) {
            if let fallback { return [(references(root, levels: fallback, reports: nil), nil)] }
            levels = 1
        }
        var parts: [(references: [Int], reports: [Int]?)] = []
        var start = 0
        while start < reports.count {
            // As many reports as fit, found by doubling then halving.
            var count = 1
            func tryCount(_ n: Int) throws -> Bool {
                let slice = Array(reports[start..<min(reports.count, start + n)])
                return try fits(root, references: references(root, levels: levels, reports: Set(slice)), reports: slice)
            }
            var upper = 2
            while start + count < reports.count, try tryCount(upper) {
                count = upper
                if start + upper >= reports.count { break }
                upper *= 2
            }
            var low = count + 1, high = min(upper - 1, reports.count - start)
            while low <= high {
                let middle = (low + high) / 2
                if try tryCount(middle) {
                    count = middle
                    low = middle + 1
                } else {
                    high = middle - 1
                }
            }
            let slice = Array(reports[start..<min(reports.count, start + count)])
            parts.append((references(root, levels: levels, reports: Set(slice)), slice))
            start += count
        }
        return parts
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
