import Foundation

/// Breaks text into lines of about a given width, so a long title makes a taller box
/// rather than a box as wide as the page.
///
/// Widths are counted in characters (grapheme clusters, so an emoji or an accented letter
/// is one), with East Asian wide characters and emoji counted as two, which is close
/// enough to how they print to keep boxes of similar width. Time is linear in the text.
public enum TextWrap {
    /// The lines of `text` at most `width` wide, breaking at spaces.
    ///
    /// A word is never broken: a word wider than a line stands on a line of its own, and
    /// one wider than half as much again as a line is cut there with an ellipsis (the chart
    /// is no place for it; reports keep it whole). Text without spaces in wide characters
    /// (Chinese, Japanese, Korean) breaks between characters, as those scripts do. With
    /// `maxLines`, text beyond the last line is cut and the last line ends with "…". Runs of
    /// white space, line breaks included, count as one space.
    public static func lines(_ text: String, width: Int, maxLines: Int? = nil) -> [String] {
        // A chartbook wraps the same titles on every page and every trial of a page.
        let key = Wrapped.Key(text: text, width: width, maxLines: maxLines ?? -1)
        if let known = Wrapped.shared.lines(key) { return known }
        let lines = wrap(text, width: width, maxLines: maxLines)
        Wrapped.shared.keep(lines, key)
        return lines
    }

    /// Lines already wrapped, by text, width and line limit; forgotten when many.
    final class Wrapped: @unchecked Sendable {
        struct Key: Hashable {
            var text: String
            var width: Int
            var maxLines: Int
        }
        static let shared = Wrapped()
        /// Enough for every label of a chartbook of 100,000 posts at a few widths.
        static let limit = 400_000
        private let lock = NSLock()
        private var known: [Key: [String]] = [:]

        func lines(_ key: Key) -> [String]? {
            lock.lock()
            defer { lock.unlock() }
            return known[key]
        }

        func keep(_ lines: [String], _ key: Key) {
            lock.lock()
            defer { lock.unlock() }
            if known.count >= Self.limit { known.removeAll(keepingCapacity: true) }
            known[key] = lines
        }
    }

    static func wrap(_ text: String, width: Int, maxLines: Int?) -> [String] {
        let width = max(width, 1)
        let longestWord = width + width / 2
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var cut = false

        func finishLine() {
            lines.append(line)
            line = ""
            lineWidth = 0
        }

        for word in words(text) {
            if let maxLines, lines.count >= maxLines {
                cut = true
                break
            }
            let wordWidth = displayWidth(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { finishLine() }
            if wordWidth <= width {
                line = word
                lineWidth = wordWidth
                continue
            }
            if word.contains(where: { displayWidth($0) == 2 }) {
                // Wide scripts break between characters: one pass, line-sized pieces.
                for character in word {
                    let w = displayWidth(character)
                    if lineWidth + w > width && lineWidth > 0 { finishLine() }
                    line.append(character)
                    lineWidth += w
                }
                continue
            }
            if wordWidth <= longestWord {
                line = word
                lineWidth = wordWidth
            } else {
                line = truncated(word, width: longestWord)
                lineWidth = longestWord
            }
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        if let maxLines, lines.count > maxLines {
            lines.removeLast(lines.count - maxLines)
            cut = true
        }
        if cut, let last = lines.last {
            lines[lines.count - 1] = truncated(last + " …", width: width)
        }
        return lines
    }

    /// `text` cut to at most `width` wide, ending with "…" when anything was cut.
    static func truncated(_ text: String, width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = displayWidth(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// The words of `text`: split at any white space or control character.
    static func words(_ text: String) -> [String] {
        text.split { character in
            // Controls are U+0000–001F and U+007F–009F (general category Cc).
            character.isWhitespace || character.unicodeScalars.allSatisfy { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
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
