/// Why a structure or rules file could not be read, located as precisely as the reader can.
///
/// `problem` says what is wrong and what to do about it, worded in one place
/// (`LoadProblem`). The command maps every `LoadError` to the "input cannot be read" exit
/// code.
public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var problem: LoadProblem

    public init(file: String, line: Int? = nil, column: Int? = nil, _ problem: LoadProblem) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// What is wrong.
    public var message: String { problem.message }
    /// What to do about it.
    public var hint: String? { problem.hint }

    /// Where the error is.
    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// The error as a diagnostic: `load.…`, an error, at its place.
    public var diagnostic: Diagnostic { Diagnostic(problem, severity: .error, location: location) }

    /// `file:line:column: message (hint)`, the shape editors and terminals make clickable.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        var text = "\(location): \(message)"
        if let hint { text += "; \(hint)" }
        return text
    }
}

/// Where in a file a value sits, for error messages.
public struct SourceLocation: Hashable, Sendable {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    func error(_ problem: LoadProblem) -> LoadError {
        LoadError(file: file, line: line, column: column, problem)
    }
}
