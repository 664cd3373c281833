import OrgSupport

/// Turns user text (titles, names, ids, rationales) into DOT that means exactly that text.
///
/// A title is data, never markup: whatever a structure file holds (`& < > " \`, `\N`,
/// non-Latin scripts, emoji, control characters) must reach the chart as written and
/// must not be able to end a string, open a tag or trigger one of Graphviz's `\N`/`\G`
/// substitutions, which Graphviz applies even inside HTML-like labels.
public enum DOTText {
    /// `text` as a double-quoted DOT string, quotes included, for an attribute such as `id`.
    ///
    /// Backslashes are doubled (Graphviz reads `\\` as one backslash and would expand
    /// `\N`), quotes escaped, and line breaks and other controls become spaces.
    public static func quoted(_ text: String) -> String {
        if isPlain(text, allowing: "&<>'") { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(printable(scalar))
            }
        }
        out += "\""
        return out
    }

    /// `text` escaped for the inside of an HTML-like label (`label=<…>`).
    ///
    /// The five XML specials become entities, a backslash becomes `\\` (Graphviz
    /// substitutes `\N` and friends after decoding entities, so an entity alone is not
    /// enough), and characters XML cannot carry become spaces or U+FFFD.
    public static func html(_ text: String) -> String {
        if isPlain(text, allowing: "") { return text }
        return HTMLText.escaped(text) { out, scalar in
            if scalar == "\\" { out += "\\\\" } else { out.unicodeScalars.append(printable(scalar)) }
        }
    }

    /// Whether `text` is printable ASCII without a quote, backslash or XML special beyond
    /// those in `allowing`: text that comes through escaping as it is (most titles and ids,
    /// which a chartbook's planning escapes thousands of times).
    static func isPlain(_ text: String, allowing: StaticString) -> Bool {
        var allowed: UInt64 = 0
        allowing.withUTF8Buffer { for byte in $0 { allowed |= 1 << UInt64(byte - 0x20) } }
        // The bytes below 0x60 that escaping changes, as bits from 0x20.
        let special: UInt64 =
            (1 << UInt64(0x22 - 0x20)) | (1 << UInt64(0x26 - 0x20)) | (1 << UInt64(0x27 - 0x20))
            | (1 << UInt64(0x3C - 0x20)) | (1 << UInt64(0x3E - 0x20)) | (1 << UInt64(0x5C - 0x20))
        let changed = special & ~allowed
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return false }
            if byte < 0x60, changed & (1 << UInt64(byte - 0x20)) != 0 { return false }
        }
        return true
    }

    /// A scalar XML 1.0 and DOT can both carry: controls become a space, and the
    /// non-characters U+FFFE/U+FFFF (which XML rejects) become U+FFFD.
    static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return " "
        case 0xFFFE, 0xFFFF: return "\u{FFFD}"
        default: return scalar
        }
    }
}
