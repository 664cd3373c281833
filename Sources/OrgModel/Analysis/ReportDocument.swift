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

    /// Plain text: headings underlined, tables aligned, sections a blank line apart.
    public func text() -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .heading(let level, let title):
                let rule: Character = level <= 1 ? "═" : (level == 2 ? "─" : "·")
                parts.append(title + "\n" + String(repeating: rule, count: title.count) + "\n")
            case .paragraph(let text):
                parts.append(text + "\n")
            case .facts(let facts):
                let width = facts.map(\.label.count).max() ?? 0
                parts.append(facts.map { fact in
                    fact.label + ":" + String(repeating: " ", count: width - fact.label.count + 1) + fact.value
                }.joined(separator: "\n") + "\n")
            case .table(let table):
                parts.append(table.text())
            case .bullets(let items):
                parts.append(items.map { "• " + $0 }.joined(separator: "\n") + "\n")
            }
        }
        return parts.joined(separator: "\n")
    }

    /// Markdown: `#` headings (deeper by `headingOffset`), tables, `-` lists.
    public func markdown(headingOffset: Int = 0) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .heading(let level, let title):
                parts.append(String(repeating: "#", count: min(6, max(1, level + headingOffset))) + " " + title.escapingMarkdown() + "\n")
            case .paragraph(let text):
                parts.append(text + "\n")
            case .facts(let facts):
                parts.append(facts.map { "- **\($0.label):** \($0.value.escapingMarkdown())" }.joined(separator: "\n") + "\n")
            case .table(let table):
                parts.append(table.markdown())
            case .bullets(let items):
                parts.append(items.map { "- " + $0.escapingMarkdown() }.joined(separator: "\n") + "\n")
            }
        }
        return parts.joined(separator: "\n")
    }
}
