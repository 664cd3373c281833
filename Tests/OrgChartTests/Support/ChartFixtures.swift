import Foundation
import TestSupport
import Testing

@testable import OrgChart
@testable import OrgModel

/// The fixture structures under Fixtures/, validated as of a fixed day, and golden files.
enum ChartFixtures {
    static let asOf = Day(year: 2025, month: 1, day: 1)!
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture structure, its source named relative to the test folder so that DOT
    /// text (which quotes the source) is the same on every machine.
    static func structure(_ name: String) throws -> Structure {
        let url = folder.appendingPathComponent("Fixtures").appendingPathComponent(name)
        let bytes = Array(try Data(contentsOf: url))
        return try StructureFile.parse(bytes, format: .yaml, file: "Fixtures/\(name)")
    }

    static var rules: RuleSet {
        get throws { try RuleSetReader.load("childrens-social-care", relativeTo: nil) }
    }

    static func validated(_ structure: Structure) throws -> ValidationResult {
        Validator(rules: try rules, asOf: asOf).validate(structure)
    }

    static func result(_ name: String) throws -> ValidationResult {
        try validated(structure(name))
    }

    /// Compares `text` with Golden/`name`; `ORGMODEL_UPDATE_GOLDEN=1` rewrites the file instead.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try GoldenFile.expect(text, equals: name, in: folder.appendingPathComponent("Golden"), sourceLocation: sourceLocation)
    }
}

/// Reads back the parts of the charts' DOT text the tests check: nodes with their
/// attributes, rank groups and edges. It relies on the emitter's one-statement-per-line
/// layout, which the golden files pin down.
struct DOTInspector {
    struct Node {
        var name: String
        var line: String
        /// The `id` attribute, unescaped.
        var id: String
    }

    let text: String
    let nodes: [Node]
    /// Each `{ rank=same; … }` group's members, in order.
    let ranks: [[String]]
    /// `(from, to, line)` for every edge statement with two ends.
    let edges: [(from: String, to: String, line: String)]

    init(_ text: String) {
        self.text = text
        var nodes: [Node] = []
        var ranks: [[String]] = []
        var edges: [(String, String, String)] = []
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("{ rank=same;") {
                let body = line.dropFirst("{ rank=same;".count).dropLast(1)
                ranks.append(body.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            } else if let arrow = line.range(of: " -> "), !line.hasPrefix("graph"), !line.hasPrefix("node"), !line.hasPrefix("edge") {
                let from = String(line[..<arrow.lowerBound])
                let rest = line[arrow.upperBound...]
                let to = String(rest.prefix { $0 != " " && $0 != ";" })
                if !from.contains(" ") { edges.append((from, to, line)) }
            } else if let space = line.firstIndex(of: " "), line[space...].hasPrefix(" [id=\""),
                !["graph", "node", "edge"].contains(String(line[..<space]))
            {
                let name = String(line[..<space])
                nodes.append(Node(name: name, line: line, id: DOTInspector.firstQuoted(after: "id=", in: line) ?? ""))
            }
        }
        self.nodes = nodes
        self.ranks = ranks
        self.edges = edges
    }

    func node(id: String) -> Node? { nodes.first { $0.id == id } }
    func node(named name: String) -> Node? { nodes.first { $0.name == name } }

    /// The rank group holding the node with element id `id`.
    func rank(ofID id: String) -> [String]? {
        guard let name = node(id: id)?.name else { return nil }
        return ranks.first { $0.contains(name) }
    }

    /// The rank group whose row label has element id `orgchart-row-…`.
    func rank(row slug: String) -> [String]? {
        guard let label = node(id: "orgchart-row-\(slug)")?.name else { return nil }
        return ranks.first { $0.first == label }
    }

    /// Element ids of the boxes in a rank group (row labels and dividers left out).
    func ids(in rank: [String]) -> [String] {
        rank.compactMap { name in node(named: name)?.id }.filter { !$0.hasPrefix("orgchart-") }
    }

    /// The edge between two element ids, if any.
    func edge(from: String, to: String) -> String? {
        guard let a = node(id: from)?.name, let b = node(id: to)?.name else { return nil }
        // The invisible row chains are layout scaffolding, not lines of the chart.
        return edges.first { $0.from == a && $0.to == b && !$0.line.contains("style=invis") }?.line
    }

    /// Whether `names` are chained left to right by invisible edges, one link a statement.
    func chained(_ names: [String], weight: String? = nil) -> Bool {
        zip(names, names.dropFirst()).allSatisfy { left, right in
            text.contains("\(left) -> \(right) [style=invis" + (weight.map { ", weight=\($0)]" } ?? "]") + ";")
        }
    }

    /// The words of a DOT line as a reader of the chart sees them: tags dropped, line
    /// breaks as spaces, entities decoded, so wrapped text can be checked whole.
    static func plain(_ line: String) -> String {
        var out = ""
        var inTag = false
        var tag = ""
        for character in line {
            if character == "<" {
                inTag = true
                tag = ""
            } else if character == ">" && inTag {
                inTag = false
                if tag.hasPrefix("BR") { out.append(" ") }
            } else if inTag {
                tag.append(character)
            } else {
                out.append(character)
            }
        }
        for (entity, text) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: text)
        }
        return out
    }

    /// The first double-quoted DOT string after `key` in `line`, with `\"` and `\\` undone.
    static func firstQuoted(after key: String, in line: String) -> String? {
        guard let start = line.range(of: key + "\"") else { return nil }
        var out = ""
        var escaped = false
        for character in line[start.upperBound...] {
            if escaped {
                out.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return out
            } else {
                out.append(character)
            }
        }
        return nil
    }
}
