import Foundation
import OrgSupport

/// The YAML of a structure's posts, each post's made once and shared by the files that
/// hold the post as it is: a de-layering option's file holds most of the structure's posts
/// unchanged, and three options would otherwise each write them again.
///
/// Made a block of posts at a time, by the first chunk that needs it (a chunk that needs a
/// block being made waits for it rather than making it twice), and kept until the files
/// are written.
public final class PostTexts: @unchecked Sendable {
    /// A block's posts as YAML, one after another: post `i` ends at `ends[i]`.
    struct Block {
        var bytes: WrittenBytes
        var ends: [Int]

        /// Appends the text of the block's post `index`.
        func append(_ index: Int, to out: inout ByteBuffer) {
            let start = index == 0 ? 0 : ends[index - 1]
            bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                out.append(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + start, count: ends[index] - start))
            }
        }
    }

    private enum State {
        case pending
        case making
        case made(Block)
    }

    /// How many posts a block holds.
    static let blockSize = 4_096

    private let posts: [Post]
    private let writer = StructureYAMLWriter()
    private let condition = NSCondition()
    private var states: [State]

    public init(_ posts: [Post]) {
        self.posts = posts
        states = Array(repeating: .pending, count: (posts.count + Self.blockSize - 1) / Self.blockSize)
    }

    /// A structure's posts as the texts of others': `from[i]` is the position in `texts`
    /// of a post written exactly as the structure's post `i`, or -1 for a post to write.
    public struct Reuse: Sendable {
        public var texts: PostTexts
        public var from: [Int32]

        public init(texts: PostTexts, from: [Int32]) {
            self.texts = texts
            self.from = from
        }
    }

    /// Block `number`, made now unless it is made or being made.
    func block(_ number: Int) -> Block {
        condition.lock()
        while true {
            switch states[number] {
            case .made(let block):
                condition.unlock()
                return block
            case .making:
                condition.wait()
            case .pending:
                states[number] = .making
                condition.unlock()
                let block = make(number)
                condition.lock()
                states[number] = .made(block)
                condition.broadcast()
                condition.unlock()
                return block
            }
        }
    }

    private func make(_ number: Int) -> Block {
        let range = number * Self.blockSize..<min(posts.count, (number + 1) * Self.blockSize)
        var bytes = ByteBuffer(capacity: range.count * 160)
        var ends: [Int] = []
        ends.reserveCapacity(range.count)
        var recent = StructureYAMLWriter.RecentPlain()
        posts.withUnsafeBufferPointer { buffer in
            for position in range {
                writer.writePost(buffer[position], to: &bytes, recent: &recent)
                ends.append(bytes.count)
            }
        }
        return Block(bytes: bytes.finish(), ends: ends)
    }
}
