import Testing

@testable import OrgModel
@testable import OrgSupport

/// The byte scan that lets a line with no break skip splitting by characters.
@Suite("Line breaks told from bytes")
struct LineBreakScanTests {
    func scan(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(ReportLog.mayHoldLineBreak)
    }

    @Test("Every kind of break is seen; £, — and → (which share first bytes with some) are not breaks")
    func breaks() {
        for text in ["a\nb", "a\rb", "a\r\nb", "a\u{0B}b", "a\u{0C}b", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "\n", "x\u{2029}"] {
            #expect(scan(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        for text in ["", "Costs £86,000 a year", "Merge A — B", "T3 → T4", "\u{2027}\u{202A}\u{84}\u{86}", "Ünïcödé 日本 🎉", "\u{C2}"] {
            #expect(!scan(text), "\(text)")
        }
    }

    @Test("The scan agrees with Character.isNewline on every line it is given")
    func agreesWithCharacters() {
        let pieces = ["a", "£", "—", "→", "\n", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "é", " ", "\u{0B}"]
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(scan(text) == text.contains(where: \.isNewline), "\(text.debugDescription)")
        }
    }
}
