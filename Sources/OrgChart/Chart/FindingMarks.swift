import OrgModel

/// The findings of a validation, by post, and the numbered notes their accepted
/// deviations get on a chart.
///
/// Numbers are handed out as boxes are drawn, so the same structure always numbers its
/// notes the same way; the side-by-side chart shares one numbering across both panels.
struct FindingMarks {
    private var byPost: [PostID: [Finding]] = [:]
    /// Findings about no post in particular (a missing top post, too many layers).
    private(set) var general: [Finding] = []

    init(_ result: ValidationResult?) {
        for finding in result?.findings ?? [] {
            if let post = finding.post {
                byPost[post, default: []].append(finding)
            } else {
                general.append(finding)
            }
        }
    }

    func findings(for post: PostID) -> [Finding] { byPost[post] ?? [] }

    /// Distinct rule ids of `post`'s findings of `severity`, in rule order.
    func rules(for posts: [PostID], _ severity: Severity) -> [RuleID] {
        // Most posts have no findings: nothing to gather or sort.
        guard posts.contains(where: { byPost[$0] != nil }) else { return [] }
        var rules = Set<RuleID>()
        for post in posts {
            for finding in findings(for: post) where finding.severity == severity { rules.insert(finding.rule) }
        }
        return rules.sorted()
    }
}

/// Numbered notes for accepted deviations: "[1] HOS-A Head of Service: span-narrow
/// accepted. Rationale … Agreed by SLT and HR on 2024-01-10; review by 2025-01-10."
struct Footnotes {
    /// The notes, escaped HTML, each possibly several lines joined by left-aligned breaks.
    private(set) var notes: [String] = []
    private var numbers: [String: Int] = [:]

    /// Width, in characters, at which a note wraps.
    static let width = 95

    /// The marker numbers for the accepted findings of `posts`, creating their notes.
    /// `side` ("current", "proposed") tells apart the same post in two panels.
    mutating func markers(for posts: [PostID], in marks: FindingMarks, side: String? = nil) -> [Int] {
        var result: [Int] = []
        for post in posts {
            for finding in marks.findings(for: post) where finding.severity == .accepted {
                let key = "\(side ?? "")|\(post.rawValue)|\(finding.rule.rawValue)"
                if let number = numbers[key] {
                    if !result.contains(number) { result.append(number) }
                    continue
                }
                let number = notes.count + 1
                numbers[key] = number
                notes.append(Self.note(number: number, finding: finding, side: side))
                result.append(number)
            }
        }
        return result
    }

    static func note(number: Int, finding: Finding, side: String?) -> String {
        var text = "[\(number)] "
        if let side { text += "\(side.prefix(1).uppercased() + side.dropFirst()): " }
        if let post = finding.post { text += post.rawValue }
        if let title = finding.postTitle, title != finding.post?.rawValue { text += " \(title)" }
        text += ": \(finding.rule.rawValue) accepted."
        if let deviation = finding.deviation {
            if let rationale = deviation.statedRationale { text += " \(rationale)" }
            if !text.hasSuffix(".") { text += "." }
            if !deviation.agreedBy.isEmpty {
                text += " Agreed by \(deviation.agreedBy.joined(separator: " and "))"
                if let day = deviation.agreedOn { text += " on \(day)" }
                text += "."
            }
            if let review = deviation.reviewBy { text += " Review by \(review)." }
        }
        return wrapped(text)
    }

    /// `text` wrapped and escaped, lines joined by line breaks (the cell aligns them).
    static func wrapped(_ text: String, width: Int = Footnotes.width) -> String {
        TextWrap.lines(text, width: width).map(DOTText.html).joined(separator: "<BR/>")
    }

    /// "[1,3]" for markers 1 and 3; nil for none.
    static func marker(_ numbers: [Int]) -> String? {
        numbers.isEmpty ? nil : "[" + numbers.map(String.init).joined(separator: ",") + "]"
    }
}
