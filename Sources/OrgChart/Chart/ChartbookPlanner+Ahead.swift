import Foundation

/// Measures a trial page elsewhere (in another process) while the planner writes and
/// measures another here: a pair's side-by-side page goes ahead while its change page is
/// drawn as DOT and laid out in this process. The sizes are what `Chartbook.Measure` gives.
public protocol MeasureAhead: AnyObject {
    /// Starts laying out `dot` elsewhere.
    func start(_ dot: String) throws
    /// The size of the earliest page started whose size has not been read, in points: pages
    /// are answered in the order they were started.
    func result() throws -> (width: Double, height: Double)
    /// Whether `result` would return without waiting (an answer, or the end, has come).
    var hasAnswer: Bool { get }
}

extension Planner {
    /// Measures both kinds of a pair's trial at once when neither is known: the first kind
    /// ahead elsewhere, the second here, remembered under its key as `measured` remembers
    /// it. The first's size is read only when asked for (`measured` reads it): a trial whose
    /// second kind does not fit needs no more, and the plan goes on while it is laid out.
    func measureAhead(_ kinds: [ChartbookKind], keys: [Trial], options: ChartOptions) throws {
        guard let ahead, kinds.count == 2, sizes.known[keys[0]] == nil, sizes.known[keys[1]] == nil,
            !sizes.pending.contains(keys[0])
        else { return }
        let views = self.views
        let first = kinds[0]
        let here = try Self.sendAndMeasure(
            ahead: ahead, measure: measure, first: { try views.draw(first, options: options) },
            second: { try views.draw(kinds[1], options: options) })
        sizes.pending.append(keys[0])
        remember(here, key: keys[1])
    }

    /// Reads the sizes of the trials laid out ahead, in the order they were sent, up to and
    /// including `key` (all of them when nil), remembering each.
    func readAhead(through key: Trial? = nil) throws {
        guard let ahead else { return }
        while let next = sizes.pending.first {
            // While the answer is still coming, labels met on pages laid out elsewhere are
            // sized here, so that later pages stand in for them at no cost to the plan.
            while !ahead.hasAnswer, standIns?.sizeWaiting(atMost: Self.sizedWhileWaiting) == true {}
            let size = try ahead.result()
            sizes.pending.removeFirst()
            remember(size, key: next)
            if next == key { return }
        }
    }

    /// Measures two drawings at once: `first` laid out by `ahead` (elsewhere), `second` by
    /// `measure` (here).
    static func measureBoth(
        ahead: MeasureAhead, measure: Chartbook.Measure, first: @escaping @Sendable () throws -> String, second: () throws -> String
    ) throws -> (first: (width: Double, height: Double), second: (width: Double, height: Double)) {
        let here = try sendAndMeasure(ahead: ahead, measure: measure, first: first, second: second)
        return (try ahead.result(), here)
    }

    /// Sends `first` to be laid out by `ahead` (elsewhere) and measures `second` by
    /// `measure` (here): the size of `second`, once `first` is sent. The first's DOT text is
    /// written on another thread and sent from there while this one writes and lays out the
    /// second: writing it is Swift alone (the caches it reads are locked), and this
    /// process's own layouts are what a plan waits on.
    static func sendAndMeasure(
        ahead: MeasureAhead, measure: Chartbook.Measure, first: @escaping @Sendable () throws -> String, second: () throws -> String
    ) throws -> (width: Double, height: Double) {
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
        return here
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

    /// Labels sized at a time while an answer from elsewhere is awaited: a few dozen take
    /// less than a layout.
    static let sizedWhileWaiting = 24

    /// Keeps a trial's size under its key, printing it with `ORGMODEL_DEBUG_PLAN=1`.
    func remember(_ size: (width: Double, height: Double), key: Trial) {
        if Self.debug { FileHandle.standardError.write(Data("trial \(key): \(Int(size.width))×\(Int(size.height))\n".utf8)) }
        sizes.known[key] = size
    }
}
