/// Finds people's names inside text in linear time: names and text are cut into words
/// (runs of letters and digits; case and punctuation ignored, so "O'Neill" is the words
/// "o neill" and "Jo Bloggs's team" and "a Jo Bloggs-led team" hold "jo bloggs"), and each
/// run of up to `longestName` words of the text is looked up in a set. So "PA to Jo
/// Bloggs, interim" is found to hold "Jo Bloggs", and a million-post structure is checked
/// in one pass rather than names × text.
///
/// A single word is a name only where the text shows it is one, so that a holder field
/// saying "Agency" does not blank every title that mentions an agency:
/// - a one-word name as a whole value ("Cher"), or followed by a possessive ("Cher's team");
/// - a surname, or a one-word name, after a title of address ("Mr Bloggs", "Dr Cher").
/// A first name or a surname on its own in running text is not taken for a name.
struct NameMatcher {
    private var names: Set<[Substring]> = []
    private var whole: Set<String> = []
    /// Surnames (the last blank-separated part of each name, as words: "O'Neill" is
    /// "o neill"), and one-word names, found after a title of address.
    private var surnames: Set<[Substring]> = []
    private(set) var longestName = 0

    /// Words that, before a surname, make it a reference to a person.
    static let titlesOfAddress: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor", "sir", "dame", "prof", "professor", "lord", "lady",
    ]

    init(_ names: some Sequence<String>) {
        for name in names {
            let words = Self.words(name.lowercased())
            guard let last = words.last else { continue }
            let owned = words.map { Substring(String($0)) }
            if owned.count == 1 {
                whole.insert(String(owned[0]))
            } else {
                self.names.insert(owned)
                // Surname first, as registers write it: "Bloggs, Jo".
                self.names.insert([owned[owned.count - 1]] + owned.dropLast())
            }
            let surname = Self.words(String(name.lowercased().split(whereSeparator: \.isWhitespace).last ?? "")).map {
                Substring(String($0))
            }
            if !surname.isEmpty, surname.joined().count >= 2 {
                surnames.insert(surname)
            } else if last.count >= 2 {
                surnames.insert([Substring(String(last))])
            }
            longestName = max(longestName, owned.count)
        }
    }

    var isEmpty: Bool { names.isEmpty && whole.isEmpty }

    /// The word ranges of `text` that hold a name, longest match first, not overlapping.
    func matches(in text: String) -> [Range<String.Index>] {
        if isEmpty { return [] }
        let words = Self.words(text)
        guard !words.isEmpty else { return [] }
        let keys = words.map { word in word.allSatisfy { !$0.isUppercase } ? word : Substring(word.lowercased()) }
        if keys.count == 1 { return whole.contains(String(keys[0])) ? [words[0].startIndex..<words[0].endIndex] : [] }
        var found: [Range<String.Index>] = []
        var start = 0
        while start < keys.count {
            var matched = 0
            for length in stride(from: min(longestName, keys.count - start), through: 2, by: -1)
            where names.contains(Array(keys[start..<(start + length)])) {
                matched = length
                break
            }
            if matched == 0, Self.titlesOfAddress.contains(String(keys[start])) {
                for length in stride(from: min(3, keys.count - start - 1), through: 1, by: -1)
                where surnames.contains(Array(keys[(start + 1)...(start + length)])) {
                    matched = 1 + length
                    break
                }
            }
            if matched == 0, whole.contains(String(keys[start])), start + 1 < keys.count, keys[start + 1] == "s",
                Self.isApostrophe(text[words[start].endIndex..<words[start + 1].startIndex])
            {
                found.append(words[start].startIndex..<words[start].endIndex)
                start += 1
                continue
            }
            if matched > 0 {
                found.append(words[start].startIndex..<words[start + matched - 1].endIndex)
                start += matched
            } else {
                start += 1
            }
        }
        return found
    }

    /// `text` with every name in it replaced by `placeholder`.
    func replacing(in text: String, with placeholder: String) -> String {
        let ranges = matches(in: text)
        guard !ranges.isEmpty else { return text }
        var out = ""
        var cursor = text.startIndex
        for range in ranges {
            out += text[cursor..<range.lowerBound]
            out += placeholder
            cursor = range.upperBound
        }
        out += text[cursor...]
        return out
    }

    static func words(_ text: String) -> [Substring] {
        text.split { character in !(character.isLetter || character.isNumber) }
    }

    private static func isApostrophe(_ gap: Substring) -> Bool { gap == "'" || gap == "\u{2019}" }
}
