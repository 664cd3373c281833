import OrgAnalysis
import OrgModel
import OrgSupport

/// What a chartbook draws: one structure, or a pair (whose current, proposed, compare and
/// changes chartbooks share one plan, so a branch has the same page number in all four).
public enum ChartbookKind: Sendable, Equatable {
    case single, current, proposed, compare, changes
}

/// A chart split into pages that each print at or above the legibility floor: a contents
/// page, an overview of the top tiers, and a page per branch, numbered depth first. Each
/// branch continued on another page shows there as a reference with its totals and
/// "→ p. N"; each branch page opens with the chain of command above it.
public struct Chartbook: Sendable {
    /// One chart page of the plan.
    public struct Page: Sendable, Equatable {
        /// The page's number in the book (contents pages come first).
        public var number: Int
        /// The branch's top post (planning ids: the proposed id of a pair's post); nil for
        /// the overview from the top.
        public var root: PostID?
        public var title: String
        public var headcount: Int
        public var part: Int
        public var parts: Int
        /// The page holding this branch's reference.
        public var up: Int?
        /// The outline level: 0 for the overview.
        public var level: Int
        /// Planning-tree positions drawn as references, and this part's reports.
        var references: [Int]
        var reports: [Int]?
        var rootPosition: Int?
        /// The scale its trial printed at (0 when it fitted no trial).
        var trialScale = 0.0
    }

    public let pages: [Page]
    public let contentsPages: Int
    /// The page each branch starts on, by planning position.
    let pageOfRoot: [Int: Int]
    /// Entries listed on each contents page: at the type below they fit an A4 page at 9 pt
    /// (the highest floor), with the heading wrapped and ids and titles cut to a width.
    public static let contentsPerPage = 44
    /// The type of a contents page, in points: its smallest text.
    public static let contentsType = 10.0

    /// The smallest type set on page `number`, in points.
    public func smallestType(page number: Int) -> Double {
        number <= contentsPages ? Self.contentsType : PrintSettings.smallestType
    }
    /// A page whose trial printed below this much over the floor is measured again as drawn.
    static let remeasureBelow = 1.08
    public var pageCount: Int { contentsPages + pages.count }

    let plan: PlanningViews

    init(pages: [Page], contentsPages: Int, plan: PlanningViews) {
        self.pages = pages
        self.contentsPages = contentsPages
        self.plan = plan
        var pageOfRoot: [Int: Int] = [:]
        for page in pages where page.part == 1 {
            if let root = page.rootPosition, pageOfRoot[root] == nil { pageOfRoot[root] = page.number }
        }
        self.pageOfRoot = pageOfRoot
        viewRoots = plan.views.indices.map { view in
            let roots = PageRoots()
            for (root, number) in pageOfRoot {
                if let at = plan.toView[view][root] { roots.pages[plan.views[view].posts[at].id] = number }
            }
            return roots
        }
    }

    /// The page each branch starts on, by the ids of each view.
    let viewRoots: [PageRoots]

    /// Measures a page's DOT text: the laid-out drawing's width and height in points.
    public typealias Measure = (String) throws -> (width: Double, height: Double)

    /// What stands in for boxes' labels on trial pages: the renderer's sizes of HTML-like
    /// label bodies (set under the chart's `node [...]` defaults), and a label value of a
    /// given size that lays out at exactly that size. Without it, trial pages carry their
    /// boxes' labels.
    public struct LabelSizing: Sendable {
        public var sizes: @Sendable (_ labels: [String], _ nodeDefaults: String) throws -> [(width: Double, height: Double)]
        public var standIn: @Sendable (_ width: Double, _ height: Double) -> String

        public init(
            sizes: @escaping @Sendable ([String], String) throws -> [(width: Double, height: Double)],
            standIn: @escaping @Sendable (Double, Double) -> String
        ) {
            self.sizes = sizes
            self.standIn = standIn
        }
    }

    /// Plans the chartbook of one structure. `sizing`, when given, stands in for the
    /// boxes' labels on trial pages: the same plan, sooner.
    public static func plan(
        _ result: ValidationResult, options: ChartOptions, print: PrintSettings, measure: @escaping Measure,
        sizing: LabelSizing? = nil
    ) throws -> Chartbook {
        try plan(
            PlanningViews(single: result, options: options), options: options, print: print, measure: measure, sizing: sizing)
    }

    /// Plans the chartbooks of a pair: one plan for its current, proposed, compare and
    /// changes charts, checked against the compare and changes pages (the widest).
    /// `ahead`, when given, measures the side-by-side trials while this process measures the
    /// change pages: the same plan, sooner; so does `sizing` (as for one structure).
    public static func plan(
        current: ValidationResult, proposed: ValidationResult, options: ChartOptions, print: PrintSettings, measure: @escaping Measure,
        ahead: MeasureAhead? = nil, sizing: LabelSizing? = nil
    ) throws -> Chartbook {
        try plan(
            PlanningViews(current: current, proposed: proposed, options: options), options: options, print: print, measure: measure,
            ahead: ahead, sizing: sizing)
    }

    static func plan(
        _ views: PlanningViews, options: ChartOptions, print: PrintSettings, measure: @escaping Measure, ahead: MeasureAhead? = nil,
        sizing: LabelSizing? = nil
    ) throws -> Chartbook {
        // A page drawn for good differs a little from its trial (page numbers, headers, the
        // references of branches planned after it): each is measured again, and a branch
        // whose page falls below the floor is planned again with less taken to fit.
        var tighter: [Int?: Double] = [:]
        var book: Chartbook
        var attempt = 0
        let standIns = LabelStandIns(
            measure: measure, sizing: sizing, sizingKinds: ahead == nil ? nil : ["changes"])
        repeat {
            var planner = Planner(views: views, options: options, print: print, measure: measure)
            planner.ahead = ahead
            planner.standIns = standIns
            planner.tighter = tighter
            let planned = try planner.run()
            // What was sent ahead and never asked for is read, so the measurer is free.
            try planner.readAhead()
            let contents = planned.count > 1 ? (planned.count + contentsPerPage - 1) / contentsPerPage : 0
            let numbered = planned.map { page -> Page in
                var page = page
                page.number += contents
                page.up = page.up.map { $0 + contents }
                return page
            }
            book = Chartbook(pages: numbered, contentsPages: contents, plan: views)
            attempt += 1
            guard attempt < 4 else { break }
            var failed = false
            let kinds: [ChartbookKind] = views.isPair ? [.compare, .changes] : [.single]
            let link = PageLink(stem: "x", ext: "svg", pages: book.pageCount)
            // A page whose trial fitted with room to spare is taken as it is.
            for page in book.pages where page.trialScale < print.floor * Self.remeasureBelow {
                let drawn = book
                let fits = try Planner.measure(
                    kinds: kinds, ahead: ahead, measure: measure, fits: { print.fits(width: $0, height: $1) },
                    dot: { try drawn.dot(page: page.number, kind: $0, options: options, link: link) })
                if !fits {
                    tighter[page.rootPosition] = (tighter[page.rootPosition] ?? Planner.spare) * 1.08
                    failed = true
                }
            }
            if !failed { break }
        } while true
        return book
    }

    /// The DOT text of page `number` (from 1) of this chartbook, drawn as `kind`.
    public func dot(page number: Int, kind: ChartbookKind, options: ChartOptions, link: PageLink) throws(ChartError) -> String {
        if number <= contentsPages { return contentsDot(part: number, kind: kind, link: link) }
        let page = pages[number - contentsPages - 1]
        let spec = plan.spec(for: page, in: self, link: link)
        var options = options
        options.page = spec
        return try plan.draw(kind, options: options)
    }

    /// A bookmark of the outline: its text, the page (from 1) it opens, and its depth.
    public struct Bookmark: Sendable, Equatable, Codable {
        public var title: String
        public var page: Int
        public var level: Int
    }

    /// The outline (bookmarks): the contents, then each page under the page it continues
    /// from. Flat, each with its depth: a deep chain's outline would nest too deep for a
    /// JSON reader, and a PDF outline is built from it with a stack.
    public func outline() -> [Bookmark] {
        var items: [Bookmark] = []
        if contentsPages > 0 { items.append(Bookmark(title: "Contents", page: 1, level: 0)) }
        for page in pages {
            let part = page.parts > 1 ? " (part \(page.part) of \(page.parts))" : ""
            items.append(Bookmark(title: "p. \(page.number): \(page.title)\(part)", page: page.number, level: page.level))
        }
        return items
    }

    func contentsDot(part: Int, kind: ChartbookKind, link: PageLink) -> String {
        let first = (part - 1) * Self.contentsPerPage
        let entries = pages[first..<min(pages.count, first + Self.contentsPerPage)]
        var rows =
            "<TR><TD ALIGN=\"LEFT\">\(ChartPalette.bold("Page"))</TD><TD ALIGN=\"LEFT\">\(ChartPalette.bold("Post"))</TD>"
            + "<TD ALIGN=\"LEFT\">\(ChartPalette.bold("Title"))</TD><TD ALIGN=\"RIGHT\">\(ChartPalette.bold("Headcount"))</TD></TR>"
        for page in entries {
            let indent = String(repeating: "    ", count: min(page.level, 6))
            let part = page.parts > 1 ? " (part \(page.part) of \(page.parts))" : ""
            let title = TextWrap.lines(page.title, width: 70, maxLines: 1)[0] + part
            rows +=
                "<TR><TD ALIGN=\"LEFT\" HREF=\"\(DOTText.html(link.href(page.number)))\" TOOLTIP=\"\(DOTText.html("p. \(page.number): " + title))\">"
                + "\(ChartPalette.bold("p. \(page.number)"))</TD>"
                + "<TD ALIGN=\"LEFT\">\(DOTText.html(page.root.map { TextWrap.lines($0.rawValue, width: 24, maxLines: 1)[0] } ?? "—"))</TD>"
                + "<TD ALIGN=\"LEFT\">\(DOTText.html(indent + title))</TD>"
                + "<TD ALIGN=\"RIGHT\">\(page.headcount)</TD></TR>"
        }
        let heading = "\(plan.name(kind)): contents" + (contentsPages > 1 ? " (\(part) of \(contentsPages))" : "")
        let table =
            "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">"
            + "<TR><TD COLSPAN=\"4\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" COLOR=\"\(ChartPalette.link)\">\(ChartPalette.bold("Page \(part) of \(pageCount)"))</FONT></TD></TR>"
            + "<TR><TD COLSPAN=\"4\" ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\">"
            + TextWrap.lines(heading, width: 48).map { ChartPalette.bold(DOTText.html($0)) }.joined(separator: "<BR/>")
            + "</FONT></TD></TR>"
            + rows + "</TABLE>"
        return """
            digraph orgchart {
              graph [id="orgchart", fontname="\(ChartPalette.font)", pad="\(PrintSettings.pad / 72)", margin="0"];
              node [fontname="\(ChartPalette.font)", fontsize="\(Int(Self.contentsType))", fontcolor="\(ChartPalette.ink)"];
              contents [id="orgchart-contents-\(part)", shape=plaintext, label=<\(table)>];
            }

            """
    }
}

/// The trees a plan is made on, and the charts it draws: one structure, or a pair with its
/// merged change view (the planning tree, where each post sits under its proposed manager
/// and a deleted post where it was).
struct PlanningViews: Sendable {
    let single: ValidationResult?
    let current: ValidationResult?
    let proposed: ValidationResult?
    let diff: StructureDiff?
    /// The planning tree and each view's tree.
    let tree: StructureIndex
    let views: [StructureIndex]
    /// For each view, the planning position of each of its posts' ids, and back.
    let toView: [[Int: Int]]
    let fromView: [[Int: Int]]
    let mergedIDs: [String]

    init(single result: ValidationResult, options: ChartOptions) {
        single = result
        current = nil
        proposed = nil
        diff = nil
        tree = StructureIndex(result.structure)
        views = [tree]
        let identity = Dictionary(uniqueKeysWithValues: tree.posts.indices.map { ($0, $0) })
        toView = [identity]
        fromView = [identity]
        mergedIDs = tree.posts.map(\.id.rawValue)
    }

    init(current: ValidationResult, proposed: ValidationResult, options: ChartOptions) {
        single = nil
        self.current = current
        self.proposed = proposed
        let (currentIndex, proposedIndex) = ParallelWork.both(
            { StructureIndex(current.structure) }, { StructureIndex(proposed.structure) })
        let diff = StructureDiff(current: currentIndex, proposed: proposedIndex, matching: options.idMatching)
        self.diff = diff
        let merged = MergedStructure(diff)
        tree = StructureIndex(merged.structure)
        views = [currentIndex, proposedIndex, tree]
        var to: [[Int: Int]] = [[:], [:], [:]]
        var from: [[Int: Int]] = [[:], [:], [:]]
        for (position, change) in diff.changes.enumerated() {
            if let id = change.current?.id, let at = currentIndex.position(of: id), from[0][at] == nil {
                to[0][position] = at
                from[0][at] = position
            }
            if let id = change.proposed?.id, let at = proposedIndex.position(of: id), from[1][at] == nil {
                to[1][position] = at
                from[1][at] = position
            }
            to[2][position] = position
            from[2][position] = position
        }
        toView = to
        fromView = from
        mergedIDs = merged.elementIDs
    }

    var isPair: Bool { single == nil }

    func name(_ kind: ChartbookKind) -> String {
        let structure = (single ?? proposed)!.structure
        let name = ChartText.name(of: structure)
        switch kind {
        case .single: return name
        case .current: return name + ": current"
        case .proposed: return name + ": proposed"
        case .compare: return name + ": current and proposed"
        case .changes: return name + ": the changes"
        }
    }

    /// The spec each chart kind reads for a page.
    func spec(for page: Chartbook.Page, in book: Chartbook, link: PageLink) -> PageSpec {
        var spec = PageSpec(
            number: page.number, total: book.pageCount, part: page.part, parts: page.parts, up: page.up,
            continuedFrom: page.part > 1 ? page.rootPosition.flatMap { book.pageOfRoot[$0] } : nil,
            link: link)
        func side(_ view: Int) -> PageSpec.Side {
            let index = views[view]
            var result = PageSpec.Side()
            if let root = page.rootPosition {
                if let at = toView[view][root] {
                    result.root = index.posts[at].id
                } else {
                    result.root = PostID(mergedIDs[root])
                    result.absent = true
                }
            }
            result.reports = page.reports.map { Set($0.compactMap { toView[view][$0].map { index.posts[$0].id } }) }
            return result
        }
        if isPair {
            spec.current = side(0)
            spec.proposed = side(1)
            spec.merged = side(2)
        } else {
            spec.single = side(0)
        }
        // Every page root elsewhere in the book that this page's side reaches is a reference.
        let roots = book.viewRoots
        spec.single?.pageRoots = roots.first
        spec.current?.pageRoots = roots.first
        if roots.count == 3 {
            spec.proposed?.pageRoots = roots[1]
            spec.merged?.pageRoots = roots[2]
        }
        return spec
    }

    /// The pieces every page of this plan shares.
    let cache = ChartCache()

    func draw(_ kind: ChartbookKind, options: ChartOptions) throws(ChartError) -> String {
        var options = options
        options.cache = cache
        options.role = kind == .current ? "current" : (kind == .proposed ? "proposed" : "single")
        switch kind {
        case .single:
            return try StructureChart.dot(single!, options: options)
        case .current, .proposed:
            let result = kind == .current ? current! : proposed!
            let side = kind == .current ? options.page?.current : options.page?.proposed
            options.page?.single = side
            return try StructureChart.dot(result, options: options)
        case .compare:
            return try ComparisonChart.dot(current: current!, proposed: proposed!, options: options)
        case .changes:
            return try ChangeChart.dot(current: current!, proposed: proposed!, options: options)
        }
    }
}
