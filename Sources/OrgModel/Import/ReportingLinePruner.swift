import Foundation
import OrgSupport

/// Leaves out of an import every post whose manager is in no row, and every post below a
/// post left out, each with a reason, so that a structure written with bad rows skipped
/// never holds a dangling reporting line.
struct ReportingLinePruner {
    /// Why a post's manager is unknown, in the source's own column names.
    var unknownManager: (_ position: Int, _ manager: PostID) -> ImportProblem
    /// The file and bytes of the row a post came from.
    var row: (_ position: Int) -> (file: String, bytes: Range<Int>)

    /// Marks removed posts; appends a rejected row for each.
    /// - Parameters:
    ///   - rejectedLineByID: ids of rows already rejected, with their lines: posts
    ///     reporting to them are left out as a consequence, not as faults of their own.
    ///   - alsoRemove: posts to leave out besides (a job share one of whose rows is
    ///     rejected), with the reason; posts below them go too.
    func prune(
        _ posts: [Post], position positionOf: @escaping @Sendable (PostID) -> Int?, rejectedLineByID: [PostID: Int],
        alsoRemove: [Int: ImportProblem] = [:], into rejected: inout [RejectedRow], minimumConcurrentPosts: Int = 200_000
    ) -> [Bool] {
        // Each post's manager: its position, -1 for none, -2 for one in no row. The
        // lookups only read, so a large import does them on every core.
        let managers = Self.managers(of: posts, position: positionOf, minimumConcurrentPosts: minimumConcurrentPosts)
        var removed = [Bool](repeating: false, count: posts.count)
        var orphaned: [Int] = []
        for position in posts.indices where managers[position] == -2 {
            guard let boss = posts[position].reportsTo else { continue }
            removed[position] = true
            let (file, bytes) = row(position)
            if let line = rejectedLineByID[boss] {
                rejected.append(
                    RejectedRow(
                        file: file, line: posts[position].line, problems: [.managerRejected(manager: boss, line: line, file: nil)],
                        followsFromAnother: true, bytes: bytes))
            } else {
                rejected.append(
                    RejectedRow(file: file, line: posts[position].line, problems: [unknownManager(position, boss)], bytes: bytes))
            }
            orphaned.append(position)
        }
        for (position, problem) in alsoRemove.sorted(by: { $0.key < $1.key }) where !removed[position] {
            removed[position] = true
            let (file, bytes) = row(position)
            rejected.append(
                RejectedRow(
                    file: file, line: posts[position].line, problems: [problem], followsFromAnother: problem.followsFromAnother,
                    bytes: bytes))
            orphaned.append(position)
        }
        guard !orphaned.isEmpty else { return removed }
        var children = [[Int32]](repeating: [], count: posts.count)
        for position in posts.indices where managers[position] >= 0 && Int(managers[position]) != position {
            children[Int(managers[position])].append(Int32(position))
        }
        var queue = orphaned
        var head = 0
        while head < queue.count {
            let position = queue[head]
            head += 1
            for child in children[position].map(Int.init) where !removed[child] {
                removed[child] = true
                let (file, bytes) = row(child)
                rejected.append(
                    RejectedRow(
                        file: file, line: posts[child].line,
                        problems: [
                            .managerRejected(
                                manager: posts[position].id, line: posts[position].line,
                                file: file == row(position).file ? nil : row(position).file)
                        ],
                        followsFromAnother: true, bytes: bytes))
                queue.append(child)
            }
        }
        return removed
    }

    private static func managers(
        of posts: [Post], position positionOf: @escaping @Sendable (PostID) -> Int?, minimumConcurrentPosts: Int
    ) -> [Int32] {
        let chunkCount = posts.count < minimumConcurrentPosts ? 1 : max(2, min(4, ProcessInfo.processInfo.activeProcessorCount))
        let perChunk = (posts.count + chunkCount - 1) / chunkCount
        let results = ConcurrentSlots<[Int32]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = min(posts.count, chunk * perChunk)..<min(posts.count, (chunk + 1) * perChunk)
            var found = [Int32](repeating: -1, count: range.count)
            for position in range {
                guard let boss = posts[position].reportsTo else { continue }
                found[position - range.lowerBound] = positionOf(boss).map { Int32($0) } ?? -2
            }
            results[chunk] = found
        }
        if chunkCount == 1 { return results.take()[0] ?? [] }
        var managers: [Int32] = []
        managers.reserveCapacity(posts.count)
        for part in results.take() { managers += part ?? [] }
        return managers
    }
}
