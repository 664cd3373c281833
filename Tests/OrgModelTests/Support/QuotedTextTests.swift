import Foundation
import Testing

@testable import OrgSupport

/// The one writer of backslash-escaped double-quoted strings, as JSON and YAML read them.
@Suite("Quoted text: JSON and YAML strings from one escaper")
struct QuotedTextTests {
    @Test("Quotes, backslashes and line breaks escaped; other controls as \\uXXXX")
    func commonEscapes() {
        #expect(QuotedText.string("say \"hi\"\\ \n\r\t") == #""say \"hi\"\\ \n\r\t""#)
        #expect(QuotedText.string("bell\u{7}esc\u{1B}nul\u{0}") == #""bell\u0007esc\u001Bnul\u0000""#)
        #expect(QuotedText.string("") == "\"\"")
    }

    @Test("JSON keeps DEL, C1 controls and U+2028 as they are; YAML escapes them")
    func yamlEscapesMore() {
        let text = "a\u{7F}b\u{85}c\u{9F}d\u{2028}e\u{2029}f\u{FEFF}g\u{A0}h日本🎉"
        #expect(QuotedText.string(text) == "\"" + text + "\"")
        #expect(QuotedText.string(text, escapes: .yaml) == #""a\u007Fb\u0085c\u009Fd\u2028e\u2029f\uFEFFg"# + "\u{A0}h日本🎉\"")
    }

    @Test("What JSON and YAML write, each reads back to the same text")
    func readsBack() throws {
        let samples = ["plain", "x\u{2028}y", "tab\there", "\u{1}\u{1F}\u{7F}\u{80}", "é\u{301}", "🎉\"\\", "\u{FEFF}lead"]
        for sample in samples {
            let json = QuotedText.string(sample)
            let decoded = try JSONDecoder().decode(String.self, from: Data(json.utf8))
            #expect(decoded == sample, "\(json)")
        }
    }
}
