import OrgModel

/// Why a structure cannot be de-layered: its reporting lines do not form a tree the moves
/// can work on.
public struct DelayeringError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String?
    /// What is wrong, one item per problem (capped in `description`).
    public var problems: [String]

    public init(file: String?, problems: [String]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        let shown = problems.prefix(5).joined(separator: "; ")
        let more = problems.count > 5 ? " and \(problems.count - 5) more" : ""
        return
            "\(file ?? "structure"): cannot be de-layered until its reporting lines are sound: \(shown)\(more); run orgmodel validate and fix these first"
    }

    /// The problems that stop de-layering: repeated ids, reporting lines to no post or to
    /// itself, and loops. Nil when there are none.
    static func check(_ index: StructureIndex) -> DelayeringError? {
        var problems: [String] = []
        let posts = index.posts
        for position in index.duplicatePositions {
            problems.append("id \(posts[position].id) is used twice")
        }
        for (position, post) in posts.enumerated() where index.manager[position] == nil {
            guard let boss = post.reportsTo else { continue }
            problems.append(boss == post.id ? "\(post.id) reports to itself" : "\(post.id) reports to \(boss), which is no post")
        }
        if !index.unreachable.isEmpty {
            let ids = index.unreachable.prefix(3).map { posts[$0].id.rawValue }.joined(separator: ", ")
            problems.append(
                "\(index.unreachable.count) posts are in or below a reporting loop (\(ids)\(index.unreachable.count > 3 ? ", …" : ""))")
        }
        return problems.isEmpty ? nil : DelayeringError(file: index.structure.source, problems: problems)
    }
}
