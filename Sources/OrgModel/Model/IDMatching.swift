import Foundation

/// How strictly two post ids must agree to name the same post: published references
/// drift in form between files and snapshots (`DfE-3024` and `DFE-3024`, `00137261` and
/// `137261`), and a user may ask for such forms to be read as one.
public enum IDMatching: String, Sendable, CaseIterable, Codable {
    /// Ids match only when they are the same text.
    case exact
    /// Ids match when they differ only in upper and lower case.
    case `case`
    /// Ids match when they differ only in case, surrounding blanks and leading zeros.
    case loose

    /// The form of `id` under which ids that match are equal.
    public func key(_ id: PostID) -> String {
        switch self {
        case .exact: return id.rawValue
        case .case: return id.rawValue.lowercased()
        case .loose:
            let trimmed = id.rawValue.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let digitsOff = trimmed.drop { $0 == "0" }
            return digitsOff.isEmpty ? (trimmed.isEmpty ? "" : "0") : String(digitsOff)
        }
    }

    /// The option's values, for messages: `exact, case or loose`.
    public static let valueList = "exact, case or loose"
}

/// Ids of one structure or file looked up under an `IDMatching`.
public struct IDMatcher: Sendable {
    public let matching: IDMatching
    private var idsByKey: [String: [PostID]] = [:]

    public init<S: Sequence>(_ ids: S, matching: IDMatching) where S.Element == PostID {
        self.matching = matching
        for id in ids {
            let key = matching.key(id)
            if !(idsByKey[key]?.contains(id) ?? false) { idsByKey[key, default: []].append(id) }
        }
    }

    /// What `id` finds: itself when present, else the one id of another form, else the
    /// several ids it cannot choose between (empty when none).
    public func candidates(for id: PostID) -> [PostID] {
        let found = idsByKey[matching.key(id)] ?? []
        return found.contains(id) ? [id] : found
    }

    /// Pairs of different ids that the matching reads as one, in first-seen order.
    public var ambiguities: [[PostID]] {
        idsByKey.values.filter { $0.count > 1 }.sorted { $0[0].rawValue < $1[0].rawValue }
    }
}
