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
}
