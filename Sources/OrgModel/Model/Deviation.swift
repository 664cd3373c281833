import Foundation

/// A documented exception to a rule for one post, which stands only when agreed.
///
/// The design authority allows a deviation from a design principle only "where there is a
/// clear documented rationale that is collectively agreed by SLT and HR"; the validator
/// checks the rationale and the approvers against the rule set.
public struct Deviation: Hashable, Sendable {
    /// The check the deviation covers, e.g. `span-narrow`.
    public var rule: RuleID
    public var rationale: String?
    public var agreedBy: [String]
    public var agreedOn: Day?
    public var reviewBy: Day?
    /// Line of the deviation in its structure file (0 when not from a file).
    public var line: Int

    public init(
        rule: RuleID, rationale: String? = nil, agreedBy: [String] = [], agreedOn: Day? = nil,
        reviewBy: Day? = nil, line: Int = 0
    ) {
        self.rule = rule
        self.rationale = rationale
        self.agreedBy = agreedBy
        self.agreedOn = agreedOn
        self.reviewBy = reviewBy
        self.line = line
    }

    /// The rationale with surrounding blanks removed, or nil when there is none to speak of.
    public var statedRationale: String? {
        guard let text = rationale?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
        else { return nil }
        return text
    }

    /// The approvers required by `approvers` that this deviation lacks (case-insensitive).
    public func missingApprovers(from approvers: [String]) -> [String] {
        let given = Set(agreedBy.map { $0.lowercased() })
        return approvers.filter { !given.contains($0.lowercased()) }
    }
}
