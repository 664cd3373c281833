import Testing

@testable import PDFBook

/// Bookmark and title text as PDF text strings.
@Suite struct PDFTextStringTests {
    @Test func printableASCIIStaysAsItIs() {
        #expect(PDFTextString.bytes(for: "Team (A) \\ B") == Array("Team (A) \\ B".utf8))
        #expect(PDFTextString.bytes(for: "") == [])
    }

    @Test func anythingElseIsUTF16BigEndianAfterTheByteOrderMark() {
        #expect(PDFTextString.bytes(for: "é") == [0xFE, 0xFF, 0x00, 0xE9])
        #expect(PDFTextString.bytes(for: "a›") == [0xFE, 0xFF, 0x00, 0x61, 0x20, 0x3A])
        #expect(PDFTextString.bytes(for: "😀") == [0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00])
    }

    /// Control characters differ between ASCII and PDFDocEncoding, so they go as UTF-16 too.
    @Test func controlCharactersAreNotTakenForASCII() {
        #expect(PDFTextString.bytes(for: "a\tb").prefix(2) == [0xFE, 0xFF])
        #expect(PDFTextString.bytes(for: "\u{7F}").prefix(2) == [0xFE, 0xFF])
    }
}
