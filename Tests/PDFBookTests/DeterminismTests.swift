import PDFBook
import Testing

/// Same pages in, same bytes out: books can live in git and their diffs mean something.
@Suite struct DeterminismTests {
    static func book() throws -> [UInt8] {
        try PDFBook.assemble(
            pages: try Charts.a4Pages(), linkTargets: AssemblyTests.targets, outline: OutlineTests.outline,
            title: "Children's services – proposed")
    }

    /// A second apart: qpdf's default /ID and any time stamp would change with the clock.
    @Test func assemblingAgainLaterGivesIdenticalBytes() async throws {
        let first = try Self.book()
        try await Task.sleep(for: .milliseconds(1100))
        let second = try Self.book()
        #expect(first == second)
    }

    @Test func theDocumentIDFollowsTheContent() throws {
        let first = try BookJSON(try Self.book()).trailer["/ID"] as? [String]
        let retitled = try PDFBook.assemble(
            pages: try Charts.a4Pages(), linkTargets: AssemblyTests.targets, outline: OutlineTests.outline,
            title: "Another title")
        let second = try BookJSON(retitled).trailer["/ID"] as? [String]
        #expect(first != nil && second != nil)
        #expect(first != second)
    }

    @Test func concurrentCallsAllGiveTheSameBook() async throws {
        let reference = try Self.book()
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 {
                group.addTask { try Self.book() }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == reference })
    }
}
