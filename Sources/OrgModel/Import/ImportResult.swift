/// What an import made of its input: the structure of the good rows, every row left out
/// with its reasons, the reject files that hold those rows unchanged, and notes on what
/// the import decided (encoding, grades without a tier, posts left out on purpose).
///
/// The importer never decides whether bad rows stop the import: the command writes
/// nothing while `rejected` is not empty unless told to skip them, so the library gives
/// everything needed either way.
public struct ImportResult: Sendable {
    /// The posts of the good rows, with the mapping's metadata.
    public var structure: Structure
    /// Every row left out, in file order per input.
    public var rejected: [RejectedRow]
    /// For each input with rejected rows: its header row, then those rows byte for byte.
    public var rejectFiles: [RejectFile]
    /// What the import decided on the user's behalf.
    public var importNotes: [ImportNote]

    public init(structure: Structure, rejected: [RejectedRow] = [], rejectFiles: [RejectFile] = [], notes: [ImportNote] = []) {
        self.structure = structure
        self.rejected = rejected
        self.rejectFiles = rejectFiles
        self.importNotes = notes
    }

    /// The notes, one sentence each.
    public var notes: [String] { importNotes.map(\.english) }

    /// Every note, then every row left out, as diagnostics.
    public var diagnostics: [ImportDiagnostic] {
        importNotes.map { .note($0) }
            + rejected.flatMap { row in
                row.problems.map {
                    Diagnostic(ImportMessage.problem($0), severity: .error, location: SourceLocation(file: row.file, line: row.line))
                }
            }
    }

    /// Rows rejected for a fault of their own (not only because a row above them was).
    public var faultyRows: [RejectedRow] { rejected.filter { !$0.followsFromAnother } }
}

/// One row an import left out, and why.
public struct RejectedRow: Sendable, Hashable, CustomStringConvertible {
    /// The input file, as the user named it.
    public var file: String
    /// The line the row starts on.
    public var line: Int
    /// What is wrong with the row, in the source's own column names.
    public var problems: [ImportProblem]
    /// The problems, one sentence each.
    public var reasons: [String] { problems.map(\.english) }
    /// Whether the row is only left out because the row it reports to is.
    public var followsFromAnother: Bool
    /// The row's bytes in the input, line break included.
    public var bytes: Range<Int>

    public init(file: String, line: Int, problems: [ImportProblem], followsFromAnother: Bool = false, bytes: Range<Int>) {
        self.file = file
        self.line = line
        self.problems = problems
        self.followsFromAnother = followsFromAnother
        self.bytes = bytes
    }

    /// `EXTRACT.csv:17: Position ID is empty`, the shape editors make clickable.
    public var description: String { "\(file):\(line): \(reasons.joined(separator: "; "))" }
}

/// The rejected rows of one input as a file of their own: the input's header row, then
/// each rejected row exactly as it was (same encoding, delimiter and line ends), so the
/// rows can be fixed and imported again.
public struct RejectFile: Sendable, Hashable {
    /// The input the rows came from.
    public var source: String
    public var bytes: [UInt8]
    public var rowCount: Int

    public init(source: String, bytes: [UInt8], rowCount: Int) {
        self.source = source
        self.bytes = bytes
        self.rowCount = rowCount
    }

    /// Builds the file from the input's bytes: a byte-order mark when the input had one,
    /// the header row, then the rows, each ending in a line break.
    static func make(source: String, input: [UInt8], header: Range<Int>, rows: [Range<Int>]) -> RejectFile {
        var out: [UInt8] = []
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { out += [0xEF, 0xBB, 0xBF] }
        let lineEnd: [UInt8] = input[header].contains(0x0D) ? [0x0D, 0x0A] : [0x0A]
        for range in [header] + rows {
            out += input[range]
            if out.last != 0x0A { out += lineEnd }
        }
        return RejectFile(source: source, bytes: out, rowCount: rows.count)
    }
}
