import OrgAnalysis
import OrgModel

extension JSONObject {
    /// A finding as every JSON report gives it: rule, severity, post and its title, and
    /// the message.
    static func finding(_ finding: Finding) -> JSONObject {
        JSONObject([
            "rule": finding.rule.rawValue, "severity": finding.severity.rawValue, "post": finding.post?.rawValue,
            "title": finding.postTitle, "message": finding.message,
        ])
    }

    /// The findings fixed, now accepted under a deviation, and introduced, as the compare
    /// and delayer JSON give them.
    static func findingChanges(_ changes: FindingChanges) -> JSONObject {
        JSONObject([
            "fixed": changes.fixed.map(finding), "accepted": changes.accepted.map(finding),
            "introduced": changes.introduced.map(finding),
        ])
    }
}
