/// Paper a chartbook is printed on, and the smallest text it may print.
public struct PrintSettings: Sendable, Equatable, Codable {
    public enum Paper: String, Sendable, CaseIterable, Codable {
        case a4, a3

        /// Portrait width and height in points.
        public var portrait: (width: Double, height: Double) {
            switch self {
            case .a4: (595.28, 841.89)
            case .a3: (841.89, 1190.55)
            }
        }
    }

    public var paper: Paper
    /// The smallest type any page may print, in points.
    public var minText: Double
    /// The margin round a page's drawing, in points (each side).
    public static let margin = 18.0
    /// The drawing's own pad, in points (`pad` in the DOT), each side.
    public static let pad = 7.2

    public init(paper: Paper = .a4, minText: Double = 7) {
        self.paper = paper
        self.minText = minText
    }

    /// The smallest type the charts set, in points.
    public static let smallestType = ChartPalette.smallestType

    /// The least scale a page may be printed at.
    public var floor: Double { minText / ChartPalette.smallestType }

    /// How a drawing of `width` × `height` points is best set on the paper: the scale
    /// (at most 1) and whether landscape, whichever prints it larger.
    public func fit(width: Double, height: Double) -> (scale: Double, landscape: Bool) {
        let (short, long) = paper.portrait
        let drawnWidth = width + 2 * Self.pad
        let drawnHeight = height + 2 * Self.pad
        func scale(_ w: Double, _ h: Double) -> Double {
            min(1, (w - 2 * Self.margin) / max(drawnWidth, 1), (h - 2 * Self.margin) / max(drawnHeight, 1))
        }
        let landscape = scale(long, short)
        let portrait = scale(short, long)
        return landscape >= portrait ? (landscape, true) : (portrait, false)
    }

    /// The sheet a drawing of `width` × `height` points is printed on: the paper, turned as
    /// `fit` chooses.
    public func sheet(width: Double, height: Double) -> (width: Double, height: Double) {
        let (short, long) = paper.portrait
        return fit(width: width, height: height).landscape ? (long, short) : (short, long)
    }

    /// The largest scale a drawing of `width` × `height` points could print at, not held
    /// to 1, in whichever orientation is larger: how far it is from the floor, either way.
    public func reach(width: Double, height: Double) -> Double {
        let (short, long) = paper.portrait
        func scale(_ w: Double, _ h: Double) -> Double {
            min((w - 2 * Self.margin) / max(width + 2 * Self.pad, 1), (h - 2 * Self.margin) / max(height + 2 * Self.pad, 1))
        }
        return max(scale(long, short), scale(short, long))
    }

    /// `scale` taken down to a whole hundredth, unless that would print `smallestType` below
    /// the floor: pages drawn at one of a few scales share their fonts as scaled, so each
    /// glyph is made once for them all rather than once a page.
    public func steadyScale(_ scale: Double, smallestType: Double) -> Double {
        guard scale < 1 else { return scale }
        let steady = (scale * 100).rounded(.down) / 100
        return steady > 0 && steady * smallestType >= minText - 1e-9 ? steady : scale
    }

    /// Whether a drawing of this size prints at or above the floor.
    public func fits(width: Double, height: Double) -> Bool { fit(width: width, height: height).scale >= floor - 1e-9 }
}
