import OrgModel

/// One snapshot's figures in a trend: the measures `StructureAnalysis` already makes, the
/// changes from the snapshot before, and the flags raised on it.
public struct TrendSnapshot: Sendable, Hashable {
    /// The posts deleted, created and moved since the previous snapshot, as `compare`
    /// counts them (`StructureDiff`, under the trend's id matching).
    public struct Changes: Sendable, Hashable {
        public var deleted: Int
        public var created: Int
        /// Posts on both snapshots that report to a different post.
        public var moved: Int
        /// What the matching says about itself (ids matched only in another form, a
        /// `replaces:` that could not be honoured).
        public var comparisonNotes: [ComparisonNote]
        /// The notes, one sentence each.
        public var notes: [String] { comparisonNotes.map(\.english) }

        public init(deleted: Int, created: Int, moved: Int, notes: [ComparisonNote] = []) {
            self.deleted = deleted
            self.created = created
            self.moved = moved
            self.comparisonNotes = notes
        }

        public init(_ diff: StructureDiff) {
            self.init(
                deleted: diff.count(.deleted), created: diff.count(.created), moved: diff.count(.reportingLine),
                notes: diff.comparisonNotes)
        }
    }

    /// The structure file as the user named it.
    public var file: String
    public var name: String?
    public var organisation: String?
    public var effective: Day
    /// Entries: a line of several posts is one.
    public var posts: Int
    public var headcount: Int
    public var fte: Double
    /// Posts that lead anyone.
    public var managerPosts: Int
    /// The most management layers on a path from the top to the front line
    /// (`LayerSummary.managementLayers`).
    public var managementLayers: Int
    /// The most management layers on a path from the top to any post, whatever it ends in
    /// (`LayerSummary.managementOnlyLayers`): the depth of the management hierarchy alone,
    /// wherever the front line hangs from it.
    public var managementOnlyLayers: Int
    /// The mean and median span of the posts that lead anyone.
    public var meanSpan: Double
    public var medianSpan: Double
    /// Managers per span band, over every tier.
    public var spanBands: [SpanBand: Int]
    /// Spans under and over their tier's rule.
    public var narrowSpans: Int
    public var wideSpans: Int
    /// Managers with exactly one direct report.
    public var oneOverOne: Int
    public var annualCost: CostTotal
    public var frontLineHeadcount: Int
    /// Front-line headcount on layer 1 or 2: reporting to a top post or a post directly
    /// below one.
    public var frontLineNearTop: Int
    /// Nil on the first snapshot.
    public var changes: Changes?
    /// In `TrendFlag` order.
    public var flags: [TrendFlag]

    /// The figures of `analysis`, a snapshot effective on `effective`; no changes and no
    /// flags yet (those need the neighbours).
    public init(file: String, effective: Day, analysis: StructureAnalysis) {
        let structure = analysis.structure
        self.file = file
        self.name = structure.name
        self.organisation = structure.organisation
        self.effective = effective
        let totals = analysis.totals
        posts = totals.posts
        headcount = totals.headcount
        fte = totals.fte
        managerPosts = analysis.ratios.managerPosts
        managementLayers = analysis.layers.managementLayers
        managementOnlyLayers = analysis.layers.managementOnlyLayers
        meanSpan = analysis.ratios.meanSpan
        medianSpan = analysis.medianManagerSpan
        spanBands = analysis.spanBandTotals
        narrowSpans = analysis.narrowSpans
        wideSpans = analysis.wideSpans
        oneOverOne = analysis.oneOverOne.managers.count
        annualCost = analysis.ratios.totalCost
        frontLineHeadcount = analysis.ratios.frontLineHeadcount
        frontLineNearTop = Self.frontLineNearTop(analysis.index)
        changes = nil
        flags = []
    }

    /// Front-line headcount reporting to one of the organisation's real tops or a post
    /// directly below one. A root post that an import added over several tops
    /// (`OrganogramImporter.addedRootAttribute`) is not one of them: its children are the
    /// tops, so the layers under it count from them.
    static func frontLineNearTop(_ index: StructureIndex) -> Int {
        // Each post's depth below its real top: one less under an added root.
        var shift = [Int](repeating: 0, count: index.posts.count)
        for position in index.topDownOrder {
            if let manager = index.manager[position] {
                shift[position] = shift[manager]
            } else if index.posts[position].attributes.contains(where: { $0.name == OrganogramImporter.addedRootAttribute }) {
                shift[position] = 1
            }
        }
        var nearTop = 0
        for position in index.posts.indices where index.role(of: position) == .frontLine {
            let depth = index.depth[position] - shift[position]
            if (0...2).contains(depth) { nearTop += index.posts[position].count }
        }
        return nearTop
    }

    /// Whether more than half the front-line headcount reports to a top post or a post
    /// directly below one (see `TrendFlag.frontLineAtTop`).
    public var frontLineMostlyAtTop: Bool { frontLineHeadcount > 0 && frontLineNearTop * 2 > frontLineHeadcount }
}
