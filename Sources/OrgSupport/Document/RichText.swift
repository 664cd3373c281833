/// Text with code, links and pictures in it, for the review's pages that point at the
/// files beside them: each renderer writes it its own way (Markdown `` `code` `` and
/// `[label](target)`, HTML `code` and `a`, plain text as it reads).
public struct RichText: Sendable, Hashable, ExpressibleByStringLiteral {
    public enum Span: Sendable, Hashable {
        case text(String)
        case code(String)
        case link(String, target: String)
        case image(alt: String, source: String)
    }

    public var spans: [Span]

    public init(_ spans: [Span]) { self.spans = spans }

    public init(stringLiteral value: String) { spans = [.text(value)] }

    /// Plain text: code as it is, a link as its label, a picture as its description.
    public var text: String {
        spans.map { span in
            switch span {
            case .text(let text), .code(let text), .link(let text, _), .image(let text, _): text
            }
        }.joined()
    }

    public var markdown: String {
        spans.map { span in
            switch span {
            case .text(let text): text.escapingMarkdown()
            case .code(let code): Self.codeSpan(code)
            case .link(let label, let target): "[\(label.escapingMarkdown())](\(target))"
            case .image(let alt, let source): "![\(alt.escapingMarkdown())](\(source))"
            }
        }.joined()
    }

    public var html: String {
        spans.map { span in
            switch span {
            case .text(let text): HTMLText.escaped(text)
            case .code(let code): "<code>\(HTMLText.escaped(code))</code>"
            case .link(let label, let target): "<a href=\"\(HTMLText.escaped(target))\">\(HTMLText.escaped(label))</a>"
            case .image(let alt, let source): "<img alt=\"\(HTMLText.escaped(alt))\" src=\"\(HTMLText.escaped(source))\">"
            }
        }.joined()
    }

    /// `` `code` ``, fenced by more backticks than any run inside it.
    static func codeSpan(_ code: String) -> String {
        guard code.contains("`") else { return "`" + code + "`" }
        var longest = 0
        var run = 0
        for character in code {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        return fence + " " + code + " " + fence
    }
}
