/// The rows of the options table, and which value of each row is best.
extension OptionsComparison {
    /// One measure: a row of the table, a key of the JSON.
    public enum Row: Hashable, Sendable {
        case posts, headcount, fte, frontLineHeadcount, managerPosts, managementLayers, meanSpan, medianSpan
        case spanBand(SpanBand)
        case narrowSpans, wideSpans, oneOverOne, errors, warnings, accepted, annualCost
        /// Options only: against the current structure.
        case netChange, deleted, created, moved

        /// Which way is better, for the rows where one is: fewer manager posts, layers,
        /// narrow and wide spans, one-over-one managers, errors, warnings and findings
        /// accepted under a deviation; the lowest annual cost and net change (the largest
        /// saving). Size (posts, headcount, FTE, front line), spans and bands, and the
        /// number of posts changed have no better direction: a wider span is better only
        /// up to the rule, which the narrow and wide rows judge.
        public enum Better: Sendable { case lower, higher }

        public var better: Better? {
            switch self {
            case .managerPosts, .managementLayers, .narrowSpans, .wideSpans, .oneOverOne, .errors, .warnings, .accepted,
                .annualCost, .netChange:
                .lower
            default: nil
            }
        }

        /// Whether the row is about an option against the current structure.
        public var optionsOnly: Bool {
            switch self {
            case .netChange, .deleted, .created, .moved: true
            default: false
            }
        }

        public var label: String {
            switch self {
            case .posts: "Posts"
            case .headcount: "Headcount"
            case .fte: "FTE"
            case .frontLineHeadcount: "Front-line headcount"
            case .managerPosts: "Manager posts"
            case .managementLayers: "Management layers"
            case .meanSpan: "Mean span"
            case .medianSpan: "Median span"
            case .spanBand(let band): "Span band " + band.heading
            case .narrowSpans: "Narrow spans"
            case .wideSpans: "Wide spans"
            case .oneOverOne: "One-over-one managers"
            case .errors: "Errors"
            case .warnings: "Warnings"
            case .accepted: "Accepted under a deviation"
            case .annualCost: "Annual cost"
            case .netChange: "Net change a year"
            case .deleted: "Posts deleted"
            case .created: "Posts created"
            case .moved: "Posts moved"
            }
        }
    }

    /// Every row, in table order. The bands 0, 1, 2–3, within and above the rule are
    /// always shown; the rarer ones only when a structure has them.
    public var rows: [Row] {
        let always: Set<SpanBand> = [.none, .one, .twoToThree, .withinRule, .aboveRule]
        let present = columns.map(\.spanBands)
        let bands = SpanBand.allCases.filter { band in always.contains(band) || present.contains { $0[band, default: 0] > 0 } }
        return [.posts, .headcount, .fte, .frontLineHeadcount, .managerPosts, .managementLayers, .meanSpan, .medianSpan]
            + bands.map(Row.spanBand)
            + [.narrowSpans, .wideSpans, .oneOverOne, .errors, .warnings, .accepted, .annualCost, .netChange, .deleted, .created, .moved]
    }

    /// The figure of `row` in column `column` (0 the current structure, then the options)
    /// as a number to compare; nil where the row does not apply (the current structure's
    /// net change) or the figure is not wholly known (a cost with posts of unknown cost).
    public func value(_ row: Row, column: Int) -> Double? {
        guard columns.indices.contains(column) else { return nil }
        let measures = columns[column]
        if row.optionsOnly {
            guard column > 0 else { return nil }
            let option = options[column - 1]
            switch row {
            case .netChange: return option.netChange.isComplete && !option.netChange.nothingKnown ? option.netChange.known : nil
            case .deleted: return Double(option.deleted)
            case .created: return Double(option.created)
            case .moved: return Double(option.moved)
            default: return nil
            }
        }
        switch row {
        case .posts: return Double(measures.posts)
        case .headcount: return Double(measures.headcount)
        case .fte: return measures.fte
        case .frontLineHeadcount: return Double(measures.frontLineHeadcount)
        case .managerPosts: return Double(measures.managerPosts)
        case .managementLayers: return Double(measures.managementLayers)
        case .meanSpan: return measures.meanSpan
        case .medianSpan: return measures.medianSpan
        case .spanBand(let band): return Double(measures.spanBands[band, default: 0])
        case .narrowSpans: return Double(measures.narrowSpans)
        case .wideSpans: return Double(measures.wideSpans)
        case .oneOverOne: return Double(measures.oneOverOne)
        case .errors: return Double(measures.errors)
        case .warnings: return Double(measures.warnings)
        case .accepted: return Double(measures.accepted)
        case .annualCost: return measures.annualCost.isComplete ? measures.annualCost.known : nil
        case .netChange, .deleted, .created, .moved: return nil
        }
    }

    /// The columns holding the best value of `row`: empty when the row has no better
    /// direction, fewer than two columns take part, every value is the same, or one is
    /// not wholly known (a cost with unknowns cannot be ranked). Ties are all marked.
    public func best(_ row: Row) -> Set<Int> {
        guard let better = row.better else { return [] }
        let candidates = row.optionsOnly ? Array(columns.indices.dropFirst()) : Array(columns.indices)
        guard candidates.count >= 2 else { return [] }
        var values: [(column: Int, value: Double)] = []
        for column in candidates {
            guard let value = value(row, column: column) else { return [] }
            values.append((column, value))
        }
        let figures = values.map(\.value)
        guard let low = figures.min(), let high = figures.max(), low != high else { return [] }
        let target = better == .lower ? low : high
        return Set(values.filter { $0.value == target }.map(\.column))
    }
}
