/// The report documents as HTML, for the review's page: the same blocks as the text and
/// Markdown, so the three always carry the same content.
extension ReportDocument {
    /// HTML for a section of a page: `h2`… headings (deeper by `headingOffset`), facts as
    /// a definition list, tables with a header row (class `data`, which the page's script
    /// makes sortable and filterable), lists. Every text is escaped.
    public func html(headingOffset: Int = 0) -> String {
        var out = ""
        for block in blocks {
            switch block {
            case .heading(let level, let title):
                let tag = "h\(min(6, max(1, level + headingOffset)))"
                out += "<\(tag)>\(HTMLText.escaped(title))</\(tag)>\n"
            case .richHeading(let level, let title):
                let tag = "h\(min(6, max(1, level + headingOffset)))"
                out += "<\(tag)>\(title.html)</\(tag)>\n"
            case .paragraph(let text):
                out += "<p>\(HTMLText.escaped(text))</p>\n"
            case .richParagraph(let text):
                out += "<p>\(text.html)</p>\n"
            case .richBullets(let items):
                out += "<ul>" + items.map { "<li>\($0.html)</li>" }.joined() + "</ul>\n"
            case .facts(let facts):
                out += "<dl class=\"facts\">"
                for fact in facts { out += "<dt>\(HTMLText.escaped(fact.label))</dt><dd>\(HTMLText.escaped(fact.value))</dd>" }
                out += "</dl>\n"
            case .table(let table):
                out += table.html()
            case .bullets(let items):
                out += "<ul>" + items.map { "<li>\(HTMLText.escaped($0))</li>" }.joined() + "</ul>\n"
            case .log(let log):
                out += "<pre>" + log.lines.map { HTMLText.escaped($0) + "\n" }.joined() + "</pre>\n"
            }
        }
        return out
    }
}

extension ReportTable {
    /// The table as HTML, numbers right-aligned as in the text; `marked` cells (row,
    /// column) carry the class `best`.
    public func html(marked: Set<[Int]> = []) -> String {
        var out = "<table class=\"data\"><thead><tr>"
        for (column, header) in headers.enumerated() {
            let align = alignments.indices.contains(column) && alignments[column] == .right ? " class=\"num\"" : ""
            out += "<th\(align) scope=\"col\">\(HTMLText.escaped(header))</th>"
        }
        out += "</tr></thead><tbody>"
        for (number, row) in rows.enumerated() {
            out += "<tr>"
            for (column, cell) in row.enumerated() {
                var classes: [String] = []
                if alignments.indices.contains(column) && alignments[column] == .right { classes.append("num") }
                if marked.contains([number, column]) { classes.append("best") }
                let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                out += "<td\(attribute)>\(HTMLText.escaped(cell))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table>\n"
    }
}

/// Text made safe for HTML: the five characters HTML gives meaning escaped, and the
/// characters no document may hold (see `RefusedCharacters`) replaced. The one HTML
/// escaper: a chart's HTML-like labels use it too, with their own rule for the rest.
public enum HTMLText {
    public static func escaped(_ text: String) -> String {
        escaped(text) { out, scalar in
            out.unicodeScalars.append(RefusedCharacters.isRefused(scalar) ? "\u{FFFD}" : scalar)
        }
    }

    /// `&`, `<`, `>`, `"` and `'` as entities; every other scalar as `other` writes it.
    @inlinable
    public static func escaped(_ text: String, other: (inout String, Unicode.Scalar) -> Void) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: other(&out, scalar)
            }
        }
        return out
    }

    /// The character an HTML or XML character reference names, given what stands between
    /// its `&` and `;` (`amp`, `#39`, `#x27`…); nil for a name it does not know. The one
    /// decoder: a redaction audit reads chart markup with it, and chartbook links with it.
    public static func character(referencedBy body: Substring) -> Character? {
        switch body {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard body.hasPrefix("#") else { return nil }
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }

    /// Text with its character references decoded; an unknown or unterminated one is kept
    /// as written.
    public static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";"),
                let decoded = character(referencedBy: text[text.index(after: index)..<semicolon])
            {
                out.append(decoded)
                index = text.index(after: semicolon)
            } else {
                out.append(text[index])
                index = text.index(after: index)
            }
        }
        return out
    }
}
