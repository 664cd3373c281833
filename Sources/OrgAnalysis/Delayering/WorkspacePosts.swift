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

    subscript(position: Int) -> Post {
        _read {
            if position < original.count { yield original[position] } else { yield added[position - original.count] }
        }
    }

    mutating func append(_ post: Post) {
        added.append(post)
        addedIDs.insert(post.id)
    }
}
