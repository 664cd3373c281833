import Foundation
import Testing

@testable import OrgModel
@testable import OrgSupport

/// A large file is read and checked in two halves side by side: what either half holds is
/// found, at its own line, as it is in a small file.
@Suite("Large files read and checked in halves")
struct LargeTextCheckTests {
    /// A CSV structure of more than `StructureFile.parallelReadBytes`, rows `P1`… under `P0`.
    static let rows: [String] = {
        var rows = ["id,reports_to,title", "P0,,Director"]
        var size = 0
        var number = 1
        while size < StructureFile.parallelReadBytes + 100_000 {
            let row = "P\(number),P0,Social Worker \(number)"
            rows.append(row)
            size += row.utf8.count + 1
            number += 1
        }
        return rows
    }()

    static func text(replacing line: Int? = nil, with row: String = "") -> [UInt8] {
        var rows = Self.rows
        if let line { rows[line - 1] = row }
        return Array((rows.joined(separator: "\n") + "\n").utf8)
    }

    @Test("The halves meet just after a line break, and a small text is one stretch")
    func halves() {
        let bytes = Self.text()
        let halves = StructureFile.textHalves(bytes)
        #expect(halves.count == 2)
        #expect(halves.first?.lowerBound == 0 && halves.last?.upperBound == bytes.count)
        #expect(halves[0].upperBound == halves[1].lowerBound && bytes[halves[0].upperBound - 1] == 0x0A)
        #expect(StructureFile.textHalves(Array("id\nA\n".utf8)) == [0..<5])
    }

    @Test("A refused character, a byte order mark or a NUL in either half is refused at its line", arguments: [0.25, 0.75])
    func refusedInEitherHalf(at fraction: Double) throws {
        let line = Int(Double(Self.rows.count) * fraction)
        for (row, message) in [
            ("PX,P0,a\u{07}b", "the text holds the control character U+0007"),
            ("\u{FEFF}PX,P0,Mark", "the text holds a byte order mark (U+FEFF) inside the text"),
            ("PX,P0,a\u{C2}\u{85}b", "the text holds the control character U+0085"),
        ] {
            do {
                _ = try StructureFile.parse(Self.text(replacing: line, with: row), format: .csv, file: "big.csv")
                Issue.record("accepted \(row.debugDescription) at line \(line)")
            } catch {
                #expect(error.line == line, "\(error)")
                #expect(error.message == message, "\(error)")
            }
        }
        var binary = Self.text()
        binary[Int(Double(binary.count) * fraction)] = 0
        do {
            _ = try StructureFile.parse(binary, format: .csv, file: "big.csv")
            Issue.record("a NUL byte was accepted")
        } catch {
            #expect(error.message.contains("binary"), "\(error)")
        }
    }

    @Test("A byte order mark right after the halves' meeting point is refused; at the very start it is allowed")
    func markAtTheMeetingPoint() throws {
        let bytes = Self.text()
        let split = StructureFile.textHalves(bytes)[1].lowerBound
        let marked = Array(bytes[..<split]) + [0xEF, 0xBB, 0xBF] + Array(bytes[split...])
        #expect(throws: LoadError.self) { try StructureFile.parse(marked, format: .csv, file: "big.csv") }
        let leading = [0xEF, 0xBB, 0xBF] + bytes
        #expect(try StructureFile.parse(leading, format: .csv, file: "big.csv").posts.count == Self.rows.count - 1)
    }

    @Test("A large file read in halves is its bytes, and loads")
    func readInHalves() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.csv").path
        var bytes = Self.text()
        bytes.append(contentsOf: Array("PZ,P0,Caf\u{E9} lead\n".utf8))  // not all ASCII
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try StructureFile.readText(path) == bytes)
        let structure = try StructureFile.load(path)
        #expect(structure.posts.count == Self.rows.count)
        #expect(structure.posts.last?.title == "Caf\u{E9} lead")
    }
}
