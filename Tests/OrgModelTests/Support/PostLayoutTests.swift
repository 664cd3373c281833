import Testing

@testable import OrgModel

/// A million posts are held at once: each byte of a post is a megabyte of a large file.
@Suite("Post: its size, and the fields kept in 32 bits")
struct PostLayoutTests {
    @Test("A post takes 184 bytes: the flags, line, count and vacancies fill padding")
    func size() {
        #expect(MemoryLayout<Post>.stride == 184, "\(MemoryLayout<Post>.size) / \(MemoryLayout<Post>.stride)")
    }

    @Test("Count, vacancies and line read back as set, up to the 32-bit limit")
    func fields() {
        var post = Post(id: "A", count: PostLimits.maximumCount, vacant: 3, line: 2_000_000_000)
        #expect(post.count == 1_000_000 && post.vacant == 3 && post.line == 2_000_000_000)
        post.count -= 1
        post.vacant += 1
        #expect(post.count == 999_999 && post.vacant == 4)
        post.line = Int.max
        #expect(post.line == Int(Int32.max))
        #expect(Post(id: "A", count: 2, line: 7) == Post(id: "A", count: 2, line: 7))
        #expect(Post(id: "A", count: 2) != Post(id: "A", count: 3))
    }
}
