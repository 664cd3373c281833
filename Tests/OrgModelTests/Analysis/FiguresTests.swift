import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgSupport

@Suite("Figures and cost totals")
struct FiguresTests {
    @Test func pounds() {
        #expect(Figures.pounds(1_234_000) == "£1,234,000")
        #expect(Figures.pounds(999.5) == "£1,000")
        #expect(Figures.pounds(0) == "£0")
        #expect(Figures.pounds(-86_000) == "−£86,000")
        #expect(Figures.signedPounds(86_000) == "+£86,000")
        #expect(Figures.signedPounds(-12_000) == "−£12,000")
        #expect(Figures.signedPounds(0.2) == "£0")
    }

    @Test func numbers() {
        #expect(Figures.grouped(1_000_000) == "1,000,000")
        #expect(Figures.grouped(999) == "999")
        #expect(Figures.grouped(-1_500) == "−1,500")
        #expect(Figures.grouped(0) == "0" && Figures.grouped(1_000) == "1,000" && Figures.grouped(12_345) == "12,345")
        #expect(Figures.grouped(Int64.max) == "9,223,372,036,854,775,807")
        #expect(Figures.grouped(Int64.min) == "−9,223,372,036,854,775,808")
        #expect(Figures.pounds(123_456_789) == "£123,456,789" && Figures.pounds(-4_000) == "−£4,000")
        #expect(Figures.decimal(12.5) == "12.5")
        #expect(Figures.decimal(3) == "3")
        #expect(Figures.decimal(0.333333) == "0.33")
        #expect(Figures.decimal(1_234.5) == "1,234.5")
        #expect(Figures.decimal(2.96, places: 1) == "3")
        #expect(Figures.plain(1_234.5) == "1234.5")
        #expect(Figures.plain(-0.5) == "-0.5")
        #expect(Figures.signedDecimal(0.30000000000000004) == "+0.3")
        #expect(Figures.signedDecimal(-1) == "−1")
        #expect(Figures.percent(1, of: 3) == "33.3%")
        #expect(Figures.percent(1, of: 0) == "—")
        #expect(Plural.grouped(1, "post") == "1 post")
        #expect(Plural.grouped(2, "post") == "2 posts")
    }

    @Test func unknownCostIsNeverZero() {
        var total = CostTotal()
        total.add(42_000, headcount: 1)
        total.add(nil, headcount: 3)
        // A line of three is one post of unknown cost: posts are counted as posts, and the
        // headcount behind them is said when it differs.
        #expect(total.text == "£42,000 + 1 post of unknown cost, headcount 3")
        total.add(nil, headcount: 1)
        #expect(total.text == "£42,000 + 2 posts of unknown cost, headcount 4")
        var lines = CostTotal()
        for _ in 0..<3_729 { lines.add(nil, headcount: 49) }
        lines.add(1_000, headcount: 1)
        #expect(lines.text == "£1,000 + 3,729 posts of unknown cost, headcount 182,721")
        #expect(CostTotal(known: 5, unknownPosts: 2).text == "£5 + 2 posts of unknown cost")
        #expect(!total.isComplete)
        #expect(CostTotal(known: 0, unknownPosts: 2).text == "unknown (2 posts of unknown cost)")
        #expect(CostTotal(known: 0).text == "£0")
        let change = CostTotal.change(from: CostTotal(known: 100_000), to: CostTotal(known: 186_000, unknownPosts: 1))
        #expect(change.text == "+£86,000 a year (excluding 1 post of unknown cost after)")
        #expect(CostTotal.change(from: CostTotal(known: 100_000), to: CostTotal(known: 40_000)).savingText == "£60,000 a year")
    }

    @Test func spanBands() {
        let rule = SpanRule(min: 4, max: 8)
        #expect(SpanBand(span: 0, rule: rule) == .none)
        #expect(SpanBand(span: 1, rule: rule) == .one)
        #expect(SpanBand(span: 3, rule: rule) == .twoToThree)
        #expect(SpanBand(span: 4, rule: rule) == .withinRule)
        #expect(SpanBand(span: 9, rule: rule) == .aboveRule)
        // A rule starting at 2 puts 2 within it; one starting at 6 leaves 4 and 5 below it.
        #expect(SpanBand(span: 2, rule: SpanRule(min: 2, max: 6)) == .withinRule)
        #expect(SpanBand(span: 5, rule: SpanRule(min: 6, max: 10)) == .belowRule)
        #expect(SpanBand(span: 7, rule: nil) == .unruled)
        #expect(SpanBand(span: 2, rule: nil) == .twoToThree)
    }

    @Test func tables() {
        var table = ReportTable(headers: ["Post", "Span"], alignments: [.left, .right])
        table.append(["HOS-A", "2"])
        table.append(["A|B", "12"])
        #expect(table.text() == "Post   Span\n─────  ────\nHOS-A     2\nA|B      12\n")
        #expect(table.markdown() == "| Post | Span |\n|---|---:|\n| HOS-A | 2 |\n| A\\|B | 12 |\n")
    }
}
