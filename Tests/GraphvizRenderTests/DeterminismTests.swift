import Testing

@testable import GraphvizRender

/// Same DOT in, same bytes out, however many renders came before.
@Suite struct DeterminismTests {
    @Test(arguments: [RenderFormat.svg, .pdf, .png, .json])
    func renderingTwiceGivesIdenticalBytes(format: RenderFormat) throws {
        let first = try GraphvizRenderer.render(dot: Fixtures.orgChart, format: format)
        let second = try GraphvizRenderer.render(dot: Fixtures.orgChart, format: format)
        #expect(first == second)
    }

    /// Anonymous graphs and clusters used to pick up process-wide state (ID counter, heap addresses).
    @Test(arguments: [RenderFormat.svg, .json])
    func anonymousGraphsWithClustersAreStableAcrossRenders(format: RenderFormat) throws {
        let reference = try GraphvizRenderer.render(dot: Fixtures.anonymousClusters, format: format)
        for round in 0..<5 {
            // Interleave other work so the string pool and heap are in a different state each time.
            _ = try GraphvizRenderer.render(dot: Fixtures.chain(10 + round * 7), format: .svg)
            let again = try GraphvizRenderer.render(dot: Fixtures.anonymousClusters, format: format)
            #expect(again == reference, "render \(round + 2) differs")
        }
    }

    @Test func anonymousGraphTitleDoesNotDependOnEarlierRenders() throws {
        let svg = try GraphvizRenderer.render(dot: "digraph { a -> b }", format: .svg)
        _ = try GraphvizRenderer.render(dot: Fixtures.anonymousClusters, format: .svg)
        let again = try GraphvizRenderer.render(dot: "digraph { a -> b }", format: .svg)
        #expect(svg == again)
    }

    @Test func concurrentRendersAllSucceedWithIdenticalOutput() async throws {
        let reference = try GraphvizRenderer.render(dot: Fixtures.orgChart, format: .svg)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for index in 0..<8 {
                group.addTask {
                    // Mix formats so different plugins run while others wait on the lock.
                    if index % 2 == 1 { _ = try GraphvizRenderer.render(dot: Fixtures.orgChart, format: .png) }
                    return try GraphvizRenderer.render(dot: Fixtures.orgChart, format: .svg)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == reference })
    }
}
