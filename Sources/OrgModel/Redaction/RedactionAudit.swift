/// Checks a published output for names a redaction withheld: the last line of defence
/// before a redacted chart, report or file leaves the building.
///
/// Built from the structure before redaction, it knows every name the profile withholds;
/// `leaks(in:)` says which of them still appear in an output's text. `orgmodel export
/// --redact` refuses to write an output with a leak, and the tests grep every output
/// format through it.
public struct RedactionAudit: Sendable {
    /// The withheld names, as the structure spells them, sorted.
    public let withheldNames: [String]
    private let matcher: NameMatcher
    private let spelling: [String: String]

    /// The names `profile` withholds from `structure`: holders of posts outside the named
    /// tiers, less anyone also named in a shown tier (their name is public anyway).
    public init(withholdingFrom structure: Structure, by profile: RedactionProfile) {
        var shown: Set<String> = []
        var withheld: [String: String] = [:]
        for post in structure.posts {
            guard let holder = post.holder else { continue }
            for name in holder.components(separatedBy: JobShare.separator) {
                let key = Self.key(name)
                guard !key.isEmpty, key != Self.key(profile.placeholder), key != "n/d", key != "vacant" else { continue }
                if profile.showsName(tier: post.tier) { shown.insert(key) } else if withheld[key] == nil { withheld[key] = name.trimmingBlanks() }
            }
        }
        for key in shown { withheld[key] = nil }
        spelling = withheld
        withheldNames = withheld.values.sorted()
        matcher = NameMatcher(withheld.values)
    }

    /// The withheld names that appear in `text`, each once, in the order first met.
    public func leaks(in text: String) -> [String] {
        guard !withheldNames.isEmpty else { return [] }
        var found: [String] = []
        var seen: Set<String> = []
        // Line by line keeps each lookup local; a name never spans a line break in output.
        for line in text.split(whereSeparator: \.isNewline) {
            let line = String(line)
            for range in matcher.matches(in: line) {
                let key = Self.key(String(line[range]))
                let name = spelling[key] ?? String(line[range])
                if seen.insert(name).inserted { found.append(name) }
            }
        }
        return found
    }

    /// The withheld names in `bytes` read as UTF-8.
    public func leaks(in bytes: [UInt8]) -> [String] { leaks(in: String(decoding: bytes, as: UTF8.self)) }

    static func key(_ name: String) -> String {
        NameMatcher.words(name.lowercased()).joined(separator: " ")
    }
}
