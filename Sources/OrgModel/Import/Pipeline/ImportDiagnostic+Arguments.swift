import OrgSupport

/// How the values inside import notes and problems appear as diagnostic arguments.

extension ImportNote.RowCount: DiagnosticArgumentFields, DiagnosticArgumentText {
    /// `rows` as a number, `rows_noun` as the kind of row.
    package func arguments(named name: String) -> [DiagnosticArgument] {
        [DiagnosticArgument(name, .integer(count)), DiagnosticArgument(name + "Noun", .string(noun))]
    }

    /// In a list: `3 junior lines`.
    package var argumentText: String { text }
}

extension ImportNote.UnusedGrade: DiagnosticArgumentText {
    /// `G7`, or `G7 (did you mean G6?)` as the note says it.
    package var argumentText: String { meant.map { "\(grade) (did you mean \($0)?)" } ?? grade }
}

extension ImportProblem.PlaceholderShare: DiagnosticArgumentFields {
    /// `shared_by_lines` (the lines of the rows), or `shared_by_senior_rows` (a count).
    package func arguments(named name: String) -> [DiagnosticArgument] {
        switch self {
        case .rows(let lines): [DiagnosticArgument(name + "Lines", .strings(lines.map(String.init)))]
        case .seniorRows(let count): [DiagnosticArgument(name + "SeniorRows", .integer(count))]
        }
    }
}

extension ImportProblem.FieldDifference: DiagnosticArgumentText {
    /// `Grade: G7 (first G6)`.
    package var argumentText: String { "\(column): \(value) (first \(first))" }
}

extension ImportProblem.IDFormHint: DiagnosticArgumentFields {
    /// `form`: `ambiguous`, `case-only` or `form`; `form_matches`: the ids it matches.
    package func arguments(named name: String) -> [DiagnosticArgument] {
        let (kind, ids): (String, [PostID]) =
            switch self {
            case .ambiguous(let ids): ("ambiguous", ids)
            case .caseOnly(let id): ("case-only", [id])
            case .form(let id): ("form", [id])
            }
        return [DiagnosticArgument(name, .string(kind)), DiagnosticArgument(name + "Matches", .strings(ids.map(\.rawValue)))]
    }
}
