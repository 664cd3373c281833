/// A report as a list of blocks (headings, facts, tables, lists), printed as plain text
/// for the terminal or as Markdown for a committee appendix.
///
/// The analysis, comparison and de-layering reports build one of these, so each report is
/// written once and both formats always carry the same content; `orgmodel review` can
/// nest them under its own headings with `markdown(headingOffset:)`.
public struct ReportDocument: Sendable, Hashable {
    public enum Block: Sendable, Hashable {
        /// Level 1 is the report's title, 2 a section, 3 a subsection.
        case heading(Int, String)
        case paragraph(String)
        /// Label-value pairs: "Posts: 64".
        case facts([Fact])
        case table(ReportTable)
        case bullets([String])
        /// A log, one entry a line (a finding a line, to grep): plain in text, a code
        /// block in Markdown, `pre` in HTML.
        case log(ReportLog)
        /// A heading, paragraph or list whose text holds code, links or pictures.
        case richHeading(Int, RichText)
        case richParagraph(RichText)
        case richBullets([RichText])
    }

    public struct Fact: Sendable, Hashable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public var blocks: [Block]

    public init(blocks: [Block] = []) { self.blocks = blocks }

    public mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level, text)) }
    public mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    public mutating func facts(_ facts: [Fact]) { if !facts.isEmpty { blocks.append(.facts(facts)) } }
    public mutating func table(_ table: ReportTable) { blocks.append(.table(table)) }
    public mutating func bullets(_ items: [String]) { if !items.isEmpty { blocks.append(.bullets(items)) } }
    public mutating func log(_ log: ReportLog) { if !log.isEmpty { blocks.append(.log(log)) } }
    public mutating func heading(_ level: Int, _ text: RichText) { blocks.append(.richHeading(level, text)) }
    public mutating func paragraph(_ text: RichText) { blocks.append(.richParagraph(text)) }
    public mutating func bullets(_ items: [RichText]) { if !items.isEmpty { blocks.append(.richBullets(items)) } }

    /// Appends `other`'s blocks, its headings pushed down by `headingOffset`: a report as
    /// a section of a larger one.
    public mutating func append(_ other: ReportDocument, headingOffset: Int = 0) {
        blocks += other.blocks.map { block in
            switch block {
            case .heading(let level, let title): .heading(level + headingOffset, title)
            case .richHeading(let level, let title): .richHeading(level + headingOffset, title)
            default: block
            }
        }
    }

    /// Plain text: headings underlined, tables aligned, sections a blank line apart.
    public func text() -> String { String(decoding: textBytes(), as: UTF8.self) }

    /// The plain text as UTF-8, in one buffer.
    public func textBytes() -> [UInt8] {
        var out: [UInt8] = []
        writeText { out.append(contentsOf: $0) }
        return out
    }

    /// The plain text as UTF-8, given to `write` a part at a time: a log's lines as they are
    /// held, so a log of a million findings is written without another copy of it.
    public func writeText(to write: ([UInt8]) throws -> Void) rethrows {
        var out: [UInt8] = []
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        for (number, block) in blocks.enumerated() {
            if number > 0 { add("\n") }
            switch block {
            case .heading(let level, let title):
                add(Self.underlined(title, level: level))
            case .richHeading(let level, let title):
                add(Self.underlined(title.text, level: level))
            case .paragraph(let text):
                add(text + "\n")
            case .richParagraph(let text):
                add(text.text + "\n")
            case .richBullets(let items):
                for item in items { add("• " + item.text + "\n") }
            case .facts(let facts):
                let width = facts.map(\.label.count).max() ?? 0
                for fact in facts {
                    add(fact.label + ":" + String(repeating: " ", count: width - fact.label.count + 1) + fact.value + "\n")
                }
            case .table(let table):
                table.writeText(into: &out)
            case .bullets(let items):
                for item in items { add("• " + item + "\n") }
            case .log(let log):
                if !out.isEmpty { try write(out) }
                out = []
                for chunk in log.chunks where !chunk.isEmpty { try write(chunk) }
            }
        }
        if !out.isEmpty { try write(out) }
    }

    static func underlined(_ title: String, level: Int) -> String {
        let rule: Character = level <= 1 ? "═" : (level == 2 ? "─" : "·")
        return title + "\n" + String(repeating: rule, count: title.count) + "\n"
    }

    /// Markdown: `#` headings (deeper by `headingOffset`), tables, `-` lists.
    public func markdown(headingOffset: Int = 0) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .heading(let level, let title):
                parts.append(String(repeating: "#", count: min(6, max(1, level + headingOffset))) + " " + title.escapingMarkdown() + "\n")
            case .richHeading(let level, let title):
                parts.append(String(repeating: "#", count: min(6, max(1, level + headingOffset))) + " " + title.markdown + "\n")
            case .paragraph(let text):
                parts.append(text + "\n")
            case .richParagraph(let text):
                parts.append(text.markdown + "\n")
            case .richBullets(let items):
                parts.append(items.map { "- " + $0.markdown }.joined(separator: "\n") + "\n")
            case .facts(let facts):
                parts.append(facts.map { "- **\($0.label):** \($0.value.escapingMarkdown())" }.joined(separator: "\n") + "\n")
            case .table(let table):
                parts.append(table.markdown())
            case .bullets(let items):
                parts.append(items.map { "- " + $0.escapingMarkdown() }.joined(separator: "\n") + "\n")
            case .log(let log):
                parts.append(Self.codeBlock(log.lines))
            }
        }
        return parts.joined(separator: "\n")
    }

    /// Lines in a fenced code block, the fence longer than any run of backticks in them.
    static func codeBlock(_ lines: [String]) -> String {
        var longest = 0
        for line in lines where line.contains("`") {
            var run = 0
            for character in line {
                run = character == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "\n" + lines.map { $0 + "\n" }.joined() + fence + "\n"
    }
}
