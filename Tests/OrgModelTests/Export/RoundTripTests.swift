import Foundation
import Testing

@testable import OrgModel

/// YAML → CSV → YAML and CSV → YAML → CSV give back the same posts, fields and
/// attributes: on every bundled structure and on generated ones dressed with awkward
/// strings. Deviations are the one thing CSV cannot hold, and the CSV writer refuses a
/// structure with them rather than drop them.
@Suite("Round trips between YAML and CSV")
struct RoundTripTests {
    @Test("Every bundled structure survives YAML → CSV → YAML (deviations stripped first, and refused before)")
    func bundledYAMLThroughCSV() throws {
        let files = try RoundTrip.bundledStructures()
        #expect(files.count >= 4, "the bundled structures are missing")
        for file in files {
            var original = try StructureFile.load(file)
            let withDeviations = original.posts.filter { !$0.deviations.isEmpty }.map(\.id)
            if !withDeviations.isEmpty {
                // CSV refuses them, naming the posts; the round trip is of the rest.
                #expect(throws: StructureCSVWriter.Refusal.self) { try StructureCSVWriter().write(original) }
                for index in original.posts.indices { original.posts[index].deviations = [] }
            }
            let csv = try StructureCSVWriter().write(original)
            let back = try RoundTrip.yaml(StructureYAMLWriter().write(try RoundTrip.csv(csv)))
            #expect(RoundTrip.firstDifference(original, back) == nil, "\(file): \(RoundTrip.firstDifference(original, back) ?? "")")
        }
    }

    @Test("Every bundled structure survives CSV → YAML → CSV byte for byte")
    func bundledCSVThroughYAML() throws {
        for file in try RoundTrip.bundledStructures() {
            var structure = try StructureFile.load(file)
            for index in structure.posts.indices { structure.posts[index].deviations = [] }
            let csv = try StructureCSVWriter().write(structure)
            let yaml = StructureYAMLWriter().write(try RoundTrip.csv(csv))
            let again = try StructureCSVWriter().write(try RoundTrip.yaml(yaml))
            #expect(again == csv, "\(file)")
        }
    }

    @Test("A structure with deviations is refused as CSV, naming the posts", arguments: [1, 7])
    func deviationsRefused(count: Int) throws {
        var structure = StructureGenerator(posts: 60, seed: 3).generate()
        for index in 0..<count { structure.posts[index].deviations = [Deviation(rule: .spanNarrow, rationale: "agreed")] }
        do {
            _ = try StructureCSVWriter().write(structure)
            Issue.record("CSV writer accepted deviations")
        } catch {
            let ids = structure.posts.prefix(count).map(\.id.rawValue)
            let message = error.description
            #expect(message.hasPrefix("CSV cannot hold deviations, and \(ids.prefix(5).joined(separator: ", "))"))
            #expect(message.hasSuffix("write the structure as YAML instead"))
            #expect(message.contains("and 2 more") == (count == 7))
        }
    }

    @Test("Generated structures with awkward strings survive YAML → CSV → YAML", arguments: [1, 2, 3, 5, 8] as [UInt64])
    func generatedYAMLThroughCSV(seed: UInt64) throws {
        let original = RoundTrip.dressed(seed: seed)
        let viaYAML = try RoundTrip.yaml(StructureYAMLWriter().write(original))
        #expect(RoundTrip.firstDifference(original, viaYAML) == nil, "YAML alone: \(RoundTrip.firstDifference(original, viaYAML) ?? "")")
        let viaCSV = try RoundTrip.csv(try StructureCSVWriter().write(viaYAML))
        #expect(RoundTrip.firstDifference(original, viaCSV) == nil, "through CSV: \(RoundTrip.firstDifference(original, viaCSV) ?? "")")
        let back = try RoundTrip.yaml(StructureYAMLWriter().write(viaCSV))
        #expect(RoundTrip.firstDifference(original, back) == nil)
    }

    @Test("Generated structures with awkward strings survive CSV → YAML → CSV byte for byte", arguments: [4, 6, 9] as [UInt64])
    func generatedCSVThroughYAML(seed: UInt64) throws {
        let csv = try StructureCSVWriter().write(RoundTrip.dressed(seed: seed))
        let yaml = StructureYAMLWriter().write(try RoundTrip.csv(csv))
        let again = try StructureCSVWriter().write(try RoundTrip.yaml(yaml))
        #expect(again == csv)
    }

    @Test("Each awkward string survives as title, holder, service, attribute value and metadata, in both formats")
    func eachNastyString() throws {
        for text in RoundTrip.nastyStrings {
            let keep = !text.allSatisfy(\.isWhitespace)  // a blank title or holder means none
            var post = Post(id: "P1", attributes: [Attribute(name: "Note", value: text)])
            if keep {
                post.title = text
                post.holder = text
                post.service = text
            }
            let structure = Structure(name: text, description: text, posts: [post, Post(id: "P2", reportsTo: "P1")])
            let viaYAML = try RoundTrip.yaml(StructureYAMLWriter().write(structure))
            #expect(
                RoundTrip.firstDifference(structure, viaYAML) == nil,
                "YAML: \(String(reflecting: text)): \(RoundTrip.firstDifference(structure, viaYAML) ?? "")")
            let viaCSV = try RoundTrip.csv(try StructureCSVWriter().write(structure))
            #expect(
                RoundTrip.firstDifference(structure, viaCSV) == nil,
                "CSV: \(String(reflecting: text)): \(RoundTrip.firstDifference(structure, viaCSV) ?? "")")
        }
    }

    @Test("Awkward ids survive as id, reports_to, dotted_to and replaces")
    func awkwardIDs() throws {
        for id in [
            "yes", "1001", "#7", "2020-01-01", "a, b", "P/1", "null", "Ünï", "x y", "- id", "\"q\"", "[x]", "-1", "=A1", "'+2", "@x",
        ] {
            let structure = Structure(posts: [
                Post(id: "TOP"), Post(id: PostID(id), reportsTo: "TOP"),
                Post(id: "L", reportsTo: PostID(id), dottedTo: [PostID(id), "TOP"], replaces: PostID(id)),
            ])
            let viaYAML = try RoundTrip.yaml(StructureYAMLWriter().write(structure))
            #expect(
                RoundTrip.firstDifference(structure, viaYAML) == nil, "YAML \(id): \(RoundTrip.firstDifference(structure, viaYAML) ?? "")")
            let viaCSV = try RoundTrip.csv(try StructureCSVWriter().write(structure))
            #expect(RoundTrip.firstDifference(structure, viaCSV) == nil, "CSV \(id): \(RoundTrip.firstDifference(structure, viaCSV) ?? "")")
        }
    }

    @Test("A large structure is written in chunks on several cores, byte for byte as one pass writes it")
    func chunkedYAML() throws {
        var structure = StructureGenerator(posts: 52_000, seed: 12).generate()
        for index in stride(from: 0, to: structure.posts.count, by: 97) {
            structure.posts[index].attributes = [
                Attribute(name: "Note", value: RoundTrip.nastyStrings[index % RoundTrip.nastyStrings.count])
            ]
        }
        let whole = StructureYAMLWriter(header: ["Header"]).writeBytes(structure)
        // Pieces under the chunking threshold are written in one pass each.
        var expected = Array(
            StructureYAMLWriter(header: ["Header"]).write(
                Structure(
                    name: structure.name, organisation: structure.organisation, description: structure.description,
                    state: structure.state, effective: structure.effective, rules: structure.rules, posts: [])
            ).utf8)
        for start in stride(from: 0, to: structure.posts.count, by: 10_000) {
            let piece = StructureYAMLWriter().writeBytes(
                Structure(posts: Array(structure.posts[start..<min(start + 10_000, structure.posts.count)])))
            expected += piece.dropFirst("posts:\n".utf8.count)
        }
        #expect(structure.posts.count > 50_000)
        #expect(whole == expected)
    }

    @Test("An attribute with an empty value is kept apart from no attribute, in CSV too")
    func emptyAttribute() throws {
        let structure = Structure(posts: [
            Post(id: "A", attributes: [Attribute(name: "Notes", value: "")]),
            Post(id: "B", reportsTo: "A", attributes: [Attribute(name: "Other", value: "x")]),
        ])
        let csv = try StructureCSVWriter().write(structure)
        #expect(csv.contains("A,,,,\"\",\n"), "\(csv)")
        let back = try RoundTrip.csv(csv)
        #expect(back.posts[0].attributes == [Attribute(name: "Notes", value: "")])
        #expect(back.posts[1].attributes == [Attribute(name: "Other", value: "x")])
    }

    @Test("A multi-line description is quoted in CSV metadata and read back whole")
    func multiLineMetadata() throws {
        let structure = Structure(
            name: "\"Quoted\" name", description: "First line\nSecond line\twith a tab and a \\", posts: [Post(id: "A")])
        let csv = try StructureCSVWriter().write(structure)
        #expect(
            csv.hasPrefix("# name: \"\\\"Quoted\\\" name\"\n# description: \"First line\\nSecond line\\twith a tab and a \\\\\"\n"),
            "\(csv)")
        let back = try RoundTrip.csv(csv)
        #expect(back.name == structure.name)
        #expect(back.description == structure.description)
        // An invisible separator in a quoted value is written as YAML writes it, and read back.
        let separated = Structure(name: "S", description: "Two\nparts\u{2028}here", posts: [Post(id: "A")])
        let written = try StructureCSVWriter().write(separated)
        #expect(written.contains("# description: \"Two\\nparts\\u2028here\"\n"), "\(written)")
        #expect(try RoundTrip.csv(written).description == separated.description)
    }
}
