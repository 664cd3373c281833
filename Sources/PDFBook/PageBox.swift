/// A page rectangle in PDF user space (points), normalised so `left < right`, `bottom < top`.
struct PageBox: Equatable, Sendable {
    var left: Double
    var bottom: Double
    var right: Double
    var top: Double

    /// The space between the paper's top edge and the drawing, in points (a quarter inch).
    static let topMargin = 18.0

    var width: Double { right - left }
    var height: Double { top - bottom }

    /// A box from a PDF rectangle's four numbers, in either corner order; nil if it encloses no area.
    init?(rectangle values: [Double]) {
        guard values.count == 4, values.allSatisfy(\.isFinite) else { return nil }
        self.init(
            left: min(values[0], values[2]), bottom: min(values[1], values[3]),
            right: max(values[0], values[2]), top: max(values[1], values[3]))
        guard width > 0, height > 0 else { return nil }
    }

    init(left: Double, bottom: Double, right: Double, top: Double) {
        self.left = left
        self.bottom = bottom
        self.right = right
        self.top = top
    }

    /// The media box of paper `width` × `height` with this drawing centred across it and
    /// `topMargin` from its top edge.
    ///
    /// Only the page's window onto user space moves, so the content stream and every link's
    /// /Rect keep their meaning. A drawing wider or taller than the paper keeps its own size in
    /// that direction: cutting it off would lose part of the chart. A drawing that fits but not
    /// with the whole margin gets what margin is left, so its foot stays on the paper.
    func placed(onPaperWidth paperWidth: Double, height paperHeight: Double) -> PageBox {
        var placed = self
        if paperWidth > width {
            placed.left = Self.rounded(left - (paperWidth - width) / 2)
            placed.right = placed.left + paperWidth
        }
        if paperHeight > height {
            let margin = min(Self.topMargin, paperHeight - height)
            placed.top = Self.rounded(top + margin)
            placed.bottom = placed.top - paperHeight
        }
        return placed
    }

    /// Rounds to 1/10000 pt, so written numbers stay short and the paper's size stays exact.
    private static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}
