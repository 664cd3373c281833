import Foundation
import OrgModel
import OrgSupport

/// The words around a chart: title, row labels, source notes and findings summary.
enum ChartText {
    /// The name a chart is headed by: the structure's name, else its file's name.
    static func name(of structure: Structure) -> String {
        // Asked on every page a chartbook plans: a name that starts and ends with a printable
        // ASCII character has nothing to trim.
        if let name = structure.name, let first = name.utf8.first, let last = name.utf8.last, (0x21...0x7E).contains(first),
            (0x21...0x7E).contains(last)
        {
            return name
        }
        if let name = structure.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty { return name }
        if let source = structure.source {
            let file = source.split(separator: "/").last.map(String.init) ?? source
            return file.isEmpty ? "Structure" : file
        }
        return "Structure"
    }

    /// "Proposed structure · effective 2021-04-01 · County Council".
    static func subtitle(of structure: Structure) -> String? {
        var parts: [String] = []
        if let state = structure.state {
            parts.append(state.rawValue.prefix(1).uppercased() + state.rawValue.dropFirst() + " structure")
        }
        if let effective = structure.effective { parts.append("effective \(effective)") }
        if let organisation = structure.organisation, !organisation.isEmpty { parts.append(organisation) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// What part of the structure is drawn, when not all of it.
    static func scope(_ options: ChartOptions, rootTitle: String?) -> String? {
        var parts: [String] = []
        if let root = options.root {
            parts.append("From \(root.rawValue)" + (rootTitle.map { " \($0)" } ?? "") + " down")
        }
        if let depth = options.depth {
            parts.append(Plural.count(depth, "level") + " below the top post")
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Title lines, escaped, wrapped so a long name stays within the page.
    static func title(_ heading: String, _ lines: [String?]) -> [String] {
        [TextWrap.lines(heading, width: 60).map(DOTText.html).joined(separator: "<BR ALIGN=\"LEFT\"/>")]
            + lines.compactMap { $0 }.map { TextWrap.lines($0, width: 90).map(DOTText.html).joined(separator: "<BR ALIGN=\"LEFT\"/>") }
    }

    /// "Example Borough Council · current, effective 2016-04-01 → proposed, effective
    /// 2017-04-01": the subtitle of a chart of two structures.
    static func pairSubtitle(_ current: Structure, _ proposed: Structure) -> String? {
        func side(_ name: String, _ structure: Structure) -> String {
            structure.effective.map { "\(name), effective \($0)" } ?? name
        }
        var parts: [String] = []
        let organisations = [current.organisation, proposed.organisation].compactMap { $0 }.filter { !$0.isEmpty }
        if let first = organisations.first {
            parts.append(organisations.allSatisfy { $0 == first } ? first : organisations.joined(separator: " / "))
        }
        parts.append(side("current", current) + " → " + side("proposed", proposed))
        return parts.joined(separator: " · ")
    }

    /// Each row's label lines from the rule sets: "Tier 5", "Service Manager", "span 4–8".
    static func rowLabels(_ rows: some Sequence<ChartRow>, rules: [RuleSet]) -> [ChartRow: [String]] {
        var labels: [ChartRow: [String]] = [:]
        for row in rows {
            switch row {
            case .frontLine:
                labels[row] = ["Front line"]
            case .tier(let tier):
                // The first rule set that defines the tier names it.
                let label =
                    rules.first { $0.rule(forTier: tier) != nil }?.label(forTier: tier)
                    ?? rules.first?.label(forTier: tier) ?? "Tier \(tier)"
                labels[row] = tierLines.lines(of: label)
            }
        }
        return labels
    }

    /// Each tier label's lines, split, wrapped and escaped, by the label: the same few head
    /// every page, and a chartbook's planner writes thousands of trial pages.
    private static let tierLines = TierLines()

    private final class TierLines: @unchecked Sendable {
        private var known: [String: [String]] = [:]
        private let lock = NSLock()

        func lines(of label: String) -> [String] {
            if let found = lock.withLock({ known[label] }) { return found }
            // Most labels are one part: no separator to look for.
            let parts = label.contains("·") ? label.split(separator: " · ").map(String.init) : [label]
            let lines = parts.flatMap { TextWrap.lines($0, width: 22) }.map(DOTText.html)
            lock.withLock { known[label] = lines }
            return lines
        }
    }

    /// "Source: Structures/x.yaml · Rule set: childrens-social-care".
    static func source(_ result: ValidationResult, side: String? = nil) -> String {
        var text = side.map { "\($0): " } ?? ""
        text += "Source: \(result.structure.source ?? "(in memory)") · Rule set: \(result.rules.name)"
        if result.rules.source != result.rules.name { text += " (\(result.rules.source))" }
        return text
    }

    /// "Checks: 2 errors (outlined red), 1 warning, 3 accepted deviations", then up to
    /// `limit` errors, each "POST title: message". A chart of part of the structure
    /// (`shown`: the posts it draws in full) says the counts are the whole structure's and
    /// lists only the errors and warnings of the posts it draws.
    static func findings(
        _ result: ValidationResult, side: String? = nil, limit: Int = 8, shown: Set<PostID>? = nil, headcount known: Int? = nil
    ) -> [String] {
        let errors = result.errorCount
        let warnings = result.warningCount
        let accepted = result.acceptedCount
        var counts: [String] = []
        counts.append(Plural.count(errors, "error"))
        counts.append(Plural.count(warnings, "warning"))
        counts.append(Plural.count(accepted, "accepted deviation"))
        let prefix = side.map { "\($0): " } ?? ""
        guard let shown else {
            var lines = [prefix + "Checks: " + counts.joined(separator: ", ")]
            let errorFindings = result.findings.filter { $0.severity == .error }
            for finding in errorFindings.prefix(limit) { lines.append(line(finding)) }
            if errorFindings.count > limit {
                lines.append("… and \(errorFindings.count - limit) more errors: run orgmodel validate \(result.structure.source ?? "FILE")")
            }
            return lines
        }
        let posts = result.structure.posts
        let headcount = known ?? posts.reduce(0) { $0 + $1.count }
        var lines = [
            prefix + "Whole structure: \(Plural.grouped(posts.count, "post")), headcount \(headcount); checks: "
                + counts.joined(separator: ", ")
        ]
        // Positions in the findings, not copies of them: a chartbook asks on every page.
        var errorsHere: [Int] = []
        var warningsHere: [Int] = []
        let findings = result.findings
        for position in findings.indices {
            let severity = findings[position].severity
            guard severity == .error || severity == .warning, let post = findings[position].post, shown.contains(post) else { continue }
            if severity == .error { errorsHere.append(position) } else { warningsHere.append(position) }
        }
        if errorsHere.isEmpty && warningsHere.isEmpty {
            lines[0] += "; none on this page"
        } else {
            lines[0] +=
                "; on this page: \(Plural.count(errorsHere.count, "error")), "
                + Plural.count(warningsHere.count, "warning")
        }
        let ordered = errorsHere + warningsHere
        for position in ordered.prefix(limit) { lines.append(prefix + line(findings[position])) }
        if ordered.count > limit {
            lines.append("… and \(ordered.count - limit) more on this page: run orgmodel validate \(result.structure.source ?? "FILE")")
        }
        return lines
    }

    /// "Error span-wide at TM-3: …".
    static func line(_ finding: Finding) -> String {
        var text = (finding.severity == .error ? "Error " : "Warning ") + finding.rule.rawValue
        if let post = finding.post { text += " at \(post.rawValue)" }
        return text + ": \(finding.message)"
    }

    /// The box drawn where a page's branch (or a side-by-side chart's root) is missing
    /// from one structure.
    ///
    /// - Parameters:
    ///   - key: The panel's name key; the box's element id is `KEY-absent` unless given.
    ///   - row: Where the box sits: the front line, or the row the post has in the other
    ///     structure.
    static func absentBox(_ id: PostID, in side: String, key: String, row: ChartRow = .frontLine, elementID: String? = nil) -> ChartBox {
        ChartBox(
            name: "\(key)none", elementID: elementID ?? "\(key)-absent", row: row,
            label: DOTText.html("No post \(id.rawValue) in the \(side) structure"),
            style: BoxStyle(outline: ChartPalette.muted, dashed: true))
    }

    /// A chartbook page's running header: its place in the book, then the chain of
    /// command above its branch (one line per structure when they differ).
    static func header(_ page: PageSpec?, chains: [String?]) -> [String] {
        guard let page else { return [] }
        var lines = [page.running]
        for chain in chains.compactMap({ $0 }) { lines.append(chain) }
        return lines.map { TextWrap.lines($0, width: 100).map(DOTText.html).joined(separator: "<BR ALIGN=\"LEFT\"/>") }
    }
}
