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
        HTMLText.escaped(text) { out, scalar in
            if scalar == "\\" { out += "\\\\" } else { out.unicodeScalars.append(printable(scalar)) }
        }
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
