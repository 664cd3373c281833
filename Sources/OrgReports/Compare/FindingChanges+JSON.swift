import OrgAnalysis
import OrgModel

/// A finding as the compare and delayer JSON give it: rule, severity, post and its
/// title, and the message.
public struct FindingJSON: Encodable, Equatable, Sendable {
    var rule: String
    var severity: String
    var post: String?
    var title: String?
    var message: String

    init(_ finding: Finding) {
        rule = finding.rule.rawValue
        severity = finding.severity.rawValue
        post = finding.post?.rawValue
        title = finding.postTitle
        message = finding.message
    }
}

/// The findings fixed, now accepted under a deviation, and introduced, as JSON.
public struct FindingChangesJSON: Encodable, Equatable, Sendable {
    var fixed: [FindingJSON]
    var accepted: [FindingJSON]
    var introduced: [FindingJSON]

    init(_ changes: FindingChanges) {
        fixed = changes.fixed.map(FindingJSON.init)
        accepted = changes.accepted.map(FindingJSON.init)
        introduced = changes.introduced.map(FindingJSON.init)
    }
}
