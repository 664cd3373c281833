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

    @Test func cutsAWordLongerThanALine() {
        #expect(TextWrap.lines("Abcdefghijkl mn", width: 5) == ["Abcde", "fghij", "kl mn"])
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
