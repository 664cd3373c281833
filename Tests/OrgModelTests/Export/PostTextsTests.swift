import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgSupport

/// A de-layering option's file copies the YAML of the posts it holds as they were from the
/// original's, made once: the file must be the bytes of writing every post afresh.
@Suite("Shared post texts")
struct PostTextsTests {
    /// `structure` with every seventh post removed, every fifth reporting elsewhere and a
    /// new post after every 1,000th; and, for each post kept as it was, its original position.
    static func derived(from structure: Structure) -> (structure: Structure, from: [Int32]) {
        var posts: [Post] = []
        var from: [Int32] = []
        for (position, post) in structure.posts.enumerated() where position % 7 != 3 {
            var post = post
            if position % 5 == 1, post.reportsTo != nil {
                post.reportsTo = structure.posts[0].id
                from.append(-1)
            } else {
                from.append(Int32(position))
            }
            posts.append(post)
            if position % 1_000 == 999 {
                posts.append(Post(id: PostID("NEW-\(position)"), title: "New post", tier: 6, reportsTo: post.id))
                from.append(-1)
            }
        }
        var result = structure
        result.posts = posts
        return (result, from)
    }

    @Test("Posts copied from the shared texts give the bytes of writing each afresh", arguments: [1, 977, 50_000])
    func reusedPostsMatchWrittenPosts(postsPerChunk: Int) {
        let original = StructureGenerator(posts: 9_000, seed: 3).generate()
        let (option, from) = Self.derived(from: original)
        var writer = StructureYAMLWriter(header: ["An option."])
        writer.minimumChunkedPosts = 1
        writer.postsPerChunk = postsPerChunk
        let texts = PostTexts(original.posts)
        var reused: [UInt8] = []
        for part in writer.writeParts(option, reusing: .init(texts: texts, from: from)) {
            part.withUnsafeBytes { reused.append(contentsOf: $0) }
        }
        #expect(reused == StructureYAMLWriter(header: ["An option."]).writeBytes(option))
    }

    @Test("The texts are copied, not written again: a post mapped to another's gets that post's text")
    func textsAreCopied() {
        let original = StructureGenerator(posts: 500, seed: 8).generate()
        var option = original
        option.posts = [original.posts[10]]
        let texts = PostTexts(original.posts)
        let wrong = StructureYAMLWriter().writeParts(option, reusing: .init(texts: texts, from: [Int32(20)]))
        var bytes: [UInt8] = []
        for part in wrong { part.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("id: \(original.posts[20].id.rawValue)\n"))
        // A map of another length is not used.
        let ignored = StructureYAMLWriter().writeParts(option, reusing: .init(texts: texts, from: [20, 21]))
        var plain: [UInt8] = []
        for part in ignored { part.withUnsafeBytes { plain.append(contentsOf: $0) } }
        #expect(plain == StructureYAMLWriter().writeBytes(option))
    }

    @Test("A de-layering option's files are the same with the original's texts shared, and share most posts")
    func optionFilesShareTheOriginalsPosts() throws {
        let structure = DelayeringFixtures.structure
        var made: [DelayeringOption.Unmeasured] = []
        let result = try DelayeringPlanner(rules: Fixtures.rules, asOf: Fixtures.asOf).options(for: structure) { made = $0 }
        try #require(made.count == 3)
        let texts = PostTexts(structure.posts)
        for (option, unmeasured) in zip(result.options, made) {
            #expect(unmeasured.asInOriginal.count == option.structure.posts.count)
            #expect(option.unmeasured.asInOriginal == unmeasured.asInOriginal)
            let kept = unmeasured.asInOriginal.filter { $0 >= 0 }.count
            #expect(kept > 0 && kept < option.structure.posts.count)
            // Each post said to be as it was has the original's fields, lines apart.
            for (post, at) in zip(option.structure.posts, unmeasured.asInOriginal) where at >= 0 {
                var before = structure.posts[Int(at)]
                before.line = 0
                before.deviations = before.deviations.map {
                    var deviation = $0
                    deviation.line = 0
                    return deviation
                }
                #expect(post == before)
                #expect(post.reportsTo?.rawValue.utf8.elementsEqual(before.reportsTo?.rawValue.utf8 ?? "".utf8) ?? true)
            }
            var shared: [UInt8] = []
            let parts = OptionFiles.yamlParts(for: unmeasured, structure: option.structure, from: "x.yaml", original: texts)
            for part in parts { part.withUnsafeBytes { shared.append(contentsOf: $0) } }
            #expect(
                String(decoding: shared, as: UTF8.self)
                    == OptionFiles.yaml(for: option.unmeasured, structure: option.structure, from: "x.yaml"))
        }
    }
}
