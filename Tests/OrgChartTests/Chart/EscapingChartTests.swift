import Foundation
import Testing

@testable import OrgChart
@testable import OrgModel

/// Text from a structure file reaches the DOT escaped, whatever it holds. (The rendered
/// SVG is checked end to end in RenderEndToEndTests.)
@Suite struct EscapingChartTests {
    static func chart() throws -> DOTInspector {
        DOTInspector(try StructureChart.dot(ChartFixtures.result("nasty.yaml"), options: ChartOptions(names: .all)))
    }

    @Test func goldenDOT() throws {
        try ChartFixtures.expectGolden(Self.chart().text, "nasty-single.dot")
    }

    @Test func idsRoundTrip() throws {
        let chart = try Self.chart()
        for id in [#"DIR"<&>"#, "AD-Ω", "HOS-ع", "SM-😀", "TM-LONG", "TM-LONG/front-line"] {
            #expect(chart.node(id: id) != nil, "id \(id) does not read back")
        }
        #expect(chart.text.contains(#"[id="DIR\"<&>""#))
    }

    @Test func labelsCarryOnlyEscapedText() throws {
        let director = try #require(try Self.chart().node(id: #"DIR"<&>"#)).line
        #expect(director.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!director.contains("<script>"))
        // Backslashes doubled, so `\N` cannot become the node's name.
        #expect(director.contains(#"\\N \\G \\L</FONT>"#))
        #expect(director.contains(ChartPalette.bold(#"\\\\ C:\\"#)))
        #expect(DOTInspector.plain(director).contains(#"Director of "Quality" & <Practice> \\N \\G \\L \\\\ C:\\"#))
        let team = try #require(try Self.chart().node(id: "TM-LONG/front-line")).line
        #expect(team.contains("&lt;/TD&gt;&lt;/TR&gt;&lt;/TABLE&gt;&gt;]; evil</FONT>"))
        #expect(team.contains(">[label=&quot;x&quot;</FONT>"))
        // The only TABLE tags in a box label are none at all: boxes use plain lines.
        #expect(!team.contains("<TABLE"))
    }

    @Test func longTitleWrapsWithinTheBox() throws {
        let box = try #require(try Self.chart().node(id: "TM-LONG")).line
        let open = "<FONT FACE=\"\(ChartPalette.boldFace)\">"
        let titleLines = box.components(separatedBy: open).count - 1
        // At most five lines: the rest is cut with an ellipsis (reports keep it whole).
        #expect(titleLines <= LabelLines.titleLines + 1)  // the title, and a bold rule name
        #expect(box.contains("…"))
        #expect(
            box.components(separatedBy: open).dropFirst().allSatisfy { part in
                let line = part.components(separatedBy: "</FONT>")[0]
                return TextWrap.displayWidth(line) <= LabelLines.titleWidth
            })
    }
}
