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
        // Room for two findings a post, the most a deep structure has: the arrays are not
        // copied as they grow, and the pages not written are never touched.
        var raw = RawFindings(capacity: 2 * index.posts.count + 16)
        for check in Self.checks { check.run(context, into: &raw) }
        var findings = DeviationReview(rules: rules, asOf: asOf).apply(to: &raw, in: context)
        // File order, then rule order: the same input always lists the same way.
        // The keys are sorted, not the findings, and the findings are then moved into their
        // places in the one array: a million findings are neither moved about in a sort nor
        // held twice.
        Self.permute(&findings, into: Self.listingOrder(findings))
        return ValidationResult(structure: index.structure, rules: rules, findings: findings)
    }

    /// The findings' indices in listing order: by line, then rule, then as found. Each is
    /// packed with its key into one integer, so a million are sorted as plain numbers (no
    /// closure called twenty million times); beyond what fits, a sort by comparison.
    static func listingOrder(_ findings: [Finding]) -> [Int] {
        let ruleCount = RuleID.allCases.count
        var minLine = 0
        var maxLine = 0
        // Read where each finding lies: a copy would retain and release each of its strings.
        findings.withUnsafeBufferPointer { all in
            for index in all.indices {
                minLine = min(minLine, all[index].line ?? 0)
                maxLine = max(maxLine, all[index].line ?? 0)
            }
        }
        let indexBits = max(1, Int.bitWidth - (findings.count - 1).leadingZeroBitCount)
        let (keySpan, overflow) = (maxLine + 1).multipliedReportingOverflow(by: ruleCount)
        guard minLine >= 0, !overflow, keySpan < 1 << (63 - indexBits) else {
            return findings.indices.sorted { a, b in
                let x = findings[a]
                let y = findings[b]
                if (x.line ?? 0) != (y.line ?? 0) { return (x.line ?? 0) < (y.line ?? 0) }
                if x.rule != y.rule { return x.rule < y.rule }
                return a < b
            }
        }
        var packed = findings.withUnsafeBufferPointer { all in
            all.indices.map { index in UInt64(((all[index].line ?? 0) * ruleCount + all[index].rule.order) << indexBits | index) }
        }
        packed.sort()
        let mask = UInt64(1) << indexBits - 1
        return packed.map { Int($0 & mask) }
    }

    /// Rearranges `items` so that `items[i]` becomes what `items[order[i]]` was; `order` is
    /// a permutation of the indices. The items are moved (not copied: no reference
    /// counting) out to a scratch buffer in one sweep, then gathered back in order. The
    /// gather's reads do not wait on each other, so the memory serves many at once, where
    /// following the permutation's cycles waits on every one in turn.
    static func permute<T>(_ items: inout [T], into order: [Int]) {
        precondition(order.count == items.count, "the order must be a permutation of the items")
        guard items.count > 1 else { return }
        let scratch = UnsafeMutablePointer<T>.allocate(capacity: items.count)
        defer { scratch.deallocate() }
        items.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            scratch.moveInitialize(from: base, count: buffer.count)
            for (slot, from) in order.enumerated() {
                (base + slot).moveInitialize(from: scratch + from, count: 1)
            }
        }
    }
}

extension Validator {
    /// The deviations that cover a finding, as (post position, deviation slot) pairs: the
    /// rest are unused. The checks run as `validate` runs them; the findings are not kept.
    package func coveringDeviations(_ index: StructureIndex) -> Set<[Int]> {
        let context = CheckContext(index: index, rules: rules)
        var raw = RawFindings()
        for check in Self.checks { check.run(context, into: &raw) }
        return DeviationReview(rules: rules, asOf: asOf).coverage(of: raw, in: context)
    }

    /// Whether `deviation` stands: it has a rationale, every approver the rule set names,
    /// and is not agreed after `asOf` (what `deviation-unagreed` checks).
    package func isAgreed(_ deviation: Deviation) -> Bool {
        DeviationReview(rules: rules, asOf: asOf).isAgreed(deviation)
    }
}

/// The findings for one structure, with the counts a summary needs.
public struct ValidationResult: Sendable {
    public let structure: Structure
    public let rules: RuleSet
    public let findings: [Finding]
    public let errorCount: Int
    public let warningCount: Int
    public let acceptedCount: Int

    init(structure: Structure, rules: RuleSet, findings: [Finding]) {
        self.structure = structure
        self.rules = rules
        self.findings = findings
        // Counted once: the reports ask for each count more than once.
        var counts = (error: 0, warning: 0, accepted: 0)
        for finding in findings {
            switch finding.severity {
            case .error: counts.error += 1
            case .warning: counts.warning += 1
            case .accepted: counts.accepted += 1
            }
        }
        (errorCount, warningCount, acceptedCount) = (counts.error, counts.warning, counts.accepted)
    }

    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: errorCount
        case .warning: warningCount
        case .accepted: acceptedCount
        }
    }
    /// A structure passes when no finding is an error.
    public var passes: Bool { errorCount == 0 }
}
