import Foundation

/// Box labels already written, by what decides them: a chartbook's planner draws the same
/// posts and teams in trial after trial, and its pages draw them again, and writing a
/// label (its lines wrapped, escaped and joined) was about a third of writing a page.
///
/// A label is remembered only where its key says all it depends on: not a box that numbers
/// an accepted deviation's note (the numbers follow each page's order of drawing). One memo a panel's
/// structure (`ChartCache.Side`) or a pair's change chart (`ChartCache.Pair`); pages may be
/// written on two threads at once, hence the lock.
final class LabelMemo: @unchecked Sendable {
    enum Key: Hashable {
        /// A post's box: what is hidden below it shows, a stacked leader's cell is
        /// `compact`, and a reference names its page, with its branch's totals unless it
        /// only heads the page as the continued manager.
        case post(Int, compact: Bool, hidden: Int, reference: Int?, rollUp: Bool, continued: Bool, names: NamePolicy)
        /// A front-line team's box by its lines, and (on the change chart) the lines that
        /// moved out of it.
        case team([Int], movedOut: [Int], names: NamePolicy)

        /// The key of `position`'s box in a panel drawing `scope` on `page`.
        static func box(of position: Int, compact: Bool, scope: ChartScope, page: PanelPage?, names: NamePolicy) -> Key {
            let reference = page?.reference(position)
            return .post(
                position, compact: compact, hidden: reference == nil ? scope.hiddenBelow[position] : 0, reference: reference,
                rollUp: page?.references[position] != nil, continued: page?.continuedFrom(position) ?? false, names: names)
        }
    }

    /// A label, and what drawing it adds to a one-structure panel's legend.
    struct Entry {
        let face: BoxFace
        let features: StructurePanel.Features
    }

    private var entries: [Key: Entry] = [:]
    private let lock = NSLock()

    /// The label under `key`, when it was drawn before.
    func entry(_ key: Key) -> Entry? { locked { entries[key] } }

    func remember(_ entry: Entry, under key: Key) { locked { entries[key] = entry } }

    /// The label under `key`, written by `write` the first time.
    func face(_ key: Key, _ write: () -> BoxFace) -> BoxFace {
        if let known = entry(key) { return known.face }
        let face = write()
        remember(Entry(face: face, features: []), under: key)
        return face
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
