import OrgModel

/// Seeded mutations of a file's bytes: the kinds of damage and hostility real files and
/// hostile users bring (issue 10). The same seed gives the same mutations.
public struct Mutator {
    var random: SplitMix64

    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(random.next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Numbers that have broken parsers: past Int and Double, signed zeros, hex, digits
    /// from other scripts, exponents, underscores.
    static let oddNumbers = [
        "99999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e308", "1e309",
        "-1e308", "4.9e-324", "1e-400", "-0", "0.0000000001", "nan", "inf", "-inf", ".nan", ".inf", "0x10", "0o17",
        "1_000", "١٢٣", "+5", ".", "1.", "-", "1e", "18446744073709551616", "0.1e1", "00000000000000000000001",
        "123456789012345.678", "1,000", "£5", "5e18", "9.3e18", "-9.3e18",
    ]

    /// Text that has broken writers and readers: controls, non-characters, line and
    /// paragraph separators, byte-order marks, bidi overrides, YAML escapes, bad UTF-8.
    static let oddText: [[UInt8]] = [
        [0x00], [0x01], [0x1B], [0x7F], [0x0D], [0x09], [0x0C], [0xC2, 0x85], [0xC2, 0x9F], [0xEF, 0xBF, 0xBE],
        [0xEF, 0xBF, 0xBF], [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xE2, 0x80, 0xAE],
        [0xE2, 0x80, 0x8B], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80], Array("e\u{301}".utf8),
        Array("🎉".utf8), Array("\"\\u0000\"".utf8), Array("\"\\x85\"".utf8), Array("\"\\uFFFE\"".utf8),
        Array("\"\\U0010FFFF\"".utf8), Array("\"\\t\\r\\n\"".utf8), Array("'".utf8), Array("\"".utf8), Array("''".utf8),
        Array("=SUM(A1)".utf8), Array("# c".utf8), Array(": x".utf8), Array("- ".utf8), Array("%YAML 1.1".utf8),
        Array("---".utf8), Array("...".utf8), Array("\u{00A0}".utf8), Array("İ".utf8), Array("ß".utf8),
    ]

    /// YAML's anchors, aliases, tags, merge keys, complex keys and flow collections.
    static let yamlShapes = [
        "&a ", "*a", "!!str ", "!!int ", "!!binary ", "!!set ", "!custom ", "<<: *a", "? ", "{}", "[]", "{a: 1}",
        "[1, 2]", "|\n  block", ">-\n  fold", "&b [*b]", "null", "~", "!!null ", "&x x", "*x",
    ]

    /// One mutation of `input`; `others` are other seeds to splice from.
    public mutating func mutate(_ input: [UInt8], others: [[UInt8]]) -> [UInt8] {
        var bytes = input
        let rounds = 1 + below(3)
        for _ in 0..<rounds { bytes = mutateOnce(bytes, others: others) }
        return bytes
    }

    mutating func mutateOnce(_ input: [UInt8], others: [[UInt8]]) -> [UInt8] {
        var bytes = input
        let position = below(bytes.count + 1)
        switch below(14) {
        case 0:  // flip a bit
            if !bytes.isEmpty { bytes[below(bytes.count)] ^= 1 << UInt8(below(8)) }
        case 1:  // a byte that matters to a parser
            if !bytes.isEmpty {
                bytes[below(bytes.count)] = pick([
                    0x00, 0x0A, 0x0D, 0x22, 0x27, 0x2C, 0x3A, 0x3B, 0x23, 0x2D, 0x20, 0x09, 0x7F, 0xFF, 0xC2, 0xEF, 0x5C,
                ])
            }
        case 2:  // truncate
            bytes = Array(bytes.prefix(position))
        case 3, 4:  // duplicate or drop a line
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            guard !lines.isEmpty else { break }
            let line = below(lines.count)
            if chance(50) { lines.insert(lines[line], at: below(lines.count + 1)) } else { lines.remove(at: line) }
            bytes = Array(lines.joined(separator: [0x0A]))
        case 5:  // swap two columns on every line
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let (a, b) = (below(6), below(6))
            bytes = Array(
                lines.map { line -> [UInt8] in
                    var fields = line.split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
                    if a < fields.count, b < fields.count { fields.swapAt(a, b) }
                    return Array(fields.joined(separator: [0x2C]))
                }.joined(separator: [0x0A]))
        case 6:  // an odd number where a number is
            let digits = bytes.indices.filter { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
            guard let start = digits.isEmpty ? nil : digits[below(digits.count)] else { break }
            var end = start
            while end < bytes.count, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == 0x2E { end += 1 }
            bytes.replaceSubrange(start..<end, with: Array(pick(Self.oddNumbers).utf8))
        case 7:  // a number after a known numeric key
            let key = pick(["fte: ", "cost: ", "count: ", "tier: ", "vacant: ", "fte,", "cost,"])
            bytes.insert(contentsOf: Array((key + pick(Self.oddNumbers) + "\n").utf8), at: lineStart(bytes, position))
        case 8:  // odd Unicode
            bytes.insert(contentsOf: pick(Self.oddText), at: position)
        case 9:  // YAML anchors and tags
            bytes.insert(contentsOf: Array(pick(Self.yamlShapes).utf8), at: position)
        case 10:  // deep nesting
            let depth = pick([64, 1_000, 10_000, 50_000])
            let (open, close): (String, String) = chance(50) ? ("[", "]") : ("{a: ", "}")
            bytes.insert(
                contentsOf: Array(
                    (String(repeating: open, count: depth) + String(repeating: close, count: chance(80) ? depth : depth / 2)).utf8),
                at: position)
        case 11:  // a very long line or word
            let length = pick([1_000, 20_000, 150_000])
            let unit = pick(["x", "ab", "é", " ", ",", "P1;", "🎉"])
            bytes.insert(contentsOf: Array(String(repeating: unit, count: length / unit.utf8.count).utf8), at: position)
        case 12:  // splice in part of another seed
            guard let other = others.isEmpty ? nil : pick(others), !other.isEmpty else { break }
            let from = below(other.count)
            let to = min(other.count, from + 1 + below(400))
            bytes.insert(contentsOf: other[from..<to], at: position)
        default:  // an id where another is: loops, self-reports, unknown managers
            let words = ["reports_to: ", "dotted_to: ", "replaces: "]
            bytes.insert(
                contentsOf: Array((pick(words) + pick(["P1", "A", "TOP", "ED", "", "x; y"]) + "\n").utf8), at: lineStart(bytes, position))
        }
        return bytes
    }

    /// The start of the line holding `position`, so an inserted line keeps the lines whole.
    private func lineStart(_ bytes: [UInt8], _ position: Int) -> Int {
        var start = min(position, bytes.count)
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        return start
    }
}
