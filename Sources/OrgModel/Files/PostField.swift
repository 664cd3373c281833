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
func closest(to word: String, among names: [String], maximumDistance: Int? = nil) -> String? {
    let target = Array(word.lowercased())
    var best: (name: String, distance: Int)?
    for name in names {
        let distance = editDistance(target, Array(name.lowercased()))
        // Near enough to be a typo: one slip in a short word, more in a long one, and
        // never half the word (so "PSW" does not suggest "SM").
        let nearEnough = maximumDistance.map { distance <= $0 }
            ?? (distance <= max(1, target.count / 3) || (distance == 2 && target.count >= 4))
        if nearEnough, distance < best?.distance ?? .max {
            best = (name, distance)
        }
    }
    return best?.name
}

private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
