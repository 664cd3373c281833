import OrgSupport

/// The English of every load problem: the one place each is worded, as a message (what
/// is wrong) and a hint (what to do about it).
extension LoadProblem {
    /// What is wrong.
    public var message: String { wording.message }
    /// What to do about it, when there is something to say.
    public var hint: String? { wording.hint }

    private var wording: (message: String, hint: String?) {
        fileWording ?? yamlWording ?? valueWording ?? structureWording ?? rulesWording ?? csvWording ?? importWording ?? ("", nil)
    }

    private static let saveAsCSV = "save the data as CSV (UTF-8) from the spreadsheet or HR system"

    private var fileWording: (message: String, hint: String?)? {
        switch self {
        case .formatUnknown: ("cannot tell the format from the file name", "name structure files .yaml, .yml or .csv")
        case .noSuchFile(let path, let advice):
            (
                "no such file",
                advice ? (path.hasPrefix("/") ? "check the path" : "check the path; a relative path is read from the current folder") : nil
            )
        case .isDirectory(let kind): ("is a directory, not a \(kind)", nil)
        case .unreadable(let reason): reason.map { ("cannot be read: \($0)", nil) } ?? ("cannot be read", "check the file's permissions")
        case .fileEmpty(let kind):
            (
                "the file is empty",
                kind == "structure file"
                    ? "a structure file lists posts; see the README"
                    : kind == "extract" ? "an extract has a header row and a row per post" : "a \(kind) holds YAML keys; see the README"
            )
        case .binaryFile(let kind):
            (
                "this is a binary file, not a text \(kind)",
                kind == "structure file" ? "export the structure as CSV (UTF-8) or YAML" : "write the \(kind) as YAML text"
            )
        case .invalidUTF8(let advice):
            switch advice {
            case .saveAsUTF8:
                (
                    "the text is not valid UTF-8",
                    "save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\"), or bring it in with `orgmodel import`"
                )
            case .leaveOutEncoding: ("the text is not valid UTF-8", "leave out --encoding to read it as Windows-1252")
            case .readAsWindows1252:
                ("the text is not valid UTF-8", "if the file came from a spreadsheet's plain \"CSV\", read it with --encoding windows-1252")
            }
        case .refusedCharacter(let what, let character): ("\(what) holds \(character)", RefusedCharacters.hint)
        case .xlsxWorkbook: ("this is an Excel workbook (.xlsx) or another zip file, not CSV", Self.saveAsCSV)
        case .xlsWorkbook: ("this is an Excel 97-2003 workbook (.xls), not CSV", Self.saveAsCSV)
        case .pdfDocument: ("this is a PDF document, not CSV", Self.saveAsCSV)
        case .utf16Text:
            ("this is UTF-16 text (a spreadsheet's \"Unicode Text\"), which orgmodel does not read", "save it as \"CSV UTF-8\" instead")
        case .binaryLooking(let controls, let sample):
            ("this looks like a binary file, not CSV text (\(controls) control bytes in the first \(sample))", Self.saveAsCSV)
        case .binaryExtract: ("this is a binary file, not CSV text", "save the data as CSV (UTF-8)")
        default: nil
        }
    }

    private var yamlWording: (message: String, hint: String?)? {
        switch self {
        case .yamlSyntax(let problem, let context, let line):
            (
                "YAML syntax error: \(problem)" + (context.map { " (\($0) at line \(line ?? 0))" } ?? ""),
                problem.contains("cannot start any token") ? "indent with spaces: YAML does not allow tabs there" : nil
            )
        case .duplicateKeys(let keys):
            ("a key is given twice in one mapping: \(keys.joined(separator: ", "))", "each post gives each field once")
        case .notYAML(let reason): ("not readable as YAML: \(reason)", nil)
        case .notYAMLText(let reason): ("not readable as YAML text: \(reason)", nil)
        case .wrongShape(let what, let expected, let found):
            switch expected {
            case .mapping: ("\(what) must be a mapping of key: value pairs, not \(found)", nil)
            case .list: ("\(what) must be a list, not \(found)", nil)
            case .single: ("\(what) must be a single value, not \(found)", nil)
            }
        case .keyNotPlain(let found): ("keys must be plain names, not \(found)", nil)
        case .unknownKey(let what, let key, let suggestion, let known):
            (
                "unknown \(what) key \(ValueParsing.quoted(key))",
                suggestion.map { "did you mean \($0)?" } ?? "known keys: \(known.joined(separator: ", "))"
            )
        default: nil
        }
    }

    private var valueWording: (message: String, hint: String?)? {
        switch self {
        case .tooLarge(let field, let text):
            ("\(field) \(ValueParsing.quoted(text)) is too large", "give a whole number of a sensible size")
        case .notWholeNumber(let field, let text): ("\(field) must be a whole number, not \(ValueParsing.quoted(text))", nil)
        case .notNumber(let field, let text):
            (
                "\(field) must be a number, not \(ValueParsing.quoted(text))",
                "write plain digits such as 42000 or 0.5, without £ or thousands separators"
            )
        case .negative(let field, let text):
            (
                "\(field) cannot be negative (\(text))",
                field == "fte" ? "give the full-time equivalent, 0 or more" : "give the annual cost in pounds, 0 or more"
            )
        case .notBoolean(let field, let text): ("\(field) must be true or false, not \(ValueParsing.quoted(text))", nil)
        case .notDate(let field, let text): ("\(field) must be an ISO 8601 date such as 2020-10-01, not \(ValueParsing.quoted(text))", nil)
        case .vacantUnreadable(let text): ("vacant must be a whole number of posts or true/false, not \(ValueParsing.quoted(text))", nil)
        case .stateUnknown(let text): ("state must be current, proposed or option, not \(ValueParsing.quoted(text))", nil)
        case .costOverLimit(let field, let cost): (PostLimits.costOverLimit(cost, field: field), nil)
        case .countOverLimit(let field, let count): (PostLimits.countOverLimit(count, field: field), nil)
        case .tierBelowOne(let tier): ("tier must be 1 or more, not \(tier)", "leave tier out for front-line posts")
        case .countBelowOne(let count): ("count must be at least 1, not \(count)", nil)
        case .fieldNotSingle(let field): ("\(field) cannot be given as a single value", nil)
        case .postWithoutID: ("post has no id", "give every post a unique id")
        case .vacantOverCount(let post, let vacant, let count):
            (
                "post \(post): vacant \(vacant) is more than its count \(count)",
                "vacant counts posts of the line; set count to the establishment"
            )
        case .fteOverCount(let post, let fte, let count):
            (
                "post \(post): fte \(NumberText.format(fte)) is more than its count \(count)",
                "for a line of several posts, fte is the line's total and count the number of posts"
            )
        default: nil
        }
    }

    private var structureWording: (message: String, hint: String?)? {
        switch self {
        case .noStructure: ("the file holds no structure", "see the README for the format")
        case .noPostsList: ("the structure has no posts: list", "add `posts:` with one entry per post")
        case .emptyPostsList: ("the posts: list is empty", "list each post under posts: as - id: …")
        case .unknownDeviationRule(let rule, let suggestion):
            (
                "deviation names an unknown rule \(ValueParsing.quoted(rule))",
                suggestion.map { "did you mean \($0)?" } ?? "rules are listed in the README"
            )
        case .ruleCannotBeWaived(let rule, let summary): ("a deviation cannot cover \(rule): \(summary) must be fixed, not waived", nil)
        case .deviationWithoutRule: ("deviation has no rule", "name the check it covers, e.g. rule: span-narrow")
        case .reviewBeforeAgreed(let rule, let review, let agreed):
            (
                "deviation from \(rule): review_by \(review) is before agreed_on \(agreed)",
                "a deviation is reviewed after it is agreed: check both dates"
            )
        default: nil
        }
    }

    private var rulesWording: (message: String, hint: String?)? {
        switch self {
        case .unknownRuleSet(let name, let builtIn):
            (
                "no built-in rule set is called \(ValueParsing.quoted(name))",
                "built in: \(builtIn.joined(separator: ", ")); or give a path to a rules .yaml file"
            )
        case .rulesFileMissing(let path, let fromStructure):
            (
                "the rules file \(path) does not exist",
                fromStructure
                    ? "a rules path is relative to the structure file that names it" : "a --rules path is read from the current folder"
            )
        case .rulesFileEmpty: ("the rules file is empty", nil)
        case .noApprovers:
            (
                "approvers cannot be empty: a deviation stands only when the bodies listed here agree it",
                "list them, e.g. approvers: [SLT, HR], or leave the key out for SLT and HR"
            )
        case .maxLayersBelowOne: ("max_layers must be at least 1", nil)
        case .maxLayersOverLimit(let layers): ("max_layers must be at most 1,000, not \(layers)", nil)
        case .tierDefinedTwice(let tier): ("tier \(tier) is defined twice", nil)
        case .noTiers: ("the rules file defines no tiers", "list tiers: with tier, role and span")
        case .ruleTierBelowOne(let tier):
            ("tier must be 1 or more, not \(tier)", "tiers count down from 1 at the top; the built-in rules use 2 to 6")
        case .spanBound(let bound): ("span takes min and max, not \(ValueParsing.quoted(bound))", nil)
        case .spanIncomplete: ("span needs both min and max, e.g. {min: 4, max: 8}", nil)
        case .spanMinNegative(let min): ("span min cannot be negative (\(min))", nil)
        case .spanMinOverMax(let min, let max):
            ("span min \(min) is more than max \(max)", "write the smaller number as min, e.g. {min: \(max), max: \(min)}")
        case .tierWithoutNumber: ("a tier entry has no tier number", nil)
        case .tierWithoutRole(let tier): ("tier \(tier) has no role name", nil)
        case .namedTierBelowOne(let tier): ("named_tiers holds tiers, 1 or more, not \(tier)", nil)
        case .costBandNegative(let band): ("cost_band must be 0 (exact) or a width in pounds, not \(band)", nil)
        default: nil
        }
    }
}
