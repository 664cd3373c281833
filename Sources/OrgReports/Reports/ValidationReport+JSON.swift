import Foundation
import OrgModel
import OrgSupport

/// The validation's JSON, its findings written as bytes: a deep structure has millions,
/// which the encoder takes seconds over. The bytes are those the encoder writes (sorted
/// keys, pretty-printed, two spaces a level); a finding the fast path does not cover (an
/// accepted one, with its deviation, or text holding a control character) goes through
/// the encoder itself, so the two can never differ.
extension ValidationReport {
    public func jsonBytes() throws(ReportError) -> [UInt8] { ByteParts.joined(try jsonParts()) }

    public func renderedParts(_ format: OutputFormat) throws(ReportError) -> [any ContiguousBytes & Sendable] {
        format == .json ? try jsonParts() : [try rendered(format)]
    }

    /// The JSON in parts, written one after another without a copy of the whole: the
    /// encoder's text up to its empty list of findings, the findings a chunk a core, and
    /// the rest of the encoder's text.
    func jsonParts() throws(ReportError) -> [any ContiguousBytes & Sendable] {
        let out = Array(try ReportJSON.encode(jsonValue(withFindings: false), what: reportName).utf8)
        let empty = Array("\n  \"findings\" : [\n\n  ]".utf8)
        guard let at = out.firstRange(of: empty) else { return [out] }
        var findings: [any ContiguousBytes & Sendable] = []
        for entry in entries {
            guard case .validated(let file, let result) = entry else { continue }
            for chunk in try Self.findingObjects(result.findings, file: file) where !chunk.isEmpty {
                findings.append(findings.isEmpty ? chunk.dropFirst(2) : chunk[...])  // the first without ",\n"
            }
        }
        guard !findings.isEmpty else { return [out] }
        let head: [UInt8] = Array(out[..<at.lowerBound]) + Array("\n  \"findings\" : [\n".utf8)
        let tail: [UInt8] = Array("\n  ]".utf8) + Array(out[at.upperBound...])
        return [head] + findings + [tail]
    }

    /// ",\n    {…}" for each finding, a chunk of them a core.
    static func findingObjects(_ findings: [Finding], file: String) throws(ReportError) -> [[UInt8]] {
        let chunkSize = 50_000
        let chunks = (findings.count + chunkSize - 1) / chunkSize
        let parts = ParallelWork.map(chunks) { chunk -> Result<[UInt8], ReportError> in
            var out: [UInt8] = []
            out.reserveCapacity(min(findings.count - chunk * chunkSize, chunkSize) * 220)
            for index in (chunk * chunkSize)..<min(findings.count, (chunk + 1) * chunkSize) {
                do throws(ReportError) {
                    try appendObject(findings[index], file: file, to: &out)
                } catch {
                    return .failure(error)
                }
            }
            return .success(out)
        }
        return try parts.map { part throws(ReportError) in try part.get() }
    }

    /// One finding's object at the findings list's depth, after ",\n".
    private static func appendObject(_ finding: Finding, file: String, to out: inout [UInt8]) throws(ReportError) {
        let message = finding.message
        let plain =
            finding.severity != .accepted
            && [file, message, finding.post?.rawValue ?? "", finding.postTitle ?? ""].allSatisfy { !holdsControl($0) }
        guard plain else {
            // As the encoder writes it alone, each line pushed two levels in.
            let alone = try ReportJSON.encode(jsonFinding(finding, file: file), what: "a finding")
            out.append(contentsOf: ",\n".utf8)
            for (number, line) in alone.dropLast().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if number > 0 { out.append(0x0A) }
                out.append(contentsOf: "    ".utf8)
                out.append(contentsOf: line.utf8)
            }
            return
        }
        out.append(contentsOf: ",\n    {\n".utf8)
        var first = true
        func key(_ name: StaticString) {
            if !first { out.append(contentsOf: ",\n".utf8) }
            first = false
            out.append(contentsOf: "      \"".utf8)
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: "\" : ".utf8)
        }
        key("file")
        QuotedText.append(file, to: &out)
        if let line = finding.line {
            key("line")
            NumberText.append(line, to: &out)
        }
        key("message")
        QuotedText.append(message, to: &out)
        if let post = finding.post {
            key("post")
            QuotedText.append(post.rawValue, to: &out)
        }
        key("rule")
        QuotedText.append(finding.rule.rawValue, to: &out)
        key("severity")
        QuotedText.append(finding.severity.rawValue, to: &out)
        if let title = finding.postTitle {
            key("title")
            QuotedText.append(title, to: &out)
        }
        out.append(contentsOf: "\n    }".utf8)
    }

    /// Whether `text` holds a control character other than tab, line feed and carriage
    /// return, which the encoder may escape its own way.
    private static func holdsControl(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }
}
