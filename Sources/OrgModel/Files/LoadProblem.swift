import OrgSupport

/// Why a file could not be read, with its arguments: the kinds of load problem, each
/// worded once (`message` and `hint`, in `LoadProblem+English.swift`), not at the place
/// that finds it. A `LoadError` carries one, with the place in the file.
public enum LoadProblem: DiagnosticMessage, Hashable {
    // The file itself.
    case formatUnknown
    /// `advice`: whether to say how the path is read (not for an extract).
    case noSuchFile(path: String, advice: Bool)
    case isDirectory(kind: String)
    /// `reason`: the system's, when there is one; else the advice to check permissions.
    case unreadable(reason: String?)
    case fileEmpty(kind: String)
    case binaryFile(kind: String)
    case invalidUTF8(advice: UTF8Advice)
    /// A character no text may hold; `character` says which (`the control character U+0007`).
    case refusedCharacter(what: String, character: String)
    case xlsxWorkbook
    case xlsWorkbook
    case pdfDocument
    case utf16Text
    case binaryLooking(controlBytes: Int, sampleBytes: Int)
    case binaryExtract
    // YAML.
    case yamlSyntax(problem: String, context: String?, contextLine: Int?)
    case duplicateKeys(keys: [String])
    case notYAML(reason: String)
    case notYAMLText(reason: String)
    case wrongShape(what: String, expected: Shape, found: String)
    case keyNotPlain(found: String)
    /// `suggestion` when a known key is close; else the known keys are listed.
    case unknownKey(what: String, key: String, suggestion: String?, known: [String])
    // Values.
    case tooLarge(field: String, text: String)
    case notWholeNumber(field: String, text: String)
    case notNumber(field: String, text: String)
    case negative(field: String, text: String)
    case notBoolean(field: String, text: String)
    case notDate(field: String, text: String)
    case vacantUnreadable(text: String)
    case stateUnknown(text: String)
    case costOverLimit(field: String, cost: Double)
    case countOverLimit(field: String, count: Int)
    // Posts.
    case tierBelowOne(tier: Int)
    case countBelowOne(count: Int)
    case fieldNotSingle(field: String)
    case postWithoutID
    case vacantOverCount(post: PostID, vacant: Int, count: Int)
    case fteOverCount(post: PostID, fte: Double, count: Int)
    // Structure files.
    case noStructure
    case noPostsList
    case emptyPostsList
    case unknownDeviationRule(rule: String, suggestion: String?)
    case ruleCannotBeWaived(rule: String, summary: String)
    case deviationWithoutRule
    case reviewBeforeAgreed(rule: String, reviewBy: String, agreedOn: String)
    // Rules files and redaction profiles.
    case unknownRuleSet(name: String, builtIn: [String])
    /// `fromStructure`: the path was named in a structure file (else by --rules).
    case rulesFileMissing(path: String, fromStructure: Bool)
    case rulesFileEmpty
    case noApprovers
    case maxLayersBelowOne
    case maxLayersOverLimit(layers: Int)
    case tierDefinedTwice(tier: Int)
    case noTiers
    case ruleTierBelowOne(tier: Int)
    case spanBound(bound: String)
    case spanIncomplete
    case spanMinNegative(min: Int)
    case spanMinOverMax(min: Int, max: Int)
    case tierWithoutNumber
    case tierWithoutRole(tier: Int)
    case namedTierBelowOne(tier: Int)
    case costBandNegative(band: Int)
    // CSV.
    case noHeaderRow(input: Input)
    case partNotRead
    case headerWithoutPosts
    case extractWithoutRows
    /// A row the CSV reader could not split, as it words it.
    case csvRow(reason: String, input: Input)
    case notCSV(reason: String)
    case unknownMetadataKey(key: String, suggestion: String?, known: [String])
    case unnamedColumn(column: Int)
    case repeatedColumn(name: String)
    case headerOneColumn(name: String, separator: String)
    case unknownColumn(name: String, column: Int, suggestion: String?, known: [String])
    case csvCannotHold(field: String)
    case requiredColumnMissing(column: String)
    case commentAfterHeader
    case fieldCount(found: Int, expected: Int, headerLine: Int)
    // Imports.
    case mappingEmpty
    case noMapping
    case emptyColumnName(field: String)
    case gradeTierBelowOne(grade: String, tier: Int)
    /// `problem`: why the value cannot stand for the field (`is not a whole number`).
    case valueTranslation(field: String, from: String, to: String, problem: String)
    case encodingUnknown(text: String)
    case encodingOption(text: String)
    /// A column named by `list` (drop: or dates:) that columns: maps to `field`.
    case columnMappedAndListed(list: String, column: String, field: String)
    case dateColumnDropped(column: String)
    case badDelimiter(text: String)
    case notAPostField(name: String, suggestion: String?, fields: [String])
    case organogramColumnsMissing(missing: [String], senior: Bool, looksOther: Bool, columns: [String])
    case headerColumnTwice(name: String, field: String)
    case mappingWithoutColumn(field: String)
    /// Columns the mapping names that the header lacks; `extract` and `headerLine` when
    /// the error is placed in the mapping, `header` the names the header has.
    case headerLacksColumns(missing: [String], header: [String], extract: String?, headerLine: Int?)

    public static var codeNamespace: String { "load" }

    /// The message, then the hint after `; `, as validate's JSON gives it.
    public var english: String { hint.map { "\(message); \($0)" } ?? message }

    /// What a YAML node should have been.
    public enum Shape: String, Sendable, Hashable {
        case mapping, list, single
    }

    /// What to suggest for text that is not valid UTF-8.
    public enum UTF8Advice: String, Sendable, Hashable {
        /// A structure file: save it as UTF-8, or import it.
        case saveAsUTF8
        /// An import told `--encoding utf-8`: leave it out.
        case leaveOutEncoding
        /// An import reading UTF-8 by choice: try Windows-1252.
        case readAsWindows1252
    }

    /// The kind of delimited input, for the advice on its header and quoting.
    public enum Input: String, Sendable, Hashable {
        case structure, table, extract
    }
}
