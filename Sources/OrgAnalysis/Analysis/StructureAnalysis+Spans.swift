/// Span figures over every post that leads anyone, whatever its tier: what the options
/// table and the trend over snapshots set side by side.
extension StructureAnalysis {
    /// The median span of the posts that lead anyone; 0 when no post leads anyone.
    public var medianManagerSpan: Double {
        let spans = index.posts.indices.filter { index.reportCount(of: $0) > 0 }.map { index.span[$0] }.sorted()
        guard !spans.isEmpty else { return 0 }
        let middle = spans.count / 2
        return spans.count % 2 == 1 ? Double(spans[middle]) : Double(spans[middle - 1] + spans[middle]) / 2
    }

    /// Managers per span band, over every tier (each tier's bands, added up).
    public var spanBandTotals: [SpanBand: Int] {
        var bands: [SpanBand: Int] = [:]
        for row in tiers {
            for (band, count) in row.spans?.bands ?? [:] { bands[band, default: 0] += count }
        }
        return bands
    }

    /// Posts whose span is under their tier's rule, over every tier with a rule.
    public var narrowSpans: Int { tiers.reduce(0) { $0 + ($1.spans?.narrow ?? 0) } }

    /// Posts whose span is over their tier's rule, over every tier with a rule.
    public var wideSpans: Int { tiers.reduce(0) { $0 + ($1.spans?.wide ?? 0) } }
}
