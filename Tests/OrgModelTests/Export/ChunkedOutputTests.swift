import Foundation
import Testing

@testable import OrgModel
@testable import OrgSupport

/// A large structure's YAML is made in chunks on every core while the first chunks are
/// written; the bytes must be those of writing it in one piece, whoever makes each chunk.
@Suite("Chunked output")
struct ChunkedOutputTests {
    @Test("YAML written in chunks is byte for byte the YAML written whole", arguments: [1, 7, 250, 1_999])
    func chunkedYAMLMatchesWhole(postsPerChunk: Int) {
        let structure = StructureGenerator(posts: 2_000, seed: 11).generate()
        let whole = StructureYAMLWriter(header: ["A header."]).writeBytes(structure)
        var chunked = StructureYAMLWriter(header: ["A header."])
        chunked.minimumChunkedPosts = 1
        chunked.postsPerChunk = postsPerChunk
        let parts = chunked.writeParts(structure)
        #expect(parts.count == 1 + (structure.posts.count + postsPerChunk - 1) / postsPerChunk)
        #expect(chunked.writeBytes(structure) == whole)
        // A chunk is let go once read; reading the parts again makes them again, the same.
        var twice: [UInt8] = []
        for _ in 0..<2 {
            var once: [UInt8] = []
            for part in parts { part.withUnsafeBytes { once.append(contentsOf: $0) } }
            if !twice.isEmpty { #expect(once == twice) }
            twice = once
        }
        #expect(twice == whole)
    }

    @Test("Every chunk comes back in order, with no worker threads or with several, read from many threads at once", arguments: [0, 1, 4])
    func chunksInOrder(workers: Int) async {
        let output = ChunkedOutput(count: 64, workers: workers) { index in
            var buffer = ByteBuffer(capacity: 8)
            buffer.append("chunk \(index);")
            return buffer.finish()
        }
        let parts = output.parts
        let texts = await withTaskGroup(of: (Int, String).self) { group in
            for (index, part) in parts.enumerated().reversed() {
                group.addTask { (index, part.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }) }
            }
            var texts = Array(repeating: "", count: parts.count)
            for await (index, text) in group { texts[index] = text }
            return texts
        }
        #expect(texts == (0..<64).map { "chunk \($0);" })
    }

    @Test("Writing a chunked structure to a file gives the same file as writing it whole")
    func chunkedFile() throws {
        let structure = StructureGenerator(posts: 1_500, seed: 5).generate()
        var chunked = StructureYAMLWriter()
        chunked.minimumChunkedPosts = 1
        chunked.postsPerChunk = 100
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chunked-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.yaml").path
        try OutputFile.write([(path, chunked.writeParts(structure))])
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect([UInt8](written) == StructureYAMLWriter().writeBytes(structure))
        #expect(try YAMLStructureReader(file: path).read(String(decoding: written, as: UTF8.self)).posts.count == structure.posts.count)
    }

    @Test("A title or grade the post before had is written as it would be alone, plain or quoted")
    func repeatedTitlesAndGrades() throws {
        // Titles and grades that YAML would misread (a word it takes as true, a number, a
        // date) stay quoted however often they follow each other or a plain one.
        let titles = [
            "Social Worker", "Social Worker", "yes", "yes", "Social Worker", "1001", "1001", "2026-01-01", "", "Yes", "Social Worker",
        ]
        let grades: [String?] = ["G9", "G9", "null", "null", nil, "7", "7", "G9", "G9", "on", "G9"]
        var structure = Structure(name: "Repeats")
        for (index, title) in titles.enumerated() {
            structure.posts.append(
                Post(
                    id: PostID("P\(index)"), title: title, tier: index == 0 ? 2 : nil, reportsTo: index == 0 ? nil : "P0",
                    grade: grades[index], fte: [1, 0.5, 2.25][index % 3], cost: [42_000, 1e9 + 0.5, 0.1][index % 3], count: 1 + index % 3))
        }
        let yaml = String(decoding: StructureYAMLWriter().writeBytes(structure), as: UTF8.self)
        func lines(_ key: String, of text: String) -> [Substring] { text.split(separator: "\n").filter { $0.hasPrefix("    \(key): ") } }
        func alone(_ post: Post) -> String { String(decoding: StructureYAMLWriter().writeBytes(Structure(posts: [post])), as: UTF8.self) }
        // Each title and grade line, in order, is the line the value gets written alone.
        let expectedTitles = titles.filter { !$0.isEmpty }.flatMap { lines("title", of: alone(Post(id: "A", title: $0))) }
        let expectedGrades = grades.compactMap { $0 }.flatMap { lines("grade", of: alone(Post(id: "A", grade: $0))) }
        #expect(lines("title", of: yaml) == expectedTitles)
        #expect(lines("grade", of: yaml) == expectedGrades)
        #expect(expectedTitles.contains("    title: \"yes\"") && expectedGrades.contains("    grade: \"7\""))
        let read = try YAMLStructureReader(file: "repeats.yaml").read(yaml)
        #expect(read.posts.map(\.title) == titles)
        #expect(read.posts.map(\.grade) == grades)
        #expect(read.posts.map(\.cost) == structure.posts.map(\.cost))
        #expect(read.posts.map(\.fte) == structure.posts.map(\.fte))
        #expect(read.posts.map(\.count) == structure.posts.map(\.count))
    }

    @Test("Numbers appended as bytes read as NumberText.format and String(_:) spell them")
    func numbersAsBytes() {
        for value in [0, 7, -5, 10, 99, 100, 1_234_567_890, Int.max, Int.min] {
            var buffer = ByteBuffer(capacity: 4)
            NumberText.append(value, to: &buffer)
            #expect(buffer.finish().withUnsafeBytes { String(decoding: $0, as: UTF8.self) } == String(value))
        }
        for value in [0, -0.0, 1, 42_000, 0.5, -3, 1e15 - 1, 1e15, 1e16, 123.456, .nan, .infinity, 2.5e-7] {
            var buffer = ByteBuffer(capacity: 4)
            NumberText.append(value, to: &buffer)
            #expect(buffer.finish().withUnsafeBytes { String(decoding: $0, as: UTF8.self) } == NumberText.format(value), "\(value)")
        }
    }
}
