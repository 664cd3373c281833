import Foundation
import Testing

@testable import OrgChart
@testable import OrgModel

/// The chartbook's parts that need no Graphviz: stacked teams, long front lines, boxes
/// told apart, paper fitting, and a plan made against a stand-in measure.
@Suite struct ChartbookTests {
    /// A measure that takes every box as 150 × 60 points laid out in rows: enough to make
    /// a plan split where a real layout would.
    static func boxes(_ dot: String) -> (width: Double, height: Double) {
        let nodes = boxLines(dot).count
        let cells = dot.components(separatedBy: "PORT=\"c").count - 1
        let width = Double(max(1, nodes)) * 160
        return (width, 400 + Double(cells) * 20)
    }

    /// The lines of a chart's DOT that draw a post's box or a band of them, on a page drawn
    /// for good (with ids) or a trial page (without): not the graph, the row labels or the
    /// panel headings (whose ids start "orgchart"), nor a line between boxes.
    static func boxLines(_ dot: String) -> [Substring] {
        dot.split(separator: "\n").filter { line in
            line.contains("label=<") && !line.contains("->") && !line.contains("orgchart") && !line.contains("graph [")
        }
    }

    @Test func teamManagersStackUnderTheirManagerOnAPage() throws {
        let result = try ChartFixtures.result("small-current.yaml")
        let book = try Chartbook.plan(result, options: ChartOptions(), print: PrintSettings()) { Self.boxes($0) }
        #expect(book.pageCount >= 1)
        let dot = try book.dot(
            page: book.pageCount, kind: .single, options: ChartOptions(), link: PageLink(stem: "b", ext: "svg", pages: book.pageCount))
        // Each stacked Team Manager is a cell with its id, a link to itself, and a port.
        #expect(dot.contains("shape=plain"))
        #expect(dot.contains("HREF=\"#TM-"))
        #expect(dot.contains("PORT=\"c"))
    }

    @Test func aWidePageSplitsIntoParts() throws {
        var posts = [Post(id: "HEAD", title: "Head of Service", tier: 4)]
        for number in 1...40 {
            posts.append(Post(id: PostID("SM-\(number)"), title: "Service Manager \(number)", tier: 5, reportsTo: "HEAD"))
            posts.append(Post(id: PostID("TM-\(number)"), title: "Team Manager \(number)", tier: 6, reportsTo: PostID("SM-\(number)")))
            posts.append(Post(id: PostID("FL-\(number)"), title: "Social Worker", reportsTo: PostID("TM-\(number)"), count: 3))
        }
        let result = try ChartFixtures.validated(Structure(posts: posts))
        let book = try Chartbook.plan(result, options: ChartOptions(), print: PrintSettings()) { Self.boxes($0) }
        let parts = book.pages.filter { $0.root == "HEAD" }
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.parts == parts.count })
        // Every Service Manager is in exactly one part.
        let reports = parts.flatMap { $0.reports ?? [] }
        #expect(reports.count == 40 && Set(reports).count == 40)
        // Contents first, then the parts in order.
        #expect(book.contentsPages == 1)
        #expect(parts.map(\.number) == Array(2...(parts.count + 1)))
        let outline = book.outline()
        #expect(outline.first?.title == "Contents")
    }

    @Test("A team split over pages: alike parts take alike counts, each found from the last part's, in few trials")
    func splitPartsStartFromTheLastCount() throws {
        var posts = [Post(id: "HEAD", title: "Head of Service", tier: 4)]
        for number in 1...60 {
            posts.append(Post(id: PostID("SM-\(number)"), title: "Service Manager \(number)", tier: 5, reportsTo: "HEAD"))
            posts.append(Post(id: PostID("TM-\(number)"), title: "Team Manager \(number)", tier: 6, reportsTo: PostID("SM-\(number)")))
            posts.append(Post(id: PostID("FL-\(number)"), title: "Social Worker", reportsTo: PostID("TM-\(number)"), count: 3))
        }
        let result = try ChartFixtures.validated(Structure(posts: posts))
        final class Count: @unchecked Sendable { var trials = 0 }
        let count = Count()
        let book = try Chartbook.plan(result, options: ChartOptions(), print: PrintSettings()) { dot in
            // Pages, not the labels their stand-ins are sized from.
            if dot.contains("cluster_chart") { count.trials += 1 }
            return Self.boxes(dot)
        }
        let parts = book.pages.filter { $0.root == "HEAD" }
        let sizes = parts.map { $0.reports?.count ?? 0 }
        #expect(parts.count > 3)
        #expect(sizes.reduce(0, +) == 60)
        // Every part but the last takes as many as the first (the teams are alike).
        #expect(sizes.dropLast().allSatisfy { $0 == sizes[0] })
        #expect(sizes.last! <= sizes[0])
        // After the first part, a part costs its count and one more, not a search from one
        // (measured: 61 trials for 30 parts; searching from one each time took 118).
        #expect(count.trials <= 3 * parts.count, "\(count.trials) trials for \(parts.count) parts of \(sizes)")
    }

    @Test func aFrontLineOfManyTitlesListsTheLargest() {
        var groups: [TeamGroup] = []
        for number in 1...10 { groups.append(TeamGroup(title: "Title \(number)", count: number)) }
        let shown = TeamGroup.largest(groups, limit: 6)
        #expect(shown.map(\.title) == (5...10).map { "Title \($0)" })
        // Seven titles are all listed: a line for one more is no shorter than the title.
        #expect(TeamGroup.largest(Array(groups.prefix(7)), limit: 6).count == 7)
    }

    @Test func siblingsOfOneTitleAreToldApart() throws {
        let structure = Structure(posts: [
            Post(id: "DG", title: "Director General", tier: 2),
            Post(id: "DD-1", title: "Deputy Director", tier: 3, reportsTo: "DG", service: "Schools"),
            Post(id: "DD-2", title: "Deputy Director", tier: 3, reportsTo: "DG", service: "Skills"),
            Post(id: "DD-3", title: "Deputy Director", tier: 3, reportsTo: "DG"),
            Post(id: "CO", title: "Chief Operating Officer", tier: 3, reportsTo: "DG", service: "Operations"),
        ])
        let index = StructureIndex(structure)
        let lines = BoxLine(index: index, field: nil)
        #expect(lines.text(for: 1) == "Schools" && lines.text(for: 2) == "Skills")
        #expect(lines.text(for: 3) == "DD-3", "no service: the id")
        #expect(lines.text(for: 4) == nil, "a title of its own needs nothing more")
        #expect(BoxLine(index: index, field: "id").text(for: 1) == "DD-1")
    }

    @Test func aPageTakesTheOrientationThatPrintsItLarger() {
        let print = PrintSettings()
        #expect(print.fit(width: 1000, height: 300).landscape)
        #expect(!print.fit(width: 300, height: 1000).landscape)
        #expect(print.fits(width: 700, height: 500))
        // 9-point type at 7 points is a scale of 0.78: a drawing of 1,100 points across
        // does not fit A4 landscape at that.
        #expect(!print.fits(width: 1100, height: 400))
        #expect(PrintSettings(paper: .a3).fits(width: 1100, height: 400))
    }
}
