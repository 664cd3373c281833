import Foundation

/// A trial page's title block and notes, each drawn as a blank table of its own size.
///
/// Planning lays out thousands of trial pages only to learn their sizes. On a page the
/// title block (running header, title, key) and the notes are about half the DOT text,
/// and Graphviz reads and sizes them afresh each time, though they differ little from one
/// trial to the next. A stand-in (an empty fixed-size table) takes exactly the room the
/// label would, so the trial's size is the same while Graphviz reads half as much.
///
/// A label's size is measured once for every label that differs from it only in its
/// digits: the charts' typeface sets every digit the same width, so "Moved: 3" takes the
/// room "Moved: 7" does. Pages drawn for good keep their labels, and the planner measures
/// each page again as drawn, so a stand-in can never let a page print below the floor.
final class LabelStandIns: @unchecked Sendable {
    private let measure: Chartbook.Measure
    private let lock = NSLock()
    /// Each label's size in whole points, by chart kind and the label with its digits as 0.
    private var sizes: [String: (width: Int, height: Int)] = [:]

    init(measure: @escaping Chartbook.Measure) {
        self.measure = measure
    }

    /// A blank table the size of the label `table` makes (an HTML-like label, as it is set
    /// in a chart of `kind`), where `key` is any text that differs between two such labels
    /// wherever they differ but in digits (the label's words and what shapes it, shorter
    /// than its markup): `table` is made only when no label of the key was measured before.
    /// Nil when it cannot be measured: the page is then laid out with its label, and
    /// Graphviz says what is wrong when it lays that out.
    func standIn(key: String, kind: String, table: () -> String) -> String? {
        let key = kind + "\u{1F}" + Self.digitsAsZero(key)
        lock.lock()
        let known = sizes[key]
        lock.unlock()
        guard let size = known ?? measured(table()) else { return nil }
        if known == nil {
            lock.lock()
            sizes[key] = size
            lock.unlock()
        }
        return Self.blank(width: size.width, height: size.height)
    }

    /// The label's width and height, set as the charts set their frame and notes: in the
    /// charts' typeface and size, with no margin round it.
    private func measured(_ table: String) -> (width: Int, height: Int)? {
        let dot =
            "digraph { graph [margin=0, pad=0]; node [shape=plaintext, margin=0, width=0, height=0, fontname="
            + DOTText.quoted(ChartPalette.font) + ", fontsize=10]; label [label=<" + table + ">]; }"
        guard let size = try? measure(dot) else { return nil }
        // HTML-like labels are sized in whole points; the layout reports them through inches.
        return (Int(size.width.rounded()), Int(size.height.rounded()))
    }

    /// An empty table of exactly `width` × `height` points.
    static func blank(width: Int, height: Int) -> String {
        "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\" FIXEDSIZE=\"TRUE\" WIDTH=\"\(width)\" HEIGHT=\"\(height)\">"
            + "<TR><TD></TD></TR></TABLE>"
    }

    /// `text` with every ASCII digit as 0.
    static func digitsAsZero(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] >= 0x31 && bytes[index] <= 0x39 { bytes[index] = 0x30 }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension LabelStandIns: Equatable {
    static func == (lhs: LabelStandIns, rhs: LabelStandIns) -> Bool { lhs === rhs }
}
