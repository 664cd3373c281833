import OrgModel

/// The spans of a group of posts (one tier's), against the tier's rule.
public struct SpanStatistics: Hashable, Sendable {
    /// How many posts the figures cover.
    public var posts: Int
    public var min: Int
    public var median: Double
    public var mean: Double
    public var max: Int
    /// The tier's rule, when it has one; `within`, `narrow` and `wide` are nil without.
    public var rule: SpanRule?
    public var within: Int?
    public var narrow: Int?
    public var wide: Int?
    /// How many posts fall in each band (bands with none are left out).
    public var bands: [SpanBand: Int]

    /// The statistics of `spans` (nil when there are none) against `rule`.
    public init?(spans: [Int], rule: SpanRule?) {
        guard !spans.isEmpty else { return nil }
        let sorted = spans.sorted()
        posts = sorted.count
        min = sorted[0]
        max = sorted[sorted.count - 1]
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
        mean = Double(sorted.reduce(0, +)) / Double(sorted.count)
        self.rule = rule
        var bands: [SpanBand: Int] = [:]
        for span in sorted { bands[SpanBand(span: span, rule: rule), default: 0] += 1 }
        self.bands = bands
        if rule != nil {
            let inside = bands[.withinRule, default: 0]
            let above = bands[.aboveRule, default: 0]
            within = inside
            wide = above
            narrow = sorted.count - inside - above
        }
    }

    /// The count in `band` (0 when none).
    public func count(in band: SpanBand) -> Int { bands[band, default: 0] }
}
