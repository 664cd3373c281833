import OrgAnalysis
import OrgModel
import OrgSupport

/// The register in each format it is written in: text and Markdown from one document,
/// CSV and JSON from the same entries, so the four always carry the same facts.
extension DeviationRegister: Report {
    /// The register's columns, in the order CSV and JSON give them.
    static let csvHeader = [
        "file", "line", "post", "title", "rule", "rationale", "agreed_by", "agreed_on", "review_by", "status", "detail",
    ]

    /// A heading, the counts by status and the verdict, a table of the deviations, and
    /// their rationales.
    public func document() -> ReportDocument {
        var doc = ReportDocument()
        doc.heading(1, "Deviation register as of \(asOf)")
        var facts: [ReportDocument.Fact] = []
        if !files.isEmpty { facts.append(.init(Plural.noun(files.count, "File"), files.joined(separator: ", "))) }
        let counts = DeviationStatus.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
        facts.append(.init("Deviations", entries.isEmpty ? "none" : "\(entries.count): \(counts)"))
        doc.facts(facts)
        guard !entries.isEmpty else {
            doc.paragraph(files.isEmpty ? "No file could be read." : "No post in the files has a deviation.")
            return doc
        }
        doc.paragraph(verdict)
        var table = ReportTable(headers: ["Status", "Post", "Title", "Rule", "Agreed by", "Agreed on", "Review by", "Where", "Detail"])
        for entry in entries {
            table.append([
                entry.status.rawValue, entry.post.rawValue, entry.title, entry.rule.rawValue,
                entry.agreedBy.isEmpty ? "—" : entry.agreedBy.joined(separator: ", "),
                entry.agreedOn?.description ?? "—", entry.reviewBy?.description ?? "—", entry.location,
                entry.detail.isEmpty ? "—" : entry.detail,
            ])
        }
        doc.table(table)
        doc.heading(2, "Rationales")
        doc.bullets(
            entries.map { entry in
                "\(entry.post.rawValue), \(entry.rule.rawValue) (\(entry.location)): \(entry.rationale ?? "none given")"
            })
        return doc
    }

    /// "Fails: …" when a deviation is unagreed or expired, else "Passes: …".
    public var verdict: String {
        let unagreed = count(.unagreed)
        let expired = count(.expired)
        guard unagreed + expired > 0 else {
            return "Passes: every deviation is agreed and within its review date."
        }
        var parts: [String] = []
        if unagreed > 0 { parts.append("\(Plural.grouped(unagreed, "deviation")) not agreed") }
        if expired > 0 { parts.append("\(Plural.grouped(expired, "deviation")) past review") }
        return
            "Fails: \(parts.joined(separator: " and ")). Such a deviation waives nothing: have it agreed, with a rationale, by every approver the rule set names, or review it and set a new review_by."
    }

    /// One row per deviation under `csvHeader`; approvers joined with "; ". Cells a
    /// spreadsheet would run as formulas are guarded.
    public func csv() -> String {
        var out = CSVText.row(Self.csvHeader)
        for entry in entries {
            out += CSVText.row([
                entry.file, entry.line.map(String.init) ?? "", entry.post.rawValue, entry.title, entry.rule.rawValue,
                entry.rationale ?? "", entry.agreedBy.joined(separator: "; "), entry.agreedOn?.description ?? "",
                entry.reviewBy?.description ?? "", entry.status.rawValue, entry.detail,
            ])
        }
        return out
    }

    /// One deviation; absent values are written as null, so every entry has every key.
    public struct JSONEntry: Encodable {
        var file: String
        @JSONNull var line: Int?
        var post: String
        var title: String
        var rule: String
        @JSONNull var rationale: String?
        var agreedBy: [String]
        @JSONNull var agreedOn: String?
        @JSONNull var reviewBy: String?
        var status: String
        var detail: String
    }

    public struct JSONRegister: Encodable {
        var asOf: String
        var files: [String]
        var deviations: [JSONEntry]
    }

    /// `{"as_of", "files", "deviations": [{file, line, post, title, rule, rationale,
    /// agreed_by, agreed_on, review_by, status, detail}]}`; absent values are null.
    public func jsonValue() -> JSONRegister {
        JSONRegister(
            asOf: asOf.description, files: files,
            deviations: entries.map { entry in
                JSONEntry(
                    file: entry.file, line: entry.line, post: entry.post.rawValue, title: entry.title, rule: entry.rule.rawValue,
                    rationale: entry.rationale, agreedBy: entry.agreedBy, agreedOn: entry.agreedOn?.description,
                    reviewBy: entry.reviewBy?.description, status: entry.status.rawValue, detail: entry.detail)
            })
    }

    public var reportName: String { "the register" }

    public func csvBytes() -> [UInt8] { Array(csv().utf8) }
}
