/// `cycle`: reporting lines that loop back on themselves, so the posts in the loop
/// have no top post above them.
struct CycleCheck: StructureCheck {
    var rules: [RuleID] { [.cycle] }

    func run(_ context: CheckContext, into findings: inout RawFindings) {
        let index = context.index
        guard !index.unreachable.isEmpty else { return }
        // Every unreachable post leads up into a loop; follow managers until a post is
        // met again. 0 = unvisited, 1 = on the current walk, 2 = done.
        var state = [UInt8](repeating: 0, count: context.posts.count)
        for start in index.unreachable where state[start] == 0 {
            var walk: [Int] = []
            var current = start
            while state[current] == 0 {
                state[current] = 1
                walk.append(current)
                guard let boss = index.manager[current] else { break }
                current = boss
            }
            if state[current] == 1, let loopStart = walk.firstIndex(of: current) {
                let loop = Array(walk[loopStart...])
                let first = loop.min { context.posts[$0].line < context.posts[$1].line } ?? current
                let ids = rotated(loop, toStartAt: first).map { context.posts[$0].id.rawValue }
                findings.append(
                    RawFinding(
                        .cycle, at: first, in: context,
                        "reporting lines loop (each reports to the next): \((ids + [ids[0]]).joined(separator: " → ")); fix one reports_to to break the loop"
                    ))
            }
            for position in walk { state[position] = 2 }
        }
    }

    /// The loop from `first` on, in reporting order (each post followed by its manager).
    private func rotated(_ loop: [Int], toStartAt first: Int) -> [Int] {
        guard let at = loop.firstIndex(of: first) else { return loop }
        return Array(loop[at...] + loop[..<at])
    }
}
