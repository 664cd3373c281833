import Foundation

/// Box labels already written, by what decides them: a chartbook's planner draws the same
/// posts and teams in trial after trial, and its pages draw them again, and writing a
/// label (its lines wrapped, escaped and joined) was about a third of writing a page.
///
/// A label is remembered only where its key says all it depends on: not a reference's box
/// (it names a page and its branch's totals), nor a box that numbers an accepted
/// deviation's note (the numbers follow each page's order of drawing). One memo a panel's
/// structure (`ChartCache.Side`) or a pair's change chart (`ChartCache.Pair`); pages may be
/// written on two threads at once, hence the lock.
final class LabelMemo: @unchecked Sendable {
    enum Key: Hashable {
        /// A post's box: what is hidden below it shows, and a stacked leader's cell is
        /// `compact`.
        case post(Int, compact: Bool, hidden: Int, names: NamePolicy)
        /// A front-line team's box by its lines, and (on the change chart) the lines that
        /// moved out of it.
        case team([Int], movedOut: [Int], names: NamePolicy)
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
