import OrgModel

/// What a post is for the measures: part of management, an assistant, or the front line.
///
/// A post is management when it has a tier (its role is in the tier model, even while it
/// leads nobody, such as a Team Manager post awaiting its team) or when it leads anyone;
/// an assistant or PA is counted apart, as spans leave them out; every other post is the
/// front line. De-layering never removes or adds a front-line post.
public enum PostRole: String, Sendable, Hashable, CaseIterable, Codable {
    case management, assistant
    case frontLine = "front-line"
}

extension StructureIndex {
    /// The role of the post at `position` (see `PostRole`).
    @inlinable
    public func role(of position: Int) -> PostRole {
        let post = posts[position]
        if post.assistant { return .assistant }
        if post.tier != nil || isManager(position) { return .management }
        return .frontLine
    }
}
