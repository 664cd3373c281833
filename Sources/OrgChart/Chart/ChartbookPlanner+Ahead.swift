import Foundation

/// Measures a trial page elsewhere (in another process) while the planner writes and
/// measures another here: a pair's side-by-side page goes ahead while its change page is
/// drawn as DOT and laid out in this process. The sizes are what `Chartbook.Measure` gives.
public protocol MeasureAhead: AnyObject {
    /// Starts laying out `dot` elsewhere.
    func start(_ dot: String) throws
    /// The size of the page last started, in points.
    func result() throws -> (width: Double, height: Double)
}

extension Planner {
    /// Measures both kinds of a pair's trial at once when neither is known: the first kind
    /// ahead elsewhere, the second here. Each is remembered under its key, as `measured`
    /// remembers it; a trial whose first kind does not fit has its second measured too.
    func measureAhead(_ kinds: [ChartbookKind], keys: [String], options: ChartOptions) throws {
        guard let ahead, kinds.count == 2, sizes.known[keys[0]] == nil, sizes.known[keys[1]] == nil else { return }
        try ahead.start(try views.draw(kinds[0], options: options))
        let here = try measure(try views.draw(kinds[1], options: options))
        let there = try ahead.result()
        remember(there, key: keys[0])
        remember(here, key: keys[1])
    }

    /// Keeps a trial's size under its key, printing it with `ORGMODEL_DEBUG_PLAN=1`.
    func remember(_ size: (width: Double, height: Double), key: String) {
        if Self.debug { FileHandle.standardError.write(Data("trial \(key): \(Int(size.width))×\(Int(size.height))\n".utf8)) }
        sizes.known[key] = size
    }
}
