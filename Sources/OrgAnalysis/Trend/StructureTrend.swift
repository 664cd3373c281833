import OrgModel

/// Snapshots of one organisation set in date order and measured alike: what leadership
/// and the design authority read to see whether layers creep back and spans shrink.
///
/// Each snapshot is measured by `StructureAnalysis`, and each is compared with the one
/// before by `StructureDiff`, as `compare` does. Values only; `StructureTrend+Formats`
/// renders the trend as a table, Markdown, CSV and JSON.
public struct StructureTrend: Sendable {
    /// One snapshot as given: its file, structure and rule set.
    public typealias Input = StructureInput

    /// In `effective` order, oldest first.
    public let snapshots: [TrendSnapshot]
    /// How ids had to agree for a post to be the same on consecutive snapshots.
    public let matching: IDMatching

    /// Orders `inputs` by their `effective:` date, whatever order they come in, measures
    /// each, counts the changes between consecutive ones and raises the flags. Throws the
    /// first of `problems(in:)`.
    public init(_ inputs: [Input], matching: IDMatching = .exact) throws(TrendError) {
        if let problem = Self.problems(in: inputs).first { throw problem }
        // Every input has a date of its own now; sorted by it, ties kept in the given order.
        let ordered = inputs.compactMap { input in input.structure.effective.map { (input, $0) } }
            .enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
        var snapshots: [TrendSnapshot] = []
        for (offset, (input, effective)) in ordered.enumerated() {
            let analysis = StructureAnalysis(input.structure, rules: input.rules)
            var snapshot = TrendSnapshot(file: input.file, effective: effective, analysis: analysis)
            if offset > 0 {
                snapshot.changes = TrendSnapshot.Changes(
                    StructureDiff(current: ordered[offset - 1].0.structure, proposed: input.structure, matching: matching))
            }
            snapshots.append(snapshot)
        }
        self.snapshots = Self.flagged(snapshots)
        self.matching = matching
    }

    /// Every reason `inputs` cannot make a trend, in the order given: each file without an
    /// `effective:` date, then each pair with the same date.
    public static func problems(in inputs: [Input]) -> [TrendError] {
        var problems: [TrendError] = inputs.filter { $0.structure.effective == nil }.map { .noEffectiveDate(file: $0.file) }
        var firstOn: [Day: String] = [:]
        for input in inputs {
            guard let effective = input.structure.effective else { continue }
            if let first = firstOn[effective] {
                problems.append(.sameEffectiveDate(first: first, second: input.file, effective: effective))
            } else {
                firstOn[effective] = input.file
            }
        }
        return problems
    }

    /// The snapshots with their flags (see `TrendFlag` for each definition). `partial` is
    /// judged first, on posts alone; layer creep and span compression are then judged
    /// against the latest earlier snapshot not flagged partial, so one incomplete
    /// publication does not raise them on the snapshot after it.
    static func flagged(_ snapshots: [TrendSnapshot]) -> [TrendSnapshot] {
        var result = snapshots
        for offset in result.indices where offset > 0 && offset + 1 < snapshots.count {
            let before = snapshots[offset - 1].posts
            if snapshots[offset].posts * 2 <= before, snapshots[offset + 1].posts * 2 > before {
                result[offset].flags = [.partial]
            }
        }
        for offset in result.indices {
            let this = result[offset]
            var flags: [TrendFlag] = []
            if let previous = comparedWith(offset, in: result) {
                if this.managementLayers > previous.managementLayers || this.managementLayers > result[0].managementLayers {
                    flags.append(.layerCreep)
                }
                if previous.meanSpan > 0, this.meanSpan * 10 <= previous.meanSpan * 9 {
                    flags.append(.spanCompression)
                }
            }
            if this.frontLineMostlyAtTop { flags.append(.frontLineAtTop) }
            result[offset].flags = flags + this.flags
        }
        return result
    }

    /// The snapshot that `offset`'s layers and spans are judged against: the latest
    /// earlier one not flagged `partial` (nil for the first).
    static func comparedWith(_ offset: Int, in snapshots: [TrendSnapshot]) -> TrendSnapshot? {
        snapshots[..<offset].last { !$0.flags.contains(.partial) }
    }

    /// The snapshot `snapshots[offset]`'s layers and spans were judged against.
    public func comparedWith(_ offset: Int) -> TrendSnapshot? { Self.comparedWith(offset, in: snapshots) }

    /// The organisation the series is of: the latest snapshot's organisation or name.
    public var title: String {
        let last = snapshots.last
        return last?.organisation ?? last?.name ?? "Structure"
    }
}
