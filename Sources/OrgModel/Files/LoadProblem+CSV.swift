import OrgSupport

/// The English of the load problems of delimited files and imports (see `LoadProblem+English.swift`).
extension LoadProblem {
    var csvWording: (message: String, hint: String?)? {
        switch self {
        case .noHeaderRow(let input):
            switch input {
            case .structure: ("the file has no header row", "the first row names the columns: id,title,tier,reports_to,…")
            case .table: ("the file has no header row", nil)
            case .extract: ("the file has no header row", "the first row names the extract's columns")
            }
        case .partNotRead: ("a part of the file was not read", nil)
        case .headerWithoutPosts: ("the file has a header but no posts", "add a row per post under the header")
        case .extractWithoutRows: ("the extract has a header but no rows", nil)
        case .csvRow(let reason, let input):
            switch input {
            case .structure: (reason, "check the quoting of that row")
            case .table: (reason, "a field that holds a comma, a quote or a line break must be quoted, with quotes doubled")
            case .extract: (reason, "a field that holds the delimiter, a quote or a line break must be quoted, with quotes doubled")
            }
        case .notCSV(let reason): ("not readable as CSV: \(reason)", nil)
        case .unknownMetadataKey(let key, let suggestion, let known):
            (
                "unknown metadata key \(ValueParsing.quoted(key))",
                suggestion.map { "did you mean \($0)?" }
                    ?? "the keys are \(known.joined(separator: ", ")); for a comment, leave out the colon after its first word"
            )
        case .unnamedColumn(let column): ("column \(column) of the header has no name", nil)
        case .repeatedColumn(let name): ("column \(ValueParsing.quoted(name)) appears twice in the header", nil)
        case .headerOneColumn(let name, let separator):
            (
                "the header is one column, \(ValueParsing.quoted(name)): the file looks separated by \(separator == "\t" ? "tabs" : "'\(separator)'")",
                "a structure CSV is separated by commas: save it with commas, or bring it in with orgmodel import --delimiter"
            )
        case .unknownColumn(let name, let column, let suggestion, let known):
            (
                "unknown column \(ValueParsing.quoted(name)) (column \(column))",
                suggestion.map { "did you mean \($0)?" }
                    ?? "known columns: \(known.joined(separator: ", ")), or attributes.NAME for extra data"
            )
        case .csvCannotHold(let field):
            (
                "a CSV structure cannot hold \(field)",
                field == "deviations"
                    ? "deviations are YAML-only: write the structure as YAML" : "give each attribute its own column, attributes.NAME"
            )
        case .requiredColumnMissing(let column): ("the header has no \(column) column", "id and reports_to are required")
        case .commentAfterHeader:
            ("a # comment line after the header", "# lines are the file's keys and comments, and come before the header: move it there")
        case .fieldCount(let found, let expected, let headerLine):
            (
                "the row has \(Plural.grouped(found, "field")) but the header (line \(headerLine)) has \(expected)",
                found > expected
                    ? "quote any field that holds the delimiter" : "give every row a field for each column, empty where there is nothing"
            )
        default: nil
        }
    }

    var importWording: (message: String, hint: String?)? {
        switch self {
        case .mappingEmpty: ("the mapping file is empty", "see the README for the mapping format")
        case .noMapping: ("no mapping given", nil)
        case .emptyColumnName(let field): ("the column for \(field) is empty", "name the extract's column, as its header spells it")
        case .gradeTierBelowOne(let grade, let tier):
            ("the tier of grade \(grade) must be 1 or more, not \(tier)", "leave front-line grades out of the table")
        case .valueTranslation(let field, let from, let to, let problem):
            ("values: \(field): \(ValueParsing.quoted(from)) is read as \(ValueParsing.quoted(to)), which \(problem)", nil)
        case .encodingUnknown(let text): ("encoding must be auto, utf-8 or windows-1252, not \(ValueParsing.quoted(text))", nil)
        case .encodingOption(let text): ("the encoding must be auto, utf-8 or windows-1252, not \(text)", nil)
        case .columnMappedAndListed(let list, let column, let field):
            (
                "\(list): names \(ValueParsing.quoted(column)), which columns: maps to \(field)",
                list == "drop"
                    ? "a column is either mapped or dropped: take it out of drop:, or out of columns: to leave \(field) empty"
                    : "dates: is for extra columns kept as attributes; \(field) is read by its own rules"
            )
        case .dateColumnDropped(let column):
            ("dates: names \(ValueParsing.quoted(column)), which drop: drops", "take it out of one of them")
        case .badDelimiter(let text): ("the delimiter must be one character such as , ; | or tab, not \(ValueParsing.quoted(text))", nil)
        case .notAPostField(let name, let suggestion, let fields):
            (
                "\(ValueParsing.quoted(name)) is not a post field a column can feed",
                suggestion.map { "did you mean \($0)?" }
                    ?? "fields: \(fields.joined(separator: ", ")); other columns are kept as attributes"
            )
        case .organogramColumnsMissing(let missing, let senior, let looksOther, let columns):
            (
                "the header has no \(missing.map { ValueParsing.quoted($0) }.joined(separator: ", ")) \(Plural.noun(missing.count, "column")): not an organogram \(senior ? "senior" : "junior") file",
                looksOther
                    ? "this looks like \(senior ? "the junior file" : "a senior file"): give the senior file first, then the junior"
                    : "the \(senior ? "senior" : "junior") file's columns are \(columns.joined(separator: ", "))"
            )
        case .headerColumnTwice(let name, let field):
            (
                "the header has two columns named \(ValueParsing.quoted(name)), which the mapping uses for \(field)",
                "rename one of them in the extract"
            )
        case .mappingWithoutColumn(let field):
            (
                "the mapping names no column for \(field)",
                "add it under columns:, e.g. \(field): \(field == PostField.id.rawValue ? "Position ID" : "Parent Position")"
            )
        case .headerLacksColumns(let missing, let header, let extract, let line):
            (
                (extract.map { "the extract's header (\($0):\(line ?? 0))" } ?? "the header")
                    + " has no column \(missing.joined(separator: "; no column "))",
                Self.delimiterSuggestion(header)
                    ?? "the mapping's column names must match the extract's header (\(header.count) columns: \(header.prefix(8).map { ValueParsing.quoted($0) }.joined(separator: ", "))\(header.count > 8 ? ", …" : ""))"
            )
        default: nil
        }
    }

    /// For a header read as one column that holds another delimiter, the `--delimiter` to try.
    static func delimiterSuggestion(_ header: [String]) -> String? {
        guard header.count == 1, let only = header.first else { return nil }
        var hint: String?
        for (symbol, option) in [(";", "';'"), ("\t", "tab"), ("|", "'|'")] where only.contains(symbol) {
            hint = "the header is one column holding \(symbol == "\t" ? "tabs" : symbol): try --delimiter \(option)"
        }
        return hint
    }
}
