import OrgSupport

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
        self.init(withholdingFrom: [structure], by: profile)
    }

    /// The names withheld from any of `structures` and shown in none: what a chart or a
    /// review of a current and a proposed structure together must not show.
    public init(withholdingFrom structures: [Structure], by profile: RedactionProfile) {
        var shown: Set<String> = []
        var withheld: [String: String] = [:]
        let notNames: Set<String> = [Self.key(profile.placeholder), Self.key("N/D"), Self.key("Vacant")]
        for post in structures.lazy.flatMap(\.posts) {
            guard let holder = post.holder else { continue }
            for name in holder.components(separatedBy: JobShare.separator) {
                let key = Self.key(name)
                guard !key.isEmpty, !notNames.contains(key) else { continue }
                if profile.showsName(tier: post.tier) {
                    shown.insert(key)
                } else if withheld[key] == nil {
                    withheld[key] = name.trimmingBlanks()
                }
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

    /// The withheld names in markup (DOT, SVG, HTML-like labels): tags are read as spaces
    /// and character references decoded first, so a name split over two lines of a
    /// label (`Jo<BR/>Bloggs`) or written with `&#235;` is still found.
    public func leaks(inMarkup text: String) -> [String] {
        guard !withheldNames.isEmpty else { return [] }
        return leaks(in: Self.plainText(ofMarkup: text))
    }

    /// Where in a (redacted) structure each of `names` still stands: "post HOS-1's grade",
    /// "the file name", so that a refusal can say what to change.
    public func places(of names: [String], in structure: Structure) -> [String] {
        let matcher = NameMatcher(names)
        guard !matcher.isEmpty else { return [] }
        func has(_ text: String?) -> Bool { text.map { !matcher.matches(in: $0).isEmpty } ?? false }
        var places: [String] = []
        if has(structure.source) { places.append("the file name \(structure.source ?? "")") }
        if has(structure.name) { places.append("the structure's name") }
        if has(structure.organisation) { places.append("the organisation's name") }
        if has(structure.description) { places.append("the structure's description") }
        for post in structure.posts {
            let fields: [(String, String?)] = [
                ("id", post.id.rawValue), ("reports_to", post.reportsTo?.rawValue), ("title", post.title),
                ("holder", post.holder), ("grade", post.grade), ("service", post.service),
                ("dotted_to", post.dottedTo.map(\.rawValue).joined(separator: " ")), ("replaces", post.replaces?.rawValue),
            ]
            for (field, value) in fields where has(value) { places.append("post \(post.id)'s \(field)") }
            for attribute in post.attributes where has(attribute.name) || has(attribute.value) {
                places.append("post \(post.id)'s attribute \(attribute.name)")
            }
            if places.count > 20 { break }
        }
        return places
    }

    /// ", in post HOS's grade; the file name …": where `names` still stand in the
    /// (redacted) `structures`, for a refusal; empty when no field holds them.
    public func placesText(of names: [String], in structures: [Structure]) -> String {
        let found = Array(Set(structures.flatMap { self.places(of: names, in: $0) })).sorted()
        guard !found.isEmpty else { return "" }
        return ", in " + found.prefix(5).joined(separator: "; ") + (found.count > 5 ? "; …" : "")
    }

    /// What a refusal tells the user to do.
    public static let refusalAdvice = "Redaction replaces names in titles, services, grades and notes only: take the name out of that field"

    /// Markup as the text a reader sees: tags become spaces, DOT's `\n`, `\l` and `\r`
    /// line breaks become spaces, and character references are decoded.
    static func plainText(ofMarkup text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", let close = text[index...].firstIndex(of: ">"), !text[index..<close].contains("\n") {
                out.append(" ")
                index = text.index(after: close)
            } else if character == "\\", let next = text.index(index, offsetBy: 1, limitedBy: text.endIndex), next < text.endIndex,
                ["n", "l", "r"].contains(text[next])
            {
                out.append(" ")
                index = text.index(after: next)
            } else if character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";"),
                let decoded = HTMLText.character(referencedBy: text[text.index(after: index)..<semicolon])
            {
                out.append(decoded)
                index = text.index(after: semicolon)
            } else {
                out.append(character)
                index = text.index(after: index)
            }
        }
        return out
    }

    /// The withheld names in `bytes` read as UTF-8.
    public func leaks(in bytes: [UInt8]) -> [String] { leaks(in: String(decoding: bytes, as: UTF8.self)) }

    static func key(_ name: String) -> String {
        NameMatcher.words(name.lowercased()).joined(separator: " ")
    }
}
