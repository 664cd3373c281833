import Foundation

/// One thing an import says: a note on a decision it made, or a problem with a row. It is
/// the core's `Diagnostic`, with an `ImportMessage`; the English is made in one place
/// (`ImportMessage.english`), not where the thing happens.
public typealias ImportDiagnostic = Diagnostic

extension Diagnostic {
    /// A note on the import as a whole.
    public static func note(_ note: ImportNote) -> Diagnostic { Diagnostic(ImportMessage.note(note), severity: .note) }
}

/// What an import says, with its arguments.
public enum ImportMessage: DiagnosticMessage, Hashable {
    case note(ImportNote)
    case problem(ImportProblem)

    public static var codeNamespace: String { "import" }

    /// `import.…` for a note, `row.…` for a row's problem.
    public var code: String {
        switch self {
        case .note(let note): "import." + DiagnosticCode.caseName(note)
        case .problem(let problem): "row." + DiagnosticCode.caseName(problem)
        }
    }

    public var arguments: [DiagnosticArgument] {
        switch self {
        case .note(let note): DiagnosticArgument.reflecting(note)
        case .problem(let problem): DiagnosticArgument.reflecting(problem)
        }
    }

    /// The English of every import diagnostic: the one place it is worded.
    public var english: String {
        switch self {
        case .note(let note): note.english
        case .problem(let problem): problem.english
        }
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
