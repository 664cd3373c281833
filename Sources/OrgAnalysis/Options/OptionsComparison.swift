import OrgModel
import OrgSupport

/// A current structure and any number of options for it, measured alike and set side by
/// side: what leadership compares when it chooses between de-layering options.
///
/// Each option is compared with the current structure by `StructureComparison`; the
/// current structure is indexed, measured and checked once. Values only;
/// `OptionsComparison+Formats.swift` renders the table as text, Markdown and JSON.
public struct OptionsComparison: Sendable {
    /// One structure's measures: a column of the table.
    public struct Measures: Sendable {
        /// The structure file as the user named it.
        public let file: String?
        public let structure: Structure
        public let analysis: StructureAnalysis
        public let findings: ValidationResult

        /// The median span of the posts that lead anyone; 0 when no post leads anyone.
        public let medianSpan: Double
        /// Managers per span band, over every tier (the analysis's bands, added up).
        public let spanBands: [SpanBand: Int]

        public init(file: String?, analysis: StructureAnalysis, findings: ValidationResult) {
            self.file = file
            self.structure = analysis.structure
            self.analysis = analysis
            self.findings = findings
            medianSpan = analysis.medianManagerSpan
            spanBands = analysis.spanBandTotals
        }

        public var posts: Int { analysis.totals.posts }
        public var headcount: Int { analysis.totals.headcount }
        public var fte: Double { analysis.totals.fte }
        public var frontLineHeadcount: Int { analysis.ratios.frontLineHeadcount }
        public var managerPosts: Int { analysis.ratios.managerPosts }
        public var managementLayers: Int { analysis.layers.managementLayers }
        /// The mean span of the posts that lead anyone (as `StructureRatios` has it).
        public var meanSpan: Double { analysis.ratios.meanSpan }

        public var narrowSpans: Int { analysis.narrowSpans }
        public var wideSpans: Int { analysis.wideSpans }
        public var oneOverOne: Int { analysis.oneOverOne.managers.count }
        public var errors: Int { findings.errorCount }
        public var warnings: Int { findings.warningCount }
        public var accepted: Int { findings.acceptedCount }
        public var annualCost: CostTotal { analysis.ratios.totalCost }

        /// The findings the structure keeps under an agreed deviation, in file order: the
        /// deviations it relies on.
        public var reliedOn: [Finding] {
            findings.findings.filter { $0.severity == .accepted && $0.deviation != nil }
        }
    }

    /// An option: its measures and its comparison with the current structure.
    public struct Option: Sendable {
        public var measures: Measures
        public var comparison: StructureComparison

        /// Deleted posts' cost off, created posts' on, kept posts' changes: a saving is negative.
        public var netChange: CostChange { comparison.netCostChange }
        public var deleted: Int { comparison.deleted.count }
        public var created: Int { comparison.created.count }
        /// Kept posts that report to a different post.
        public var moved: Int { comparison.count(.reportingLine) }
    }

    public let current: Measures
    public let options: [Option]

    /// Measures `current` and each option, and compares each option with `current`.
    /// Each structure is checked against its own rule set, deviations judged as of `asOf`.
    public init(
        current: Structure, rules: RuleSet, file: String? = nil,
        options: [(structure: Structure, rules: RuleSet, file: String?)], asOf: Day, matching: IDMatching = .exact
    ) {
        func measure(_ index: StructureIndex, _ rules: RuleSet) -> (StructureAnalysis, ValidationResult) {
            ParallelWork.both(
                { StructureAnalysis(index: index, rules: rules) },
                { Validator(rules: rules, asOf: asOf).validate(index) })
        }
        let currentIndex = StructureIndex(current)
        let before = measure(currentIndex, rules)
        self.current = Measures(file: file, analysis: before.0, findings: before.1)
        self.options = options.map { option in
            let index = StructureIndex(option.structure)
            let (diff, after) = ParallelWork.both(
                { StructureDiff(current: currentIndex, proposed: index, matching: matching) },
                { measure(index, option.rules) })
            let comparison = StructureComparison(
                diff: diff, before: before.0, after: after.0, beforeFindings: before.1, afterFindings: after.1)
            return Option(measures: Measures(file: option.file, analysis: after.0, findings: after.1), comparison: comparison)
        }
    }

    /// The current structure's measures, then each option's: the table's columns.
    public var columns: [Measures] { [current] + options.map(\.measures) }
}
