import ArgumentParser
import OrgChart
import OrgModel

// The options several commands share, each declared once: the flag, its value's type and
// its help. A command takes one with `@OptionGroup`.

/// `--rules`: one rule set for every file, instead of the ones the files name.
struct RulesOption: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A built-in rule set or a rules file, instead of the one each file names.")
    var rules: String?
}

/// The structure files a command judges one by one, with the rule set (`--rules`) and the
/// day (`--as-of`) each is judged by: `validate` and `deviations`.
struct JudgedFiles<Wording: AsOfWording>: ParsableArguments {
    @Argument(help: "Structure files (.yaml, .yml or .csv).")
    var files: [String]

    @OptionGroup var rules: RulesOption

    @OptionGroup var asOf: AsOfOption<Wording>

    /// Each file in order, read with its rule set, or the error that stopped it.
    func read() -> [(file: String, loaded: Result<LoadedStructure, LoadError>)] {
        readStructures(files, rules: rules.rules)
    }
}

/// How a command's `--as-of` help says what the day judges and its default, which
/// differ by command (today; the structure's effective date; the proposal's).
protocol AsOfWording {
    static var help: String { get }
}

/// `--as-of`: the day deviation reviews are judged against.
struct AsOfOption<Wording: AsOfWording>: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp(Wording.help))
    var asOf: Day?

    /// `--as-of`, else `fallback`, else today.
    func day(else fallback: Day? = nil) -> Day { asOf ?? fallback ?? Day.today }
}

/// Deviation reviews judged as of today unless told otherwise.
enum JudgedToday: AsOfWording {
    static let help = "The day deviation reviews are judged against (YYYY-MM-DD; default today)."
}

/// A deviation's status judged as of today unless told otherwise.
enum StatusesToday: AsOfWording {
    static let help = "The day statuses are judged against (YYYY-MM-DD; default today)."
}

/// A chart judges a structure as of its own effective date, so it does not change with
/// the day it is drawn.
enum JudgedOnEffectiveDate: AsOfWording {
    static let help = "The day deviation reviews are judged against (YYYY-MM-DD; default the structure's effective date, else today)."
}

/// A review judges as of the proposal's effective date: the same files, the same review.
enum JudgedOnProposalDate: AsOfWording {
    static let help =
        "The day deviation reviews are judged against (YYYY-MM-DD; default the proposed structure's effective date, else today)."
}

/// `-o`/`--output` for a report: a file, or standard output.
struct ReportDestination: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output (-).")
    var output: String?
}

/// `--match-ids` for the commands that pair the posts of several structures.
struct MatchIDsOption: ParsableArguments {
    @Option(
        name: .customLong("match-ids"),
        help: ArgumentHelp(
            "How ids must agree to be one post: exact, case (ignore case) or loose (also blanks and leading zeros).", valueName: "how"))
    var matchIDs: IDMatching = .exact
}

/// `--paper` and `--min-text`, for the commands that print charts.
struct PaperOptions: ParsableArguments {
    @Option(help: "The paper a page is printed on: a4 or a3 (each page landscape or portrait, whichever prints it larger).")
    var paper: PrintSettings.Paper = .a4

    @Option(
        name: .customLong("min-text"),
        help: ArgumentHelp(
            "The smallest text any page may print, in points (4 to 9); a chart that does not fit is split into pages.", valueName: "pt"))
    var minText: Double = 7

    /// The charts set their smallest text at 9 points, so a floor above that cannot be
    /// met, and one below 4 is no floor.
    func validate() throws {
        guard minText.isFinite, minText >= 4, minText <= PrintSettings.smallestType else {
            throw ValidationError("--min-text takes 4 to 9 points (the charts' smallest text is 9 pt, printed no larger than drawn)")
        }
    }

    var settings: PrintSettings { PrintSettings(paper: paper, minText: minText) }
}
