import Foundation

/// One thing an import says: a note on a decision it made, or a problem with a row. A
/// code and typed arguments, with a severity and a place; the English is made in one
/// place (`ImportMessage.english`), not where the thing happens, so a caller can count,
/// filter or translate diagnostics without parsing sentences.
public struct ImportDiagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        /// A decision the import made on the user's behalf.
        case note
        /// A row left out.
        case error
    }

    public var severity: Severity
    /// The file (and line) the diagnostic is about; nil for the import as a whole.
    public var location: SourceLocation?
    public var message: ImportMessage

    public init(_ message: ImportMessage, severity: Severity, location: SourceLocation? = nil) {
        self.message = message
        self.severity = severity
        self.location = location
    }

    /// A note on the import as a whole.
    public static func note(_ note: ImportNote) -> ImportDiagnostic { ImportDiagnostic(.note(note), severity: .note) }

    /// A stable identifier, `import.job-shares`, `row.unknown-manager`.
    public var code: String { message.code }
    /// The sentence printed for it.
    public var text: String { message.english }
}

/// What an import says, with its arguments.
public enum ImportMessage: Sendable, Hashable {
    case note(ImportNote)
    case problem(ImportProblem)

    public var code: String {
        switch self {
        case .note(let note): "import." + Self.caseName(note)
        case .problem(let problem): "row." + Self.caseName(problem)
        }
    }

    /// The English of every import diagnostic: the one place it is worded.
    public var english: String {
        switch self {
        case .note(let note): note.english
        case .problem(let problem): problem.english
        }
    }

    /// `unknownManager` as `unknown-manager`.
    static func caseName(_ value: Any) -> String {
        let name = Mirror(reflecting: value).children.first?.label ?? String(describing: value)
        var code = ""
        for character in name {
            if character.isUppercase, !code.isEmpty { code.append("-") }
            code.append(contentsOf: character.lowercased())
        }
        return code
    }
}

/// English helpers the import's sentences share.
enum ImportEnglish {
    /// The first six, then `, …`.
    static func firstSix(_ items: [String]) -> String {
        items.prefix(6).joined(separator: ", ") + (items.count > 6 ? ", …" : "")
    }

    /// `A, B and C`, or the first five and a count.
    static func list(_ items: [String]) -> String {
        if items.count > 6 { return items.prefix(5).joined(separator: ", ") + " and \(items.count - 5) more" }
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Whether "an" goes before `word` rather than "a" (an ID, an Employee Number).
    static func startsWithVowel(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        return "AEIOUaeiou".contains(first) || (word.count >= 2 && word.prefix(2).allSatisfy(\.isUppercase) && "FHLMNRSX".contains(first))
    }
}
