import OrgModel

/// Why snapshots cannot be set in order as a trend: each message names the file and says
/// what to do.
public enum TrendError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A snapshot without an `effective:` date has no place in the series.
    case noEffectiveDate(file: String)
    /// Two snapshots of the same date: which comes first cannot be told.
    case sameEffectiveDate(first: String, second: String, effective: Day)

    public var description: String {
        switch self {
        case .noEffectiveDate(let file):
            "\(file): no effective date, so its place in the series is unknown: add `effective: YYYY-MM-DD` to the file, or import it again with --effective DATE"
        case .sameEffectiveDate(let first, let second, let effective):
            "\(first) and \(second) are both effective \(effective): give each snapshot its own date (`effective:`), or leave one of them out"
        }
    }
}
