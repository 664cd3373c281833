import OrgModel

/// A de-layering workspace's posts: the structure's own, read where they lie (never
/// copied: a million posts are 200 MB), then the posts the workspace created.
struct WorkspacePosts {
    private let original: [Post]
    private(set) var added: [Post] = []
    /// The ids of the posts created, which no other post may take.
    private(set) var addedIDs: Set<PostID> = []

    init(_ original: [Post]) { self.original = original }

    var count: Int { original.count + added.count }

    /// The post at `position`, read where it lies: through a `_read` accessor choosing
    /// between two arrays, each field read copied the whole post first (a fifth of the
    /// de-layering steps' time at a million posts).
    subscript(position: Int) -> Post {
        unsafeAddress {
            // Both arrays are held by `self` and not changed while a post is read.
            if position < original.count {
                precondition(position >= 0, "a post's position is never negative")
                return original.withUnsafeBufferPointer { $0.baseAddress! + position }
            }
            let offset = position - original.count
            precondition(offset < added.count, "no post at \(position)")
            return added.withUnsafeBufferPointer { $0.baseAddress! + offset }
        }
    }

    mutating func append(_ post: Post) {
        added.append(post)
        addedIDs.insert(post.id)
    }
}
