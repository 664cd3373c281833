import Testing

@testable import OrgChart

/// Any text a structure file holds must reach the chart as written: never ending a DOT
/// string, opening an HTML tag or triggering Graphviz's `\N` substitutions.
@Suite struct DOTTextTests {
    @Test func quotedEscapesQuotesAndBackslashes() {
        #expect(DOTText.quoted(#"plain"#) == #""plain""#)
        #expect(DOTText.quoted(#"say "hi""#) == #""say \"hi\"""#)
        // A trailing backslash must not escape the closing quote.
        #expect(DOTText.quoted(#"C:\"#) == #""C:\\""#)
        // `\N` would become the node name; doubled it stays a backslash and an N.
        #expect(DOTText.quoted(#"\N \G \L"#) == #""\\N \\G \\L""#)
        #expect(DOTText.quoted("a\nb\tc\u{0}d") == #""a b c d""#)
    }

    @Test func htmlEscapesMarkupAndBackslashes() {
        #expect(DOTText.html(#"A & B <b>"x"</b> 'y'"#) == "A &amp; B &lt;b&gt;&quot;x&quot;&lt;/b&gt; &#39;y&#39;")
        #expect(DOTText.html(#"\N"#) == #"\\N"#)
        #expect(DOTText.html("]]> --> <!-- &amp;") == "]]&gt; --&gt; &lt;!-- &amp;amp;")
    }

    @Test func nonLatinAndEmojiPassThrough() {
        let text = "Директор · مدير · Διευθυντής · 児童サービス部長 · 👩‍👧 Family Hub 🏠 · Zoë"
        #expect(DOTText.html(text) == text)
        #expect(DOTText.quoted(text) == "\"\(text)\"")
    }

    @Test func charactersXMLCannotCarryAreReplaced() {
        #expect(DOTText.html("a\u{7}b\u{1B}c\u{FFFE}d\u{85}e") == "a b c\u{FFFD}d e")
    }

    @Test(arguments: ["\"", "\\", "<", ">", "&", "\"; malicious=\"1", "\\\"", "</TD></TR></TABLE>>];"])
    func escapedTextNeverCarriesARawSpecial(_ text: String) {
        let html = DOTText.html(text)
        #expect(!html.contains("<") && !html.contains(">") && !html.contains("\""))
        // Backslashes come only in pairs.
        #expect(html.split(separator: "\\", omittingEmptySubsequences: false).count % 2 == 1)
        let quoted = DOTText.quoted(text)
        // Inside the quotes, every quote is escaped: undoing the escapes gives the text back.
        #expect(DOTInspector.firstQuoted(after: "", in: quoted) == text)
    }
}
