import Foundation
import OrgModel
import OrgSupport

/// The validate command's output for one or more structure files, as text or JSON.
public struct ValidationReport: Report, Sendable {
    /// A file that was validated, or one that could not be read.
    public enum Entry: Sendable {
        case validated(file: String, result: ValidationResult)
        case unreadable(LoadError)
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Whether any validated file has an error finding.
    public var hasErrors: Bool {
        entries.contains { if case .validated(_, let result) = $0 { !result.passes } else { false } }
    }

    /// Whether any file could not be read.
    public var hasUnreadable: Bool {
        entries.contains { if case .unreadable = $0 { true } else { false } }
    }

    // MARK: Document

    /// One line per finding, then a summary line per file (and a total for several files).
    /// Unreadable files are left to the caller to report on standard error; the total
    /// counts them.
    public func document() -> ReportDocument {
        var log = ReportLog(widths: Self.columnWidths)
        var totals = (files: 0, errors: 0, warnings: 0, accepted: 0)
        for entry in entries {
            switch entry {
            case .unreadable:
                continue
            case .validated(let file, let result):
                log.append(contentsOf: Self.findingLog(result.findings, file: file))
                log.append([Self.summary(file: file, result: result)])
                totals.files += 1
                totals.errors += result.errorCount
                totals.warnings += result.warningCount
                totals.accepted += result.acceptedCount
            }
        }
        if entries.count > 1 {
            let unreadable = entries.count - totals.files
            var total =
                "total: \(totals.files) of \(entries.count) files validated, \(Plural.count(totals.errors, "error")), \(Plural.count(totals.warnings, "warning")), \(totals.accepted) accepted"
            if unreadable > 0 { total += ", \(unreadable) unreadable" }
            log.append([total])
        }
        var doc = ReportDocument()
        doc.log(log)
        return doc
    }

    /// The findings' lines, laid out on every core a chunk each and joined in order.
    static func findingLog(_ findings: [Finding], file: String) -> ReportLog {
        let chunkSize = 50_000
        let chunks = (findings.count + chunkSize - 1) / chunkSize
        let fileBytes = Array(file.utf8)
        let parts = ParallelWork.map(chunks) { chunk in
            let range = (chunk * chunkSize)..<min(findings.count, (chunk + 1) * chunkSize)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(range.count * 128)
            findings.withUnsafeBufferPointer { findings in
                for index in range { appendLine(for: findings[index], file: fileBytes, to: &bytes) }
            }
            return (bytes, range.count)
        }
        var log = ReportLog(widths: columnWidths)
        for (bytes, count) in parts { log.append(lines: bytes, count: count) }
        return log
    }

    /// Severity and rule, padded to these widths so that the messages line up.
    static let columnWidths = [9, 21]

    /// `error    span-narrow          SM-1 "Service Manager": leads 2; tier 5 rule is 4–8 (file.yaml:12)`
    public static func line(for finding: Finding, file: String) -> String {
        var bytes: [UInt8] = []
        appendLine(for: finding, file: Array(file.utf8), to: &bytes)
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }

    /// Appends a finding's line, ended by a line feed: severity and rule padded to the
    /// column widths, then the post, the message, the deviation and where. Written as
    /// bytes, part by part: two million findings make no string apiece. A line break in
    /// any part reads as " / ", as in every log.
    static func appendLine(for finding: borrowing Finding, file: [UInt8], to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: linePrefixes[finding.rule.order * Severity.allCases.count + severityIndex(finding.severity)])
        let textStart = bytes.count
        if let post = finding.post {
            bytes.appendUTF8(post.rawValue)
            if let title = finding.postTitle, title != post.rawValue {
                bytes.append(contentsOf: #" ""#.utf8)
                bytes.appendUTF8(title)
                bytes.append(UInt8(ascii: "\""))
            }
            bytes.append(contentsOf: ": ".utf8)
        }
        finding.writeMessage(to: &bytes)
        if finding.severity == .accepted, let deviation = finding.deviation {
            bytes.appendUTF8(" — accepted: \(deviation.statedRationale ?? "")")
            var agreed = "agreed by \(deviation.agreedBy.joined(separator: ", "))"
            if let on = deviation.agreedOn { agreed += " on \(on)" }
            bytes.appendUTF8(" (\(agreed))")
        }
        bytes.append(contentsOf: " (".utf8)
        bytes.append(contentsOf: file)
        if let line = finding.line {
            bytes.append(UInt8(ascii: ":"))
            NumberText.append(line, to: &bytes)
        }
        bytes.append(UInt8(ascii: ")"))
        let mayBreak = bytes[textStart...].withUnsafeBufferPointer { ReportLog.mayHoldLineBreak($0) }
        if mayBreak { ReportLog.joinLineBreaks(in: &bytes, from: start) }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Each rule and severity's start of a line, padded to the column widths (a cell as
    /// wide or wider is followed by one space), made once: by rule order, then severity.
    private static let linePrefixes: [[UInt8]] = RuleID.allCases.flatMap { rule in
        Severity.allCases.map { severity in
            var bytes: [UInt8] = []
            for (cell, width) in zip([severity.rawValue, rule.rawValue], columnWidths) {
                bytes.append(contentsOf: cell.utf8)
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(1, width - cell.utf8.count)))
            }
            return bytes
        }
    }

    @inline(__always)
    private static func severityIndex(_ severity: Severity) -> Int {
        switch severity {
        case .error: 0
        case .warning: 1
        case .accepted: 2
        }
    }

    static func summary(file: String, result: ValidationResult) -> String {
        let structure = result.structure
        let verdict = result.passes ? "passes" : "fails"
        return
            "\(file): \(Plural.count(structure.posts.count, "post")), headcount \(structure.headcount), rules \(result.rules.name): \(Plural.count(result.errorCount, "error")), \(Plural.count(result.warningCount, "warning")), \(result.acceptedCount) accepted: \(verdict)"
    }

    // MARK: JSON

    public var reportName: String { "the validation" }

    /// An object with `files`, `unreadable` and `findings`; each finding has `rule`,
    /// `severity`, `post`, `line` and `message` (and the file, title and deviation).
    public func jsonValue() -> JSONObject { jsonValue(withFindings: true) }

    /// The JSON value, with or without its findings (`jsonBytes` writes those itself).
    func jsonValue(withFindings: Bool) -> JSONObject {
        var files: [JSONObject] = []
        var unreadable: [JSONObject] = []
        var findings: [JSONObject] = []
        for entry in entries {
            switch entry {
            case .unreadable(let error):
                unreadable.append(
                    JSONObject([
                        "file": error.file, "line": error.line, "column": error.column, "code": error.problem.code,
                        "arguments": DiagnosticJSON.Arguments(list: error.problem.arguments), "message": error.problem.english,
                    ]))
            case .validated(let file, let result):
                files.append(
                    JSONObject.identity(file: file, result.structure, rules: result.rules).merging(
                        JSONObject([
                            "posts": result.structure.posts.count, "headcount": result.structure.headcount,
                            "passes": result.passes,
                        ])
                    ).merging(.findingCounts(result)))
                for finding in result.findings where withFindings {
                    findings.append(Self.jsonFinding(finding, file: file))
                }
            }
        }
        return JSONObject(["files": files, "unreadable": unreadable, "findings": findings])
    }

    /// A finding as its JSON object: the deviation's fields only for an accepted one.
    static func jsonFinding(_ finding: Finding, file: String) -> JSONObject {
        JSONObject(["file": file, "line": finding.line]).merging(.finding(finding))
            .merging(.agreement(finding.severity == .accepted ? finding.deviation : nil, nullWhenNil: false))
    }
}
