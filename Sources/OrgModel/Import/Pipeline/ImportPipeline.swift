import Foundation

/// Rows to posts, the same for every source format: each front end reads its own format
/// into posts, one a row, and hands them here. The pipeline keeps the id index; rejects
/// rows with every reason; folds rows that repeat an id into a job share (count the
/// holders, FTE summed at the published precision) unless they disagree on what the post
/// is; makes each row of a placeholder reference (`0`, `Awaiting_Recruitment_Action`)
/// its own post; notes rows repeated exactly; matches managers' references in another
/// form under `--match-ids`, or hints at it; leaves out every post whose manager is in no
/// row, and everything below it; and says all of it as `ImportDiagnostic`s.
struct ImportPipeline {
    let format: ImportFormat
    /// The input files, their bytes and header rows, in the order read.
    var files: [String] = []
    var inputs: [[UInt8]] = []
    var headers: [Range<Int>] = []
    /// The position of each file's first post.
    var fileStarts: [Int] = []

    var posts: [Post] = []
    var rowBytes: [Range<Int>] = []
    /// Positions of this part's posts; after parts are joined, the later parts' own,
    /// with the position their first post took (`position(of:)` looks in all).
    var positionByID: [PostID: Int] = [:]
    var laterParts: [(offset: Int, positionByID: [PostID: Int])] = []
    var rejectedLineByID: [PostID: Int] = [:]
    var rejected: [RejectedRow] = []

    /// Posts folded from several rows (job shares), and their later rows.
    var shared: Set<Int> = []
    var sharedRows: [Int: [(line: Int, bytes: Range<Int>)]] = [:]
    var listedAttributes: [Int: Set<String>] = [:]
    /// Job shares one of whose later rows is rejected, with that row's line.
    var spoiledShares: [Int: Int] = [:]

    /// Placeholder references: the lines of the rows that share each, the posts made of
    /// them, in the order first met.
    var placeholderLines: [String: [Int]] = [:]
    var placeholderPosts: [String: [PostID]] = [:]
    var placeholderOrder: [String] = []

    /// Rows repeated exactly: lines without ids of their own kept each, rows of one id
    /// read as a job share.
    var repeatedLines = RepeatTally()
    var repeatedShares = RepeatTally()
    var seenLines: Set<ArraySlice<UInt8>> = []

    /// Posts left out, once `prune` has run.
    var removed: [Bool] = []
    var matchedInAnotherForm: (counts: [Int], examples: [String]) = ([], [])

    struct RepeatTally {
        var rows = 0
        var fte = 0.0
        var first: SourceLocation?

        mutating func add(_ location: SourceLocation, fte: Double?) {
            if first == nil { first = location }
            rows += 1
            self.fte += fte ?? 0
        }
    }

    init(format: ImportFormat) { self.format = format }

    /// Starts the rows of another input file.
    mutating func begin(file: String, bytes: [UInt8], header: Range<Int>) {
        files.append(file)
        inputs.append(bytes)
        headers.append(header)
        fileStarts.append(posts.count)
    }

    var currentFile: Int { max(0, files.count - 1) }

    /// The file a post's row is in.
    func file(of position: Int) -> Int {
        guard fileStarts.count > 1 else { return 0 }
        return (fileStarts.lastIndex { $0 <= position }) ?? 0
    }

    /// The position of the post with `id`, in whichever part it was read.
    func position(of id: PostID) -> Int? {
        if let position = positionByID[id] { return position }
        for part in laterParts { if let position = part.positionByID[id] { return position + part.offset } }
        return nil
    }

    /// Leaves a row out with its reasons; `id` marks its id as rejected, so rows below it
    /// follow and a later row of that id is refused.
    mutating func reject(line: Int, bytes: Range<Int>, id: PostID?, _ problems: [ImportProblem], follows: Bool = false) {
        if let id, positionByID[id] == nil, rejectedLineByID[id] == nil { rejectedLineByID[id] = line }
        rejected.append(RejectedRow(file: files[currentFile], line: line, problems: problems, followsFromAnother: follows, bytes: bytes))
    }

    /// Adds the post of one row (taken from `post`, which is left empty).
    mutating func add(_ post: inout Post, bytes: Range<Int>) {
        if !placeholderLines.isEmpty, placeholderLines[post.id.rawValue] != nil { renameAsPlaceholder(&post) }
        // One hash for the common case, a new id: insert, and undo if it was there.
        if let first = positionByID.updateValue(posts.count, forKey: post.id) {
            positionByID[post.id] = first
            if PlaceholderReference.isPlaceholder(post.id.rawValue) {
                makePlaceholder(post.id.rawValue, firstLine: posts[first].line, first: first)
                renameAsPlaceholder(&post)
                append(&post, bytes: bytes)
            } else {
                addRepeat(post, of: first, bytes: bytes)
            }
            return
        }
        if !rejectedLineByID.isEmpty, let firstLine = rejectedLineByID[post.id] {
            positionByID[post.id] = nil
            if PlaceholderReference.isPlaceholder(post.id.rawValue) {
                rejectedLineByID[post.id] = nil
                makePlaceholder(post.id.rawValue, firstLine: firstLine, first: nil)
                renameAsPlaceholder(&post)
                append(&post, bytes: bytes)
            } else {
                reject(line: post.line, bytes: bytes, id: nil, [.repeatsRejected(idColumn: format.idColumn, id: post.id, line: firstLine)])
            }
            return
        }
        // Swapped in rather than appended: an append copies the post (retaining each of
        // its strings and arrays) and then releases the local one.
        posts.append(Post(id: PostID("")))
        swap(&posts[posts.count - 1], &post)
        rowBytes.append(bytes)
    }

    /// Adds a line without an id of its own (`post.id` made up by the front end),
    /// noting it when it repeats an earlier line of its file exactly.
    mutating func addLine(_ post: inout Post, bytes: Range<Int>) {
        if !seenLines.insert(Self.content(inputs[currentFile], bytes)).inserted {
            repeatedLines.add(SourceLocation(file: files[currentFile], line: post.line), fte: post.fte)
        }
        append(&post, bytes: bytes)
    }

    private mutating func append(_ post: inout Post, bytes: Range<Int>) {
        positionByID[post.id] = posts.count
        posts.append(Post(id: PostID("")))
        swap(&posts[posts.count - 1], &post)
        rowBytes.append(bytes)
    }

    /// A row's bytes without its line break.
    static func content(_ input: [UInt8], _ bytes: Range<Int>) -> ArraySlice<UInt8> {
        var end = bytes.upperBound
        while end > bytes.lowerBound, input[end - 1] == 0x0A || input[end - 1] == 0x0D { end -= 1 }
        return input[bytes.lowerBound..<end]
    }
}

extension ImportPipeline {
    /// Room for `rows` rows, and for `posts` posts (the first part of a file read in
    /// parts takes every part's posts in the end).
    mutating func reserveCapacity(_ rows: Int, posts: Int? = nil) {
        self.posts.reserveCapacity(posts ?? rows)
        rowBytes.reserveCapacity(rows)
        positionByID.reserveCapacity(rows)
    }
}
