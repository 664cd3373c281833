/// The fields of a post as structure files name them (snake_case keys, CSV columns).
public enum PostField: String, CaseIterable, Sendable {
    case id, title, tier
    case reportsTo = "reports_to"
    case holder, grade, fte, cost, count, vacant, temporary, service, assistant
    case dottedTo = "dotted_to"
    case replaces, deviations, attributes

    /// The prefix of a CSV column that carries an attribute: `attributes.Employee Number`.
    public static let attributeColumnPrefix = "attributes."

    /// The closest known field to a misspelt key, to suggest in the error.
    public static func suggestion(for key: String) -> PostField? {
        closest(to: key, among: allCases.map(\.rawValue)).flatMap(PostField.init(rawValue:))
    }
}

/// The known name nearest to `word` by edit distance, if it is near enough to be a typo.
/// `maximumDistance`, when given, replaces the usual allowance.
///
/// The search is bounded so that a hostile word (a megabyte `dotted_to`) among thousands
/// of names costs about as much as reading it: a word longer than
/// `longestSuggestedWord` gets no suggestion (nobody mistypes a 200-character id), a name
/// whose length alone puts it out of reach is skipped before it is compared, and the
/// distance is computed in a band around the diagonal that stops as soon as every cell
/// in a row is out of reach.
func closest(to word: String, among names: [String], maximumDistance: Int? = nil) -> String? {
    guard word.utf8.count <= longestSuggestedWord * 4 else { return nil }
    let target = Array(word.lowercased())
    guard target.count <= longestSuggestedWord else { return nil }
    // Near enough to be a typo: one slip in a short word, more in a long one, and
    // never half the word (so "PSW" does not suggest "SM").
    let allowance = maximumDistance ?? max(1, target.count / 3, target.count >= 4 ? 2 : 0)
    var best: (name: String, distance: Int)?
    for name in names {
        let limit = Swift.min(allowance, (best?.distance ?? .max) - 1)
        guard limit >= 0 else { break }
        // A name has no more characters than UTF-8 bytes; one far longer is read no further
        // than it takes to see that.
        guard name.utf8.count >= target.count - limit else { continue }
        let head = name.prefix(target.count + limit + 1)
        guard head.count <= target.count + limit else { continue }
        let candidate = Array(head.lowercased())
        guard abs(candidate.count - target.count) <= limit,
            let distance = editDistance(target, candidate, limit: limit)
        else { continue }
        best = (name, distance)
    }
    return best?.name
}

/// Words longer than this get no "did you mean" suggestion.
let longestSuggestedWord = 200

/// The edit distance between `a` and `b` if it is at most `limit`, else nil: only the
/// cells within `limit` of the diagonal can be that near, so only they are computed.
func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
    guard abs(a.count - b.count) <= limit else { return nil }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let outOfReach = limit + 1
    var previous = (0...b.count).map { Swift.min($0, outOfReach) }
    var current = [Int](repeating: outOfReach, count: b.count + 1)
    for i in 1...a.count {
        let low = Swift.max(1, i - limit)
        let high = Swift.min(b.count, i + limit)
        current[low - 1] = low == 1 ? Swift.min(i, outOfReach) : outOfReach
        var rowBest = current[low - 1]
        if low <= high {
            for j in low...high {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let value = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution, outOfReach)
                current[j] = value
                rowBest = Swift.min(rowBest, value)
            }
        }
        if high < b.count { current[high + 1] = outOfReach }
        guard rowBest <= limit else { return nil }
        swap(&previous, &current)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
}
