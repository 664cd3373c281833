/// Finds people's names inside text in linear time: names and text are cut into words
/// (runs of letters and digits; case and punctuation ignored, so "O'Neill" is the words
/// "o neill" and "Jo Bloggs's team" and "a Jo Bloggs-led team" hold "jo bloggs"), and each run
/// of up to `longestName` words of the text is looked up in a set. So "PA to Jo Bloggs,
/// interim" is found to hold "Jo Bloggs", and a million-post structure is checked in one
/// pass rather than names × text.
///
/// Single-word names are only matched as a whole value, never inside text: a holder
/// field saying "Agency" must not blank every title that mentions an agency.
struct NameMatcher {
    private var names: Set<[Substring]> = []
    private var whole: Set<String> = []
    private(set) var longestName = 0

    init(_ names: some Sequence<String>) {
        for name in names {
            let words = Self.words(name.lowercased())
            guard !words.isEmpty else { continue }
            let owned = words.map { Substring(String($0)) }
            if owned.count == 1 { whole.insert(String(owned[0])) } else { self.names.insert(owned) }
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
}
