import Foundation
import Testing

@testable import GraphvizRender

/// Reads coordinates from Graphviz's json output to check layout constraints took effect.
@Suite struct LayoutJSONTests {
    @Test func sameRankNodesShareAYCoordinate() throws {
        let json = try GraphvizRenderer.render(dot: Fixtures.orgChart, format: .json)
        let positions = try nodePositions(json)
        let cto = try #require(positions["cto"])
        let cfo = try #require(positions["cfo"])
        let ceo = try #require(positions["ceo"])
        #expect(cto.y == cfo.y)
        #expect(ceo.y > cto.y, "rankdir=TB puts the root above its reports (y grows upwards)")
    }

    @Test func anonymousGraphNameDoesNotDependOnEarlierRenders() throws {
        _ = try GraphvizRenderer.render(dot: Fixtures.anonymousClusters, format: .json)
        let json = try GraphvizRenderer.render(dot: "digraph { a }", format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(object["name"] as? String == "%3", "the name a fresh `dot` process would give")
    }

    /// Maps node name to its laid-out centre, from the `objects` array's `pos` fields ("x,y").
    private func nodePositions(_ json: [UInt8]) throws -> [String: (x: Double, y: Double)] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let objects = try #require(root["objects"] as? [[String: Any]])
        var positions: [String: (x: Double, y: Double)] = [:]
        for object in objects {
            guard let name = object["name"] as? String, let pos = object["pos"] as? String else { continue }
            let parts = pos.split(separator: ",").compactMap { Double($0) }
            guard parts.count == 2 else { continue }
            positions[name] = (parts[0], parts[1])
        }
        return positions
    }
}
