import Foundation
import Testing

@testable import OrgChart
@testable import OrgModel

/// How the planner finds how many of a manager's reports fit on a page: from the last full
/// part's count, up or down by steps that double, then between the two along the line the
/// pages' sizes make. Against a stand-in measure whose answer is known.
@Suite struct PlannerSearchTests {
    @Test("Between a count that fits and one that does not, the next is where their line meets the floor")
    func betweenFollowsTheLine() {
        let floor = 0.75
        // Sizes (1 / reach) 1.0 at 2 reports and 2.0 at 10: the floor (size 1.333) is a
        // third of the way, at 4.67, so 4.
        #expect(Planner.between(2, 10, reaches: [2: 1.0, 10: 0.5], floor: floor) == 4)
        // The line's answer is kept strictly inside the range.
        #expect(Planner.between(2, 10, reaches: [2: 0.76, 10: 0.5], floor: floor) == 3)
        #expect(Planner.between(2, 10, reaches: [2: 10, 10: 0.74], floor: floor) == 9)
        // No line: a page too large to lay out (reach 0), a count not measured, or sizes
        // that do not grow: halfway.
        #expect(Planner.between(2, 10, reaches: [2: 1.0, 10: 0], floor: floor) == 6)
        #expect(Planner.between(2, 10, reaches: [2: 1.0], floor: floor) == 6)
        #expect(Planner.between(2, 10, reaches: [2: 1.0, 10: 1.0], floor: floor) == 6)
    }

    /// A Director over two Heads of Service, each leading `count` Service Managers with a
    /// team each; the first's are "SM-A…", the second's "SM-B…".
    static func twoServices(count: Int) throws -> ValidationResult {
        var posts = [
            Post(id: "DIR", title: "Director", tier: 3),
            Post(id: "HOS-A", title: "Head of Service A", tier: 4, reportsTo: "DIR"),
            Post(id: "HOS-B", title: "Head of Service B", tier: 4, reportsTo: "DIR"),
        ]
        for side in ["A", "B"] {
            for number in 1...count {
                let manager = PostID("SM-\(side)\(number)")
                posts.append(Post(id: manager, title: "Service Manager \(side)\(number)", tier: 5, reportsTo: PostID("HOS-\(side)")))
                posts.append(Post(id: PostID("TM-\(side)\(number)"), title: "Team Manager", tier: 6, reportsTo: manager))
            }
        }
        return try ChartFixtures.validated(Structure(posts: posts))
    }

    /// A page as wide as its Service Manager boxes: 200 points each of the first service's,
    /// 300 of the second's. With the spare, A4 takes 4 of the first and 2 of the second.
    static func width(_ dot: String) -> (width: Double, height: Double) {
        // A Service Manager's own box (by its title), not a band of Team Managers.
        let boxes = ChartbookTests.boxLines(dot).filter { $0.contains(/>Service Manager [AB]\d+</) }
        let wide = boxes.filter { $0.contains(">Service Manager B") }.count
        return (100 + 200 * Double(boxes.count - wide) + 300 * Double(wide), 300)
    }

    @Test("Parts take the most that fit, found from the last full part's count whether more or fewer fit")
    func partsTakeTheMostThatFit() throws {
        final class Count: @unchecked Sendable { var trials = 0 }
        let count = Count()
        let book = try Chartbook.plan(try Self.twoServices(count: 13), options: ChartOptions(), print: PrintSettings()) { dot in
            // Pages, not the labels their stand-ins are sized from.
            if dot.contains("cluster_chart") { count.trials += 1 }
            return Self.width(dot)
        }
        let first = book.pages.filter { $0.root == "HOS-A" }.map { $0.reports?.count ?? 0 }
        let second = book.pages.filter { $0.root == "HOS-B" }.map { $0.reports?.count ?? 0 }
        #expect(first == [4, 4, 4, 1], "each part of the first service as many as fit: \(first)")
        // The second service starts from the first's 4, which no longer fit: it steps down.
        #expect(second == [2, 2, 2, 2, 2, 2, 1], "\(second)")
        // Each full part after the first of a service costs two trials (its count and one
        // more); a search from one report each time would take about twice as many.
        #expect(count.trials <= 2 * (first.count + second.count) + 12, "\(count.trials) trials")
    }
}
