import GraphvizRender
import Testing

@testable import OrgChart
@testable import OrgModel

/// A chartbook's trial pages carry blank tables the size of their title block and notes,
/// and leave out what takes no room. Laid out by Graphviz, a trial page must measure
/// exactly what the same page drawn for good measures, or the plan would not be the one
/// the labels themselves give.
@Suite struct LabelStandInsTests {
    static func measure(_ dot: String) throws -> (width: Double, height: Double) {
        let size = try GraphvizRenderer.measure(dot: dot)
        return (size.width, size.height)
    }

    /// The chartbook of two generated 700-post structures, planned with Graphviz.
    static func pairBook() throws -> Chartbook {
        let current = try ChartFixtures.validated(StructureGenerator(posts: 700, seed: 5).generate())
        let proposed = try ChartFixtures.validated(StructureGenerator(posts: 700, seed: 6).generate())
        return try Chartbook.plan(current: current, proposed: proposed, options: ChartOptions(), print: PrintSettings()) {
            try Self.measure($0)
        }
    }

    @Test("A trial page, stand-ins and all, measures what the page drawn for good measures")
    func trialPagesMeasureAsDrawn() throws {
        let options = ChartOptions()
        let book = try Self.pairBook()
        #expect(book.pages.count > 10)
        let link = PageLink(stem: "b", ext: "svg", pages: book.pageCount)
        var trial = options
        trial.standIns = LabelStandIns(measure: Self.measure)
        var compared = 0
        for page in book.pages where page.number % 4 == 1 {
            for kind in [ChartbookKind.compare, .changes, .current] {
                let drawn = try book.dot(page: page.number, kind: kind, options: options, link: link)
                let bare = try book.dot(page: page.number, kind: kind, options: trial, link: link)
                #expect(bare.utf8.count * 4 < drawn.utf8.count * 3, "a trial page is a quarter shorter or more")
                #expect(!bare.contains("href=") && !bare.contains("HREF=") && !bare.contains("fillcolor"))
                let (drawnSize, bareSize) = (try Self.measure(drawn), try Self.measure(bare))
                #expect(drawnSize == bareSize, "page \(page.number), \(kind): \(drawnSize) drawn, \(bareSize) as a trial")
                compared += 1
            }
        }
        #expect(compared >= 9)
    }

    /// Boxes' stand-ins sized by Graphviz, as `orgmodel` makes them.
    static let sizing = Chartbook.LabelSizing(
        sizes: { labels, defaults in try SizedLabels.sizes(of: labels, nodeDefaults: defaults) }, standIn: SizedLabels.standIn)

    @Test("Boxes and band cells standing in for their labels lay a trial page out to the drawn page's size")
    func boxStandInsMeasureAsDrawn() throws {
        let options = ChartOptions()
        let book = try Self.pairBook()
        let link = PageLink(stem: "b", ext: "svg", pages: book.pageCount)
        var trial = options
        // Side-by-side pages size nothing themselves: the first of a page meets its labels
        // unknown, the second what its change page sized, a page of stand-ins and labels.
        trial.standIns = LabelStandIns(measure: Self.measure, sizing: Self.sizing, sizingKinds: ["changes"])
        var (boxes, cells, labels, rows) = (0, 0, 0, 0)
        for page in book.pages where page.number % 3 == 1 {
            for kind in [ChartbookKind.compare, .changes, .compare, .current] {
                let drawn = try book.dot(page: page.number, kind: kind, options: options, link: link)
                let bare = try book.dot(page: page.number, kind: kind, options: trial, link: link)
                if bare.contains("\u{1}") { boxes += 1 }
                if bare.contains("<TD FIXEDSIZE") { cells += 1 }
                if bare.contains("label=<<FONT") { labels += 1 }
                if bare.contains("row0 [shape=plaintext, label=\"\u{1}") { rows += 1 }
                let (drawnSize, bareSize) = (try Self.measure(drawn), try Self.measure(bare))
                #expect(drawnSize == bareSize, "page \(page.number), \(kind): \(drawnSize) drawn, \(bareSize) as a trial")
            }
        }
        #expect(boxes > 5 && cells > 5 && labels > 5, "\(boxes) pages with boxes, \(cells) with cells stood in; \(labels) with labels")
        #expect(rows > 5, "\(rows) pages with their tier labels stood in")
    }

    @Test("Boxes keep their labels when their sizes cannot be had")
    func unsizedBoxesKeepLabels() throws {
        struct Refused: Error {}
        let result = try ChartFixtures.validated(StructureGenerator(posts: 300, seed: 3).generate())
        let book = try Chartbook.plan(result, options: ChartOptions(), print: PrintSettings()) { try Self.measure($0) }
        var trial = ChartOptions()
        trial.standIns = LabelStandIns(
            measure: Self.measure, sizing: Chartbook.LabelSizing(sizes: { _, _ in throw Refused() }, standIn: SizedLabels.standIn))
        let bare = try book.dot(
            page: book.contentsPages + 1, kind: .single, options: trial, link: PageLink(stem: "b", ext: "svg", pages: 9))
        #expect(bare.contains("label=<<FONT") && !bare.contains("\u{1}") && !bare.contains("<TD FIXEDSIZE"))
    }

    @Test("Labels met on pages that do not size them are sized while the planner waits, and stand in after")
    func waitingLabelsAreSizedLater() throws {
        let result = try ChartFixtures.validated(StructureGenerator(posts: 300, seed: 3).generate())
        let book = try Chartbook.plan(result, options: ChartOptions(), print: PrintSettings()) { try Self.measure($0) }
        let standIns = LabelStandIns(measure: Self.measure, sizing: Self.sizing, sizingKinds: [])
        var trial = ChartOptions()
        trial.standIns = standIns
        let link = PageLink(stem: "b", ext: "svg", pages: 9)
        let page = book.contentsPages + 1
        let first = try book.dot(page: page, kind: .single, options: trial, link: link)
        #expect(!first.contains("\u{1}") && !first.contains("<TD FIXEDSIZE"))
        var batches = 0
        while standIns.sizeWaiting(atMost: 3) { batches += 1 }
        #expect(batches > 1)
        let second = try book.dot(page: page, kind: .single, options: trial, link: link)
        #expect(second.contains("\u{1}"))
        #expect(try Self.measure(first) == Self.measure(second))
        #expect(!standIns.sizeWaiting(atMost: 3), "nothing is left waiting")
    }

    /// The stand-in for a table keyed by its own text, as a test asks for it.
    static func standIn(_ table: String, kind: String, in standIns: LabelStandIns) -> String? {
        standIns.standIn(key: table, kind: kind) { table }
    }

    @Test("Labels that differ only in their digits share one measurement")
    func digitsShareAMeasurement() throws {
        final class Count: @unchecked Sendable { var measured = 0 }
        let count = Count()
        let standIns = LabelStandIns { dot in
            count.measured += 1
            return (120.4, 30.6)
        }
        let first = Self.standIn("<TABLE><TR><TD>Moved: 3</TD></TR></TABLE>", kind: "changes", in: standIns)
        let second = Self.standIn("<TABLE><TR><TD>Moved: 71</TD></TR></TABLE>", kind: "changes", in: standIns)
        let third = Self.standIn("<TABLE><TR><TD>Moved: 70</TD></TR></TABLE>", kind: "changes", in: standIns)
        #expect(count.measured == 2, "3 and 71 differ in length; 71 and 70 only in a digit")
        #expect(first == LabelStandIns.blank(width: 120, height: 31))
        #expect(second == third)
        // Another kind of chart measures its own.
        _ = Self.standIn("<TABLE><TR><TD>Moved: 3</TD></TR></TABLE>", kind: "compare", in: standIns)
        #expect(count.measured == 3)
        #expect(LabelStandIns.digitsAsZero("p. 1,217 · 9 posts") == "p. 0,000 · 0 posts")
    }

    @Test("A label that cannot be measured is written as it is")
    func unmeasuredLabelsStay() {
        struct Refused: Error {}
        let standIns = LabelStandIns { _ in throw Refused() }
        #expect(Self.standIn("<TABLE><TR><TD>Key</TD></TR></TABLE>", kind: "single", in: standIns) == nil)
    }

    @Test("Plain text comes through escaping as it is; anything else is escaped")
    func plainTextPassesThrough() {
        #expect(DOTText.html("Service Manager 12") == "Service Manager 12")
        #expect(DOTText.quoted("SM-12/see-p04") == "\"SM-12/see-p04\"")
        #expect(DOTText.quoted("a & <b> 'c'") == "\"a & <b> 'c'\"")
        #expect(DOTText.html("a & b") == "a &amp; b")
        #expect(DOTText.html("it's") == "it&#39;s")
        #expect(DOTText.html("C:\\N") == "C:\\\\N")
        #expect(DOTText.html("tab\there") == "tab here")
        #expect(DOTText.html("Café") == "Café")
        #expect(DOTText.html("Current: ↑ p. 3 › Head of Service · 4–8") == "Current: ↑ p. 3 › Head of Service · 4–8")
        #expect(DOTText.html("next\u{85}line") == "next line", "a C1 control becomes a space")
        #expect(DOTText.html("a\u{9F}") == "a ")
        #expect(DOTText.html("a\u{A0}b") == "a\u{A0}b", "no-break space stays")
        #expect(DOTText.html("x\u{FFFE}y\u{FFFF}") == "x\u{FFFD}y\u{FFFD}")
        #expect(DOTText.html("\u{FFFD}\u{FFEF}") == "\u{FFFD}\u{FFEF}")
        #expect(DOTText.quoted("Café \u{85}") == "\"Café  \"")
        #expect(DOTText.quoted("× & 'y'") == "\"× & 'y'\"")
        #expect(DOTText.quoted("say \"hi\"") == "\"say \\\"hi\\\"\"")
    }
}
