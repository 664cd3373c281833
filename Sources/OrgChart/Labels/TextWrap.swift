/// Breaks text into lines of about a given width, so a long title makes a taller box
/// rather than a box as wide as the page.
///
/// Widths are counted in characters (grapheme clusters, so an emoji or an accented letter
/// is one), with East Asian wide characters and emoji counted as two, which is close
/// enough to how they print to keep boxes of similar width.
public enum TextWrap {
    /// The lines of `text` at most `width` wide, breaking at spaces where it can and
    /// inside a word only when the word alone is wider than a line. Runs of white space,
    /// line breaks included, count as one space; nothing else is dropped.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in words(text) {
            var word = Substring(word)
            var wordWidth = displayWidth(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // A word wider than a whole line is cut into line-sized pieces.
            while wordWidth > width {
                var piece = ""
                var pieceWidth = 0
                var rest = word.startIndex
                for character in word {
                    let w = displayWidth(character)
                    if pieceWidth + w > width && pieceWidth > 0 { break }
                    piece.append(character)
                    pieceWidth += w
                    rest = word.index(after: rest)
                }
                lines.append(piece)
                word = word[rest...]
                wordWidth = displayWidth(word)
            }
            line = String(word)
            lineWidth = wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The words of `text`: split at any white space or control character.
    static func words(_ text: String) -> [String] {
        text.split { character in
            character.isWhitespace || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
        }.map(String.init)
    }

    static func displayWidth<S: StringProtocol>(_ text: S) -> Int {
        text.reduce(0) { $0 + displayWidth($1) }
    }

    /// Two for East Asian wide characters and emoji, one otherwise.
    static func displayWidth(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
