/// Checks a structure against a rule set and returns its findings, most useful first.
public struct Validator: Sendable {
    public var rules: RuleSet
    /// The day deviation reviews are judged against (`--as-of`, default today).
    public var asOf: Day

    public init(rules: RuleSet, asOf: Day) {
        self.rules = rules
        self.asOf = asOf
    }

    /// Every check, in the order their findings are listed for a post.
    static let checks: [any StructureCheck] = [
        DuplicateIDCheck(), ReportingLineCheck(), CycleCheck(), RootCheck(), SpanCheck(), TierCheck(),
        OneOverOneCheck(), GradeSameCheck(), LayersCheck(),
    ]

    public func validate(_ structure: Structure) -> ValidationResult {
        validate(StructureIndex(structure))
    }

    public func validate(_ index: StructureIndex) -> ValidationResult {
        let context = CheckContext(index: index, rules: rules)
        var raw: [RawFinding] = []
        for check in Self.checks { check.run(context, into: &raw) }
        var findings = DeviationReview(rules: rules, asOf: asOf).apply(to: raw, in: context)
        // File order, then rule order: the same input always lists the same way.
        // The keys are sorted, not the findings: moving a million findings about in a sort
        // costs far more than moving their positions.
        let keys = findings.map { (line: $0.line ?? 0, rule: $0.rule) }
        let order = findings.indices.sorted { a, b in
            if keys[a].line != keys[b].line { return keys[a].line < keys[b].line }
            if keys[a].rule != keys[b].rule { return keys[a].rule < keys[b].rule }
            return a < b
        }
        findings = order.map { findings[$0] }
        return ValidationResult(structure: index.structure, rules: rules, findings: findings)
    }
}

extension Validator {
    /// The deviations that cover a finding, as (post position, deviation slot) pairs: the
    /// rest are unused. The checks run as `validate` runs them; the findings are not kept.
    func coveringDeviations(_ index: StructureIndex) -> Set<[Int]> {
        let context = CheckContext(index: index, rules: rules)
        var raw: [RawFinding] = []
        for check in Self.checks { check.run(context, into: &raw) }
        return DeviationReview(rules: rules, asOf: asOf).coverage(of: raw, in: context)
    }

    /// Whether `deviation` stands: it has a rationale, every approver the rule set names,
    /// and is not agreed after `asOf` (what `deviation-unagreed` checks).
    func isAgreed(_ deviation: Deviation) -> Bool {
        DeviationReview(rules: rules, asOf: asOf).isAgreed(deviation)
    }
}

/// The findings for one structure, with the counts a summary needs.
public struct ValidationResult: Sendable {
    public let structure: Structure
    public let rules: RuleSet
    public let findings: [Finding]

    public func count(_ severity: Severity) -> Int { findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }
    public var errorCount: Int { count(.error) }
    public var warningCount: Int { count(.warning) }
    public var acceptedCount: Int { count(.accepted) }
    /// A structure passes when no finding is an error.
    public var passes: Bool { errorCount == 0 }
}
