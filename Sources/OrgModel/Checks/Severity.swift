/// How much a finding matters: an error fails validation, a warning does not, and an
/// accepted finding is one that an agreed deviation covers.
public enum Severity: String, Sendable, Codable, CaseIterable {
    case error, warning, accepted
}
