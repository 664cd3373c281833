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
///
/// The boxes have stand-ins too when the renderer can make them (`sizing`), each taking
/// exactly the room of the box's own label, so a trial page lays out, and measures, as its
/// boxes would: a post's box is a line of text the renderer sets at the label's size, and a
/// band of stacked team leaders keeps its table with each cell an empty one of the cell's
/// size (a table cell's size is whole points). Graphviz reads a line or a row of empty
/// cells where it read tables of text. Each distinct label and cell is sized once, all of
/// a page's new ones in one layout.
final class LabelStandIns: @unchecked Sendable {
    private let measure: Chartbook.Measure
    private let sizing: Chartbook.LabelSizing?
    private let lock = NSLock()
    /// Each label's size in whole points, by chart kind and the label with its digits as 0.
    private var sizes: [String: (width: Int, height: Int)] = [:]
    /// The size of each box label and band cell measured, by its HTML.
    private var boxSizes: [Label: (width: Double, height: Double)] = [:]
    /// Labels and cells met on pages that do not size what they meet, to be sized while
    /// the planner waits (`sizeWaiting`).
    private var pending: [Label] = []
    /// The chart kinds whose trial pages size the labels they meet (all when nil).
    private let sizingKinds: Set<String>?

    /// `sizingKinds` names the chart kinds whose trial pages size the labels they meet, nil
    /// for every kind. A pair's side-by-side trials are written while this process lays out
    /// the change page, to be measured in a second process: sizing there would wait on this
    /// process's layouts, so they take the stand-ins already known and leave the rest to
    /// be sized while the planner waits on the second process.
    init(measure: @escaping Chartbook.Measure, sizing: Chartbook.LabelSizing? = nil, sizingKinds: Set<String>? = nil) {
        self.measure = measure
        self.sizing = sizing
        self.sizingKinds = sizingKinds
    }

    /// Each of `boxes` as a node of a trial page of `kind`, with a stand-in for its label,
    /// or for each cell of a band, wherever its size is known; nil when there is no renderer
    /// to size labels, or it could not (the page is then laid out with its labels, and
    /// Graphviz says what is wrong when it lays that out).
    func nodes(_ boxes: [ChartBox], kind: String) -> [String]? {
        guard let sizing else { return nil }
        // What to size: a box's label, or each of a band's cells alone in a table.
        let cells = boxes.map { box in box.cells.isEmpty ? [] : box.cells.map { DOTEmitter.cell($0, bare: true) } }
        let labels = zip(boxes, cells).map { box, cells in
            box.cells.isEmpty ? [Label(text: box.label)] : cells.map { Label(text: Self.alone($0)) }
        }
        guard let sizes = self.sizes(of: labels.flatMap { $0 }, sizing, measuring: sizingKinds?.contains(kind) ?? true) else {
            return nil
        }
        var next = 0
        return zip(boxes, zip(labels, cells)).map { box, written in
            let (labels, cells) = written
            defer { next += labels.count }
            guard !box.cells.isEmpty else {
                guard let size = sizes[next] else { return DOTEmitter.node(box, bare: true) }
                return DOTEmitter.standIn(box, label: sizing.standIn(size.width, size.height))
            }
            let table = cells.indices.map { index in
                guard let size = sizes[next + index] else { return cells[index] }
                return "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(Int(size.width.rounded()))\" HEIGHT=\"\(Int(size.height.rounded()))\"></TD>"
            }
            return DOTEmitter.standIn(box, label: "<" + DOTEmitter.bandTable(box, cells: table) + ">")
        }
    }

    /// A stand-in (a DOT value) for a node's HTML-like label `label`, set in the chart's
    /// defaults, on a trial page of `kind`; nil where it is not known and the kind does not
    /// size what it meets, or the renderer could not size it.
    func node(label: String, kind: String) -> String? {
        guard let sizing, let size = sizes(of: [Label(text: label)], sizing, measuring: sizingKinds?.contains(kind) ?? true)?.first,
            let size
        else { return nil }
        return sizing.standIn(size.width, size.height)
    }

    /// A band's cell alone in a table that adds nothing round it: the table's size is the
    /// cell's, as the band sets it (its padding is the band's, none).
    static func alone(_ cell: String) -> String {
        "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>" + cell + "</TR></TABLE>"
    }

    /// The size of each of `labels` where known. `measuring` sizes those not known in one
    /// layout; otherwise they are left pending. Nil when the renderer could not size them.
    private func sizes(
        of labels: [Label], _ sizing: Chartbook.LabelSizing, measuring: Bool
    ) -> [(width: Double, height: Double)?]? {
        lock.lock()
        var found = labels.map { boxSizes[$0] }
        var unknown: [Label] = []
        var seen = Set<Label>()
        for (label, known) in zip(labels, found) where known == nil && seen.insert(label).inserted { unknown.append(label) }
        if !measuring { pending += unknown }
        lock.unlock()
        guard measuring, !unknown.isEmpty else { return found }
        guard let new = measured(unknown, sizing) else { return nil }
        for index in found.indices where found[index] == nil { found[index] = new[labels[index]] }
        return found
    }

    /// Sizes up to `count` of the labels left pending; whether any were sized.
    func sizeWaiting(atMost count: Int) -> Bool {
        guard let sizing else { return false }
        lock.lock()
        var asked: [Label] = []
        var seen = Set<Label>()
        while asked.count < count, let label = pending.popLast() {
            if boxSizes[label] == nil, seen.insert(label).inserted { asked.append(label) }
        }
        lock.unlock()
        return !asked.isEmpty && measured(asked, sizing) != nil
    }

    /// Sizes `labels` in one layout and keeps their sizes; nil when the renderer could not.
    private func measured(_ labels: [Label], _ sizing: Chartbook.LabelSizing) -> [Label: (width: Double, height: Double)]? {
        guard let sizes = try? sizing.sizes(labels.map(\.text), ChartDOTWriter.nodeDefaults), sizes.count == labels.count else {
            return nil
        }
        let new = Dictionary(zip(labels, sizes)) { first, _ in first }
        lock.lock()
        boxSizes.merge(new) { first, _ in first }
        lock.unlock()
        return new
    }

    /// A label's HTML, hashed and compared byte for byte: labels are long, and hashing a
    /// `String` normalises its Unicode first.
    private struct Label: Hashable {
        var text: String

        static func == (lhs: Label, rhs: Label) -> Bool {
            var (left, right) = (lhs.text, rhs.text)
            return left.withUTF8 { left in
                right.withUTF8 { right in
                    left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            var text = self.text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
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
