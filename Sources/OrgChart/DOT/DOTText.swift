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

    /// Whether `text` comes through escaping as it is: printable ASCII without a quote,
    /// backslash or XML special beyond those in `allowing`, and any other character but a
    /// C1 control (U+0080–U+009F) or U+FFFE and U+FFFF (most titles, ids and notes, which a
    /// chartbook's planning escapes thousands of times).
    static func isPlain(_ text: String, allowing: StaticString) -> Bool {
        var allowed: UInt64 = 0
        allowing.withUTF8Buffer { for byte in $0 { allowed |= 1 << UInt64(byte - 0x20) } }
        // The bytes below 0x60 that escaping changes, as bits from 0x20.
        let special: UInt64 =
            (1 << UInt64(0x22 - 0x20)) | (1 << UInt64(0x26 - 0x20)) | (1 << UInt64(0x27 - 0x20))
            | (1 << UInt64(0x3C - 0x20)) | (1 << UInt64(0x3E - 0x20)) | (1 << UInt64(0x5C - 0x20))
        let changed = special & ~allowed
        // The two bytes before, for the UTF-8 of the characters `printable` changes: C2 80–9F
        // (the C1 controls) and EF BF BE–BF (U+FFFE and U+FFFF).
        var (twoBefore, before): (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x80 {
                guard byte >= 0x20, byte < 0x7F else { return false }
                if byte < 0x60, changed & (1 << UInt64(byte - 0x20)) != 0 { return false }
            } else if (before == 0xC2 && byte < 0xA0) || (twoBefore == 0xEF && before == 0xBF && byte >= 0xBE) {
                return false
            }
            (twoBefore, before) = (before, byte)
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
