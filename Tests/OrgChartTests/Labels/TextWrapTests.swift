import Testing

@testable import OrgChart

@Suite struct TextWrapTests {
    @Test func wrapsAtSpaces() {
        #expect(TextWrap.lines("Head of Service, Children Looked After", width: 21) == ["Head of Service,", "Children Looked After"])
        #expect(TextWrap.lines("Head of Service, Children Looked After", width: 20) == ["Head of Service,", "Children Looked", "After"])
        #expect(TextWrap.lines("Short", width: 20) == ["Short"])
        #expect(TextWrap.lines("", width: 20) == [""])
    }

    @Test func collapsesWhiteSpaceAndLineBreaks() {
        #expect(TextWrap.lines("  Team\n\tManager   North ", width: 40) == ["Team Manager North"])
    }

    @Test func neverBreaksInsideAWord() {
        // "Environment&Finance" used to print as "Environment&Fi" / "re".
        #expect(TextWrap.lines("Head of Environment&Finance", width: 14) == ["Head of", "Environment&Finance"])
        #expect(TextWrap.lines("Abcdefg hi", width: 5) == ["Abcdefg", "hi"])
    }

    @Test func cutsAnOverlongWordWithAnEllipsis() {
        #expect(TextWrap.lines("Abcdefghijklmnop qr", width: 6) == ["Abcdefgh…", "qr"])
    }

    @Test func cutsAtMaxLinesWithAnEllipsis() {
        #expect(TextWrap.lines("one two three four five", width: 9, maxLines: 2) == ["one two", "three …"])
        #expect(TextWrap.lines("one two", width: 9, maxLines: 2) == ["one two"])
    }

    @Test func aHugeWordIsLinear() {
        // 150,000 characters without a space took 33 s when every piece re-measured the rest.
        let word = String(repeating: "x", count: 150_000)
        #expect(TextWrap.lines(word, width: 22) == [String(repeating: "x", count: 32) + "…"])
    }

    @Test func neverSplitsACharacter() {
        // A family emoji is one character of several scalars; an accent is combining.
        let family = "👩‍👩‍👧‍👦"
        let lines = TextWrap.lines(String(repeating: family, count: 5) + " e\u{301}e\u{301}", width: 4)
        #expect(lines.joined().filter { $0 == Character(family) }.count == 5)
        #expect(lines.last == "e\u{301}e\u{301}")
        #expect(lines.allSatisfy { TextWrap.displayWidth($0) <= 4 })
    }

    @Test func wideCharactersCountDouble() {
        #expect(TextWrap.displayWidth("児童") == 4)
        #expect(TextWrap.lines("児童サービス部長", width: 6) == ["児童サ", "ービス", "部長"])
    }

    @Test func twoHundredCharacterTitleWrapsAndLosesNothing() {
        let words = (1...40).map { "word\($0)" }
        let title = String(words.joined(separator: " ").prefix(200))
        #expect(title.count == 200)
        let lines = TextWrap.lines(title, width: 22)
        #expect(lines.count > 8)
        #expect(lines.allSatisfy { $0.count <= 22 })
        #expect(lines.joined(separator: " ") == title)
    }
}
