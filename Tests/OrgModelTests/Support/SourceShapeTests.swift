import Foundation
import Testing

/// The house limits on the code itself (the README's Development section): no source file
/// over 400 lines, no function over 80. Checked here so that a change that breaks them
/// fails the suite, not a later reading.
@Suite("Source shape")
struct SourceShapeTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    static func swiftFiles() throws -> [URL] {
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "swift" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test("No source file is over 400 lines")
    func fileLengths() throws {
        let files = try Self.swiftFiles()
        #expect(files.count > 100, "the sources were not found at \(Self.sources.path)")
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count <= 401, "\(file.lastPathComponent) has \(lines.count - 1) lines")
        }
    }

    @Test("No function or initialiser is over 80 lines")
    func functionLengths() throws {
        for file in try Self.swiftFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (name, length) in FunctionLengths.measure(text) where length > 80 {
                Issue.record("\(file.lastPathComponent): \(name) is \(length) lines")
            }
        }
    }

    @Test("The measure counts from the declaration to its closing brace, past braces in strings and comments")
    func measureBites() {
        let body = (1...81).map { "    let x\($0) = \"{\" // }" }.joined(separator: "\n")
        let text = "struct S {\n    func long() {\n\(body)\n    }\n    init() { }\n}\n"
        let lengths = FunctionLengths.measure(text)
        #expect(lengths.first { $0.name.contains("long") }?.length == 83)
        #expect(lengths.first { $0.name.contains("init") }?.length == 1)
    }
}

/// Functions' lengths in lines, from the line that declares one to the line of its closing
/// brace. A plain reading of the text: braces inside string literals and comments are
/// passed over; multi-line string literals are skipped whole.
enum FunctionLengths {
    static func measure(_ text: String) -> [(name: String, length: Int)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [(name: String, length: Int)] = []
        var open: [(name: String?, line: Int, depth: Int)] = []
        var depth = 0
        var inBlockString = false
        // A declaration whose opening brace is on a later line (a long signature).
        var pending: (name: String, line: Int)?
        for (number, line) in lines.enumerated() {
            if let declared = declaration(in: line) { pending = (declared, number) }
            for character in code(of: line, inBlockString: &inBlockString) {
                if character == "{" {
                    depth += 1
                    open.append((pending?.name, pending?.line ?? number, depth))
                    pending = nil
                } else if character == "}" {
                    pending = nil  // a requirement without a body ends at its protocol's brace
                    if let last = open.last, last.depth == depth {
                        open.removeLast()
                        if let name = last.name { result.append((name, number - last.line + 1)) }
                    }
                    depth -= 1
                }
            }
        }
        return result
    }

    /// The function or initialiser a line declares, if it does.
    static func declaration(in line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        for keyword in ["func ", "init(", "init<", "init?(", "deinit"] {
            if let range = trimmed.range(of: keyword), !trimmed.hasPrefix("//"),
                trimmed[..<range.lowerBound].allSatisfy({ $0.isLetter || $0 == " " || $0 == "@" || $0 == "(" || $0 == ")" || $0 == "_" })
            {
                return String(trimmed[range.lowerBound...].prefix(60))
            }
        }
        return nil
    }

    /// The line's code: without string literals' contents and comments.
    static func code(of line: String, inBlockString: inout Bool) -> [Character] {
        var out: [Character] = []
        var inString = false
        var previous: Character = " "
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let startsTripleQuote =
                index + 2 < characters.count && characters[index] == "\"" && characters[index + 1] == "\""
                && characters[index + 2] == "\""
            if inBlockString {
                if startsTripleQuote {
                    inBlockString = false
                    index += 3
                    continue
                }
            } else if inString {
                if character == "\"" && previous != "\\" { inString = false }
            } else if startsTripleQuote {
                inBlockString = true
                index += 3
                continue
            } else if character == "\"" {
                inString = true
            } else if character == "/" && index + 1 < characters.count && characters[index + 1] == "/" {
                break
            } else {
                out.append(character)
            }
            previous = previous == "\\" && character == "\\" ? " " : character
            index += 1
        }
        return out
    }
}
