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
        let views = self.views
        let first = kinds[0]
        let (there, here) = try Self.measureBoth(
            ahead: ahead, measure: measure, first: { try views.draw(first, options: options) },
            second: { try views.draw(kinds[1], options: options) })
        remember(there, key: keys[0])
        remember(here, key: keys[1])
    }

    /// Measures two drawings at once: `first` laid out by `ahead` (elsewhere), `second` by
    /// `measure` (here). The first's DOT text is written on another thread and sent from
    /// there while this one writes and lays out the second: writing it is Swift alone (the
    /// caches it reads are locked), and this process's own layouts are what a plan waits on.
    static func measureBoth(
        ahead: MeasureAhead, measure: Chartbook.Measure, first: @escaping @Sendable () throws -> String, second: () throws -> String
    ) throws -> (first: (width: Double, height: Double), second: (width: Double, height: Double)) {
        let sending = Sending(ahead)
        sending.group.enter()
        DispatchQueue.global().async {
            defer { sending.group.leave() }
            do {
                try sending.ahead.start(try first())
            } catch {
                sending.failure = error
            }
        }
        let here: (width: Double, height: Double)
        do {
            here = try measure(try second())
        } catch {
            sending.group.wait()
            // The drawing sent ahead has its answer to be read, or the pipe is out of step.
            if sending.failure == nil { _ = try? ahead.result() }
            throw error
        }
        sending.group.wait()
        if let failure = sending.failure { throw failure }
        return (try ahead.result(), here)
    }

    /// Whether one page drawn as each of `kinds` `fits`: a pair's two measured at once where
    /// there is somewhere to measure ahead, otherwise one by one, to the first too large.
    static func measure(
        kinds: [ChartbookKind], ahead: MeasureAhead?, measure: Chartbook.Measure,
        fits: (_ width: Double, _ height: Double) -> Bool, dot: @escaping @Sendable (ChartbookKind) throws -> String
    ) throws -> Bool {
        if let ahead, kinds.count == 2 {
            let (there, here) = try measureBoth(ahead: ahead, measure: measure, first: { try dot(kinds[0]) }, second: { try dot(kinds[1]) })
            return fits(there.width, there.height) && fits(here.width, here.height)
        }
        for kind in kinds {
            let size = try measure(try dot(kind))
            if !fits(size.width, size.height) { return false }
        }
        return true
    }

    /// The measurer a drawing goes ahead to, and what sending it met, across the thread
    /// that sends it: read only after `group` is waited on.
    private final class Sending: @unchecked Sendable {
        let ahead: MeasureAhead
        let group = DispatchGroup()
        var failure: (any Error)?

        init(_ ahead: MeasureAhead) { self.ahead = ahead }
    }

    /// Keeps a trial's size under its key, printing it with `ORGMODEL_DEBUG_PLAN=1`.
    func remember(_ size: (width: Double, height: Double), key: String) {
        if Self.debug { FileHandle.standardError.write(Data("trial \(key): \(Int(size.width))×\(Int(size.height))\n".utf8)) }
        sizes.known[key] = size
    }
}
