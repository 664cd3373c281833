/// Why a structure or rules file could not be read, located as precisely as the reader can.
///
/// The message says what is wrong; `hint` says what to do about it. The command maps
/// every `LoadError` to the "input cannot be read" exit code.
public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var hint: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

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

    func error(_ message: String, hint: String? = nil) -> LoadError {
        LoadError(file: file, line: line, column: column, message: message, hint: hint)
    }
}
