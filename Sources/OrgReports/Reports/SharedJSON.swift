import OrgAnalysis

/// A cost total as the JSON reports write it: the known sum, the posts (and their
/// headcount) whose cost is not known, and whether the total is complete, so a reader
/// never takes unknown for zero.
public struct JSONCost: Encodable, Sendable {
    /// The sum of the known costs.
    var known: Double
    /// Posts whose cost is not known (the sum leaves them out), and their headcount.
    var unknownPosts: Int
    var unknownHeadcount: Int
    var complete: Bool

    init(_ total: CostTotal) {
        known = total.known
        unknownPosts = total.unknownPosts
        unknownHeadcount = total.unknownHeadcount
        complete = total.isComplete
    }
}

/// Managers in one span band, as the JSON reports list them: `{"band": "2-3",
/// "managers": 4}` (a band is a value, never a key).
public struct JSONBand: Encodable, Sendable {
    var band: String
    var managers: Int
}

/// How the JSON reports write a decimal figure.
enum JSONFigure {
    /// Rounded to four places: enough for any FTE, span or share, and no binary noise
    /// (0.30000000000000004, 1540.4199999) in the JSON.
    static func tidy(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
