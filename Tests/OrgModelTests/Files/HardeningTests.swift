import Foundation
import Testing

@testable import OrgModel
@testable import OrgSupport

/// Hostile input found by fuzzing (issue 10): each case once crashed, misread, or was
/// accepted and then written into a file orgmodel refused.
@Suite struct HardeningTests {
    @Test(
        "An fte past Int's range is an error at its line, not a trap",
        arguments: [
            ("posts:\n  - id: A\n    fte: 99999999999999999999\n", StructureFormat.yaml, 3),
            ("id,reports_to,fte\nA,,99999999999999999999\n", .csv, 2),
            ("posts:\n  - id: A\n    fte: 1e300\n    count: 2\n", .yaml, 3),
        ])
    func hugeFTE(text: String, format: StructureFormat, line: Int) throws {
        let error = try #require(Fixtures.loadError(text, format: format))
        #expect(error.line == line)
        #expect(error.message.contains("is more than its count"), "\(error)")
    }

    @Test(
        "Refused characters are refused on input with the line and field",
        arguments: [
            ("posts:\n  - id: A\n    title: \"a\\u0000b\"\n", StructureFormat.yaml, 3, "title holds the control character U+0000"),
            ("posts:\n  - id: A\n    holder: \"\\x85\"\n", .yaml, 3, "holder holds the control character U+0085"),
            ("posts:\n  - id: A\n    attributes:\n      \"n\\uFFFF\": x\n", .yaml, 4, "a key holds the non-character U+FFFF"),
            ("name: \"x\\ty\\u0007\"\nposts:\n  - id: A\n", .yaml, 1, "name holds the control character U+0007"),
            ("id,reports_to,title\nA,,a\u{FFFE}b\n", .csv, 2, "the text holds the non-character U+FFFE"),
            ("id,reports_to,title\nA,,\"a\nb\u{7F}\"\n", .csv, 3, "the text holds the control character U+007F"),
            ("# name: x\u{1B}\nid,reports_to\nA,\n", .csv, 1, "the text holds the control character U+001B"),
        ])
    func refusedCharacters(text: String, format: StructureFormat, line: Int, message: String) throws {
        let error = try #require(Fixtures.loadError(text, format: format))
        #expect(error.line == line, "\(error)")
        #expect(error.message == message)
        #expect(error.hint == RefusedCharacters.hint)
    }

    @Test("Tabs and line breaks stay allowed")
    func tabsAndLineBreaks() throws {
        let structure = try Fixtures.yaml("posts:\n  - id: A\n    title: \"a\\tb\\nc\\r\\nd\"\n")
        #expect(structure.posts[0].title == "a\tb\nc\r\nd")
    }

    @Test("An extract holding a control character is refused at its line, in either encoding")
    func extractControlCharacters() throws {
        // Enough good rows that the file does not look binary as a whole.
        let good = "Position ID,Parent Position\nP1,\n" + (2...11).map { "P\($0),P1\n" }.joined()
        for (bytes, encoding) in [
            (Array((good + "PX,P1\u{01}\n").utf8), TextEncoding.utf8),
            (Array((good + "PX,P1").utf8) + [0x81, 0x0A], .windows1252),
        ] {
            let mapping = try ImportMappingReader.parse("columns:\n  id: Position ID\n  reports_to: Parent Position\n", file: "m.yaml")
            do {
                _ = try ExtractImporter(mapping: mapping, encoding: encoding).importExtract(bytes, file: "x.csv")
                Issue.record("accepted (\(encoding))")
            } catch {
                #expect(error.file == "x.csv")
                #expect(error.line == 13)
                #expect(error.column == 6)
                #expect(error.message.hasPrefix("the extract holds the control character U+00"))
            }
        }
    }

    @Test("The banded edit distance agrees with the full one wherever it answers")
    func bandedEditDistance() {
        var random = SplitMix64(seed: 10)
        let alphabet = Array("abcAB-1é")
        for _ in 0..<3_000 {
            let a = (0..<Int(random.next() % 9)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let b = (0..<Int(random.next() % 9)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let full = Self.fullDistance(a, b)
            for limit in 0...6 {
                let banded = editDistance(a, b, limit: limit)
                #expect(banded == (full <= limit ? full : nil), "\(String(a)) \(String(b)) limit \(limit)")
            }
        }
    }

    @Test("Suggestions for typos still work; a huge unknown id gets none")
    func suggestionsAreBounded() throws {
        #expect(closest(to: "report_to", among: PostField.allCases.map(\.rawValue)) == "reports_to")
        #expect(closest(to: "TM-CLA1", among: ["HOS-CLA", "TM-CLA-1", "TM-CLA-2"]) == "TM-CLA-1")
        let huge = String(repeating: "TM-CLA-1", count: 20_000)
        #expect(closest(to: huge, among: ["TM-CLA-1", huge + "x"]) == nil)
        var posts = "posts:\n  - id: TOP\n    tier: 2\n"
        for index in 0..<2_540 { posts += "  - id: P\(index)\n    reports_to: TOP\n" }
        posts +=
            "  - id: LOST\n    reports_to: \(String(repeating: "P1", count: 75_000))\n    dotted_to: [\(String(repeating: "Q", count: 1_000_000))]\n"
        let findings = try Fixtures.findings(posts)
        #expect(findings.filter { $0.rule == .unknownManager }.count == 2)
    }

    private static func fullDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
