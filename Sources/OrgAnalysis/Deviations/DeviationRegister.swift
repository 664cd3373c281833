import OrgModel
import OrgSupport

/// The design authority's register: every deviation in a set of structure files, with who
/// agreed it, when it is due for review, and where it stands on the day judged.
///
/// Values only; `DeviationRegister+Formats.swift` renders it as text, Markdown, CSV and
/// JSON from the same entries.
public struct DeviationRegister: Sendable, Hashable {
    /// One deviation of one post, as the register lists it.
    public struct Entry: Sendable, Hashable {
        /// The structure file as the user named it.
        public var file: String
        /// The deviation's line in the file (the post's when the deviation has none); nil
        /// when neither is known.
        public var line: Int?
        public var post: PostID
        public var title: String
        public var rule: RuleID
        /// The rationale as written, blanks trimmed; nil when there is none.
        public var rationale: String?
        public var agreedBy: [String]
        public var agreedOn: Day?
        public var reviewBy: Day?
        public var status: DeviationStatus
        /// Every state the deviation is in, worded, most urgent first ("not agreed by HR;
        /// review was due by 2021-04-30"); "" for a current deviation with no review date
        /// coming up.
        public var detail: String

        public init(
            file: String, line: Int?, post: PostID, title: String, rule: RuleID, rationale: String?, agreedBy: [String],
            agreedOn: Day?, reviewBy: Day?, status: DeviationStatus, detail: String
        ) {
            self.file = file
            self.line = line
            self.post = post
            self.title = title
            self.rule = rule
            self.rationale = rationale
            self.agreedBy = agreedBy
            self.agreedOn = agreedOn
            self.reviewBy = reviewBy
            self.status = status
            self.detail = detail
        }

        /// "file:line", or the file alone when the line is not known.
        public var location: String { line.map { "\(file):\($0)" } ?? file }
    }

    /// The day the statuses are judged against.
    public var asOf: Day
    /// The files read, in the order given, including those without deviations.
    public var files: [String]
    /// File by file in the order given, then in file order.
    public var entries: [Entry]

    public init(asOf: Day, files: [String] = [], entries: [Entry] = []) {
        self.asOf = asOf
        self.files = files
        self.entries = entries
    }

    /// Adds the deviations of `structure`, read from `file` and judged under `rules`.
    public mutating func add(_ structure: Structure, file: String, rules: RuleSet) {
        files.append(file)
        entries.append(contentsOf: Self.entries(of: structure, file: file, rules: rules, asOf: asOf))
    }

    /// The register of one structure: each post's deviations in file order.
    public static func entries(of structure: Structure, file: String, rules: RuleSet, asOf: Day) -> [Entry] {
        guard structure.posts.contains(where: { !$0.deviations.isEmpty }) else { return [] }
        let validator = Validator(rules: rules, asOf: asOf)
        let covering = validator.coveringDeviations(StructureIndex(structure))
        var result: [Entry] = []
        for (position, post) in structure.posts.enumerated() {
            for (slot, deviation) in post.deviations.enumerated() {
                let judged = judge(
                    deviation, agreed: validator.isAgreed(deviation), used: covering.contains([position, slot]),
                    repeatsLine: repeatedLine(of: slot, in: post.deviations), rules: rules, asOf: asOf)
                let line = deviation.line > 0 ? deviation.line : (post.line > 0 ? post.line : nil)
                result.append(
                    Entry(
                        file: file, line: line, post: post.id, title: post.displayTitle, rule: deviation.rule,
                        rationale: deviation.statedRationale, agreedBy: deviation.agreedBy, agreedOn: deviation.agreedOn,
                        reviewBy: deviation.reviewBy, status: judged.status, detail: judged.detail))
            }
        }
        return result
    }

    /// For a deviation that repeats an earlier-listed or later-listed one of the same rule:
    /// that one's line (0 when unknown); nil when it repeats none.
    private static func repeatedLine(of slot: Int, in deviations: [Deviation]) -> Int? {
        let rule = deviations[slot].rule
        return deviations.indices.first { $0 != slot && deviations[$0].rule == rule }.map { deviations[$0].line }
    }

    /// The deviation's status (the most urgent state it is in) and every state, worded.
    static func judge(
        _ deviation: Deviation, agreed: Bool, used: Bool, repeatsLine: Int?, rules: RuleSet, asOf: Day
    ) -> (status: DeviationStatus, detail: String) {
        var states: [(DeviationStatus, String)] = []
        if !agreed {
            var problems: [String] = []
            if deviation.statedRationale == nil { problems.append("no rationale") }
            let missing = deviation.missingApprovers(from: rules.approvers)
            if !missing.isEmpty { problems.append("not agreed by \(Figures.andList(missing))") }
            if let on = deviation.agreedOn, on > asOf { problems.append("agreed on \(on), after \(asOf)") }
            states.append((.unagreed, problems.joined(separator: ", ")))
        }
        if let review = deviation.reviewBy {
            let days = asOf.days(until: review)
            if days < 0 {
                states.append((.expired, "review was due by \(review), \(Plural.grouped(-days, "day")) ago"))
            } else if days <= DeviationStatus.dueWindow {
                states.append((.due, days == 0 ? "review is due today" : "review due in \(Plural.grouped(days, "day"))"))
            }
        }
        if !used {
            if let line = repeatsLine {
                states.append(
                    (.unused, "repeats another deviation from \(deviation.rule.rawValue) for the post\(line > 0 ? " (line \(line))" : "")"))
            } else {
                states.append((.unused, "covers no finding: the post meets \(deviation.rule.rawValue)"))
            }
        }
        states.sort { $0.0 < $1.0 }
        return (states.first?.0 ?? .current, states.map(\.1).joined(separator: "; "))
    }

    /// How many entries have `status`.
    public func count(_ status: DeviationStatus) -> Int { entries.reduce(0) { $0 + ($1.status == status ? 1 : 0) } }

    /// Whether any deviation is unagreed or expired: the register fails (exit code 1).
    public var fails: Bool { entries.contains { $0.status.failsRegister } }
}
