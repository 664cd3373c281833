import Foundation

/// The formats a report is written in.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case text, markdown, html, csv, json
}

/// A report: one document (headings, facts, tables, lists) and one encodable value,
/// from which every format is rendered here, in one place: text, Markdown and HTML from
/// the document, JSON from the value, CSV from the rows of a report that has them. A
/// report builds its content; it never lays out text, pads columns or encodes JSON.
public protocol Report {
    associatedtype JSONValue: Encodable

    /// What the report is, for messages: "the analysis".
    var reportName: String { get }

    /// The content of the text, Markdown and HTML.
    func document() -> ReportDocument

    /// The content of the JSON: every key snake_case, derived from the Swift names the
    /// value gives its keys.
    func jsonValue() -> JSONValue

    /// The JSON as bytes; a report too large for the encoder writes part itself.
    func jsonBytes() throws(ReportError) -> [UInt8]

    /// The CSV, for a report that comes as one; others throw.
    func csvBytes() throws(ReportError) -> [UInt8]

    /// The report in `format` as parts that, joined, are `rendered(format)`: a report of
    /// a million rows gives its parts as written, never copied into one.
    func renderedParts(_ format: OutputFormat) throws(ReportError) -> [any ContiguousBytes & Sendable]
}

extension Report {
    public func jsonBytes() throws(ReportError) -> [UInt8] {
        Array(try ReportJSON.encode(jsonValue(), what: reportName).utf8)
    }

    public func csvBytes() throws(ReportError) -> [UInt8] {
        throw ReportError("\(reportName) does not come as CSV")
    }

    /// The report in `format`; `headingOffset` pushes the Markdown and HTML headings down
    /// when the report is a section of a larger document.
    public func rendered(_ format: OutputFormat, headingOffset: Int = 0) throws(ReportError) -> [UInt8] {
        switch format {
        case .text: document().textBytes()
        case .markdown: Array(document().markdown(headingOffset: headingOffset).utf8)
        case .html: Array(document().html(headingOffset: headingOffset).utf8)
        case .csv: try csvBytes()
        case .json: try jsonBytes()
        }
    }

    public func renderedParts(_ format: OutputFormat) throws(ReportError) -> [any ContiguousBytes & Sendable] { [try rendered(format)] }

    /// The report in `format`, given to `write` a part at a time; the parts joined are
    /// `rendered(format)`. A long log goes out as it is held, without a copy of the whole.
    public func write(_ format: OutputFormat, to write: (any ContiguousBytes) throws -> Void) throws {
        if format == .text {
            try document().writeText { try write($0) }
        } else {
            for part in try renderedParts(format) { try write(part) }
        }
    }

    public func text() -> String { document().text() }

    public func markdown(headingOffset: Int = 0) -> String { document().markdown(headingOffset: headingOffset) }

    public func html(headingOffset: Int = 0) -> String { document().html(headingOffset: headingOffset) }

    public func json() throws(ReportError) -> String { String(decoding: try jsonBytes(), as: UTF8.self) }
}
