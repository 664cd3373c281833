import Foundation
import OrgAnalysis
import OrgModel
import OrgSupport

/// The compare command's report: the key differences between a current and a proposed
/// structure, as a committee appendix lists them, and the totals before → after, as text
/// or Markdown (`document()`) or JSON (`json()`).
public struct ComparisonReport: Report, Sendable {
    public let comparison: StructureComparison
    /// The files as the user named them, for the title.
    public var currentFile: String?
    public var proposedFile: String?

    public init(_ comparison: StructureComparison, currentFile: String? = nil, proposedFile: String? = nil) {
        self.comparison = comparison
        self.currentFile = currentFile ?? comparison.diff.current.source
        self.proposedFile = proposedFile ?? comparison.diff.proposed.source
    }

    /// The sections of "key differences" in the order an appendix lists them; the first
    /// nine are always shown (with "None."), the rest only when something changed.
    static let sections: [(aspect: PostChange.Aspect, title: String, alwaysShown: Bool)] = [
        (.reportingLine, "Posts moved to another manager", true),
        (.tier, "Posts re-tiered", true),
        (.title, "Posts retitled", true),
        (.grade, "Posts re-graded", true),
        (.fte, "FTE changed", true),
        (.cost, "Annual cost changed", true),
        (.madePermanent, "Temporary → permanent", true),
        (.madeTemporary, "Permanent → temporary", false),
        (.headcount, "Posts in a line changed", false),
        (.vacancies, "Vacancies changed", false),
        (.dottedLines, "Dotted (matrix) lines changed", false),
    ]

    public func document() -> ReportDocument {
        let comparison = self.comparison
        let diff = comparison.diff
        var doc = ReportDocument()
        doc.heading(1, "Key differences: " + Self.title(diff.current, diff.proposed))
        var about: [ReportDocument.Fact] = []
        about.append(.init("Current", Self.describe(diff.current, file: currentFile)))
        about.append(.init("Proposed", Self.describe(diff.proposed, file: proposedFile)))
        let rulesBefore = comparison.before.rules.name
        let rulesAfter = comparison.after.rules.name
        about.append(.init("Rules", rulesBefore == rulesAfter ? rulesBefore : "\(rulesBefore) → \(rulesAfter)"))
        doc.facts(about)
        if !diff.notes.isEmpty {
            doc.paragraph("How the posts were matched:")
            doc.bullets(diff.notes.map { "Note: " + $0 })
        }

        summarySection(into: &doc)
        doc.heading(2, "Key differences")
        // Each section made on whichever core is free (a million posts' comparison lists
        // tens of thousands of changes), then set down in order.
        var sections: [(inout ReportDocument) -> Void] = [
            { deletedSection(into: &$0) },
            { createdSection(into: &$0) },
        ]
        for section in Self.sections {
            sections.append { aspectSection(section.aspect, title: section.title, alwaysShown: section.alwaysShown, into: &$0) }
        }
        sections += [
            { totalsSection(into: &$0) },
            { costSection(into: &$0) },
            { findingsSection(into: &$0) },
            { deviationsSection(into: &$0) },
        ]
        let made = ParallelWork.map(sections.count) { slot in
            var part = ReportDocument()
            sections[slot](&part)
            return part
        }
        for part in made { doc.blocks += part.blocks }
        return doc
    }

    // MARK: Sections

    private func summarySection(into doc: inout ReportDocument) {
        let comparison = self.comparison
        let before = comparison.before.totals
        let after = comparison.after.totals
        doc.heading(2, "Summary")
        var counts: [String] = [
            "\(Figures.grouped(comparison.deleted.count)) deleted", "\(Figures.grouped(comparison.created.count)) created",
        ]
        for (aspect, word) in [
            (PostChange.Aspect.reportingLine, "moved"), (.tier, "re-tiered"), (.title, "retitled"), (.grade, "re-graded"),
        ] {
            counts.append("\(Figures.grouped(comparison.count(aspect))) \(word)")
        }
        var facts: [ReportDocument.Fact] = [
            .init("Posts", Self.arrow(before.posts, after.posts)),
            .init("Headcount", Self.arrow(before.headcount, after.headcount)),
            .init("FTE", Self.arrow(before.fte, after.fte)),
            .init("Annual cost", "\(comparison.costBefore.text) → \(comparison.costAfter.text)"),
            .init("Net change in cost", comparison.netCostChange.text),
            .init("Changes", counts.joined(separator: ", ")),
        ]
        let permanent = comparison.madePermanentHeadcount
        if permanent > 0 {
            let lines = comparison.madePermanent.count
            facts.append(
                .init(
                    "Temporary → permanent",
                    Plural.grouped(permanent, "post") + (lines == permanent ? "" : " on \(Plural.grouped(lines, "establishment line"))")))
        }
        let changes = comparison.findingChanges
        facts.append(
            .init(
                "Findings",
                "\(Plural.grouped(comparison.beforeFindings.errorCount, "error")) → \(Plural.grouped(comparison.afterFindings.errorCount, "error")); \(changes.summary)"
            ))
        doc.facts(facts)
    }

    private func deletedSection(into doc: inout ReportDocument) {
        let posts = comparison.deleted.compactMap { comparison.diff.changes[$0].current }
        postsSection("Posts deleted", posts, costing: comparison.before.costing, filled: true, into: &doc) { $0.displayTitle }
        // Whom the deletions touch: the filled posts among them, for consultation.
        let headcount = posts.reduce(0) { $0 + $1.count }
        let filled = posts.reduce(0) { $0 + max(0, $1.count - $1.vacant) }
        if headcount > 0 {
            doc.paragraph(
                "Headcount of the posts deleted: \(Figures.grouped(headcount)), of which \(Figures.grouped(filled)) filled and \(Figures.grouped(headcount - filled)) vacant."
            )
        }
    }

    private func createdSection(into doc: inout ReportDocument) {
        let posts = comparison.created.compactMap { comparison.diff.changes[$0].proposed }
        postsSection("Posts created", posts, costing: comparison.after.costing, into: &doc) { post in
            var notes: [String] = []
            if post.temporary { notes.append("temporary") }
            if post.isVacant { notes.append("vacant") }
            return post.displayTitle + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")
        }
    }

    /// A table of whole posts (deleted or created), one row each, with their cost.
    private func postsSection(
        _ heading: String, _ posts: [Post], costing: PostCosting, filled: Bool = false, into doc: inout ReportDocument,
        title: (Post) -> String
    ) {
        doc.heading(3, "\(heading) (\(Figures.grouped(posts.count)))")
        guard !posts.isEmpty else { return doc.paragraph("None.") }
        var headers = ["Post", "Title", "Tier", "Reports to", "Grade", "FTE", "Annual cost"]
        var alignments: [ReportTable.Alignment] = [.left, .left, .right, .left, .left, .right, .right]
        if filled {
            headers.insert("Filled", at: 5)
            alignments.insert(.left, at: 5)
        }
        var table = ReportTable(headers: headers, alignments: alignments)
        for post in posts {
            var row = [
                post.id.rawValue, title(post), post.tier.map(String.init) ?? "", post.reportsTo?.rawValue ?? "",
                post.grade ?? "", Self.fteText(post, costing), Self.costText(costing.cost(of: post)),
            ]
            if filled { row.insert(Self.filledText(post), at: 5) }
            table.append(row)
        }
        doc.table(table)
    }

    /// "yes", "vacant", or "3 of 4" for a line partly filled.
    static func filledText(_ post: Post) -> String {
        if post.vacant == 0 { return "yes" }
        if post.isVacant { return "vacant" }
        return "\(post.count - post.vacant) of \(post.count)"
    }

    private func aspectSection(_ aspect: PostChange.Aspect, title: String, alwaysShown: Bool, into doc: inout ReportDocument) {
        let changes = comparison.changedIn[aspect] ?? []
        guard alwaysShown || !changes.isEmpty else { return }
        doc.heading(3, "\(title) (\(Figures.grouped(changes.count)))")
        guard !changes.isEmpty else { return doc.paragraph("None.") }
        let costingBefore = comparison.before.costing
        let costingAfter = comparison.after.costing
        var table: ReportTable
        switch aspect {
        case .title:
            table = ReportTable(headers: ["Post", "Title before", "Title after"])
        case .madePermanent, .madeTemporary:
            table = ReportTable(headers: ["Post", "Title", "Tier", "Annual cost"], alignments: [.left, .left, .right, .right])
        case .cost:
            table = ReportTable(
                headers: ["Post", "Title", "Before", "After", "Change"], alignments: [.left, .left, .right, .right, .right])
        case .fte, .headcount, .vacancies, .tier:
            table = ReportTable(headers: ["Post", "Title", "Before", "After"], alignments: [.left, .left, .right, .right])
        default:
            table = ReportTable(headers: ["Post", "Title", "Before", "After"])
        }
        for offset in changes {
            let change = comparison.diff.changes[offset]
            let id = Self.idText(change)
            // Both versions read where they lie: copying two posts a row was most of the
            // time a hundred thousand moves took.
            let row = change.readCurrent { old in
                change.readProposed { new in Self.row(aspect, id: id, old: old, new: new, before: costingBefore, after: costingAfter) }
            }
            if let row = row ?? nil { table.append(row) }
        }
        doc.table(table)
    }

    /// A kept post's row in the table of `aspect`: its id, title, and the two values.
    private static func row(
        _ aspect: PostChange.Aspect, id: String, old: Post, new: Post, before costingBefore: PostCosting, after costingAfter: PostCosting
    ) -> [String] {
        let title = new.displayTitle
        switch aspect {
        case .reportingLine:
            return [id, title, old.reportsTo?.rawValue ?? "(top)", new.reportsTo?.rawValue ?? "(top)"]
        case .title:
            return [id, old.displayTitle, new.displayTitle]
        case .tier:
            return [id, title, old.tier.map(String.init) ?? "none", new.tier.map(String.init) ?? "none"]
        case .grade:
            return [id, title, old.grade ?? "none", new.grade ?? "none"]
        case .fte:
            return [id, title, fteText(old, costingBefore), fteText(new, costingAfter)]
        case .cost:
            let a = costingBefore.cost(of: old)
            let b = costingAfter.cost(of: new)
            let change = a.flatMap { a in b.map { Figures.signedPounds($0 - a) } } ?? "unknown"
            return [id, title, costText(a), costText(b), change]
        case .madePermanent, .madeTemporary:
            return [id, title, new.tier.map(String.init) ?? "", costText(costingAfter.cost(of: new))]
        case .headcount:
            return [id, title, Figures.grouped(old.count), Figures.grouped(new.count)]
        case .vacancies:
            return [
                id, title, "\(Figures.grouped(min(old.vacant, old.count))) of \(Figures.grouped(old.count))",
                "\(Figures.grouped(min(new.vacant, new.count))) of \(Figures.grouped(new.count))",
            ]
        case .dottedLines:
            let a = old.dottedTo.map(\.rawValue).joined(separator: ", ")
            let b = new.dottedTo.map(\.rawValue).joined(separator: ", ")
            return [id, title, a.isEmpty ? "none" : a, b.isEmpty ? "none" : b]
        }
    }

    private func totalsSection(into doc: inout ReportDocument) {
        let before = comparison.before
        let after = comparison.after
        doc.heading(2, "Totals before → after")
        let groups = Set(before.tiers.map(\.group)).union(after.tiers.map(\.group)).sorted()
        var table = ReportTable(headers: ["Tier", "Posts", "Headcount", "FTE"])
        func row(_ analysis: StructureAnalysis, _ group: TierSummary.Group) -> TierSummary {
            analysis.tiers.first { $0.group == group }
                ?? TierSummary(group: group, label: TierSummary.label(for: group, rules: analysis.rules))
        }
        for group in groups {
            let a = row(before, group)
            let b = row(after, group)
            table.append([
                b.posts > 0 ? b.label : a.label, Self.arrow(a.posts, b.posts), Self.arrow(a.headcount, b.headcount),
                Self.arrow(a.fte, b.fte),
            ])
        }
        let a = before.totals
        let b = after.totals
        table.append(["Total", Self.arrow(a.posts, b.posts), Self.arrow(a.headcount, b.headcount), Self.arrow(a.fte, b.fte)])
        doc.table(table)

        var measures = ReportTable(headers: ["Measure", "Before", "After", "Change"], alignments: [.left, .right, .right, .right])
        func count(_ name: String, _ x: Int, _ y: Int) {
            measures.append([name, Figures.grouped(x), Figures.grouped(y), x == y ? "" : Figures.signed(y - x)])
        }
        func decimal(_ name: String, _ x: Double, _ y: Double) {
            // The change of the figures as printed (4.1 → 4.4 is +0.3, whatever the digits beyond).
            let change = Figures.signedDecimal(Self.rounded(y, 1) - Self.rounded(x, 1), places: 1)
            measures.append([name, Figures.decimal(x, places: 1), Figures.decimal(y, places: 1), change == "0" ? "" : change])
        }
        count("Manager posts (leading anyone)", before.ratios.managerPosts, after.ratios.managerPosts)
        count("Management headcount", before.ratios.managementHeadcount, after.ratios.managementHeadcount)
        count("Front-line headcount", before.ratios.frontLineHeadcount, after.ratios.frontLineHeadcount)
        count("Management layers (most)", before.layers.managementLayers, after.layers.managementLayers)
        count("Reporting steps to the deepest front line", before.layers.deepestFrontLine, after.layers.deepestFrontLine)
        decimal("Average span", before.ratios.meanSpan, after.ratios.meanSpan)
        count("Narrow spans", before.narrowSpans, after.narrowSpans)
        count("Wide spans", before.wideSpans, after.wideSpans)
        count("One-over-one managers", before.oneOverOne.managers.count, after.oneOverOne.managers.count)
        count("Errors", comparison.beforeFindings.errorCount, comparison.afterFindings.errorCount)
        count("Warnings", comparison.beforeFindings.warningCount, comparison.afterFindings.warningCount)
        count("Accepted deviations", comparison.beforeFindings.acceptedCount, comparison.afterFindings.acceptedCount)
        let net = comparison.netCostChange
        measures.append([
            "Annual cost", comparison.costBefore.text, comparison.costAfter.text,
            Figures.signedPounds(net.known) + (net.isComplete ? "" : " (known costs)"),
        ])
        doc.table(measures)
    }

    /// A total with its sign, unless nothing of it is known ("unknown (2 posts …)").
    static func signed(_ sign: String, _ total: CostTotal) -> String {
        total.known == 0 ? total.text : sign + total.text
    }

    private func costSection(into doc: inout ReportDocument) {
        let comparison = self.comparison
        doc.heading(2, "Cost of the change")
        let deleted = comparison.costOfDeleted
        let created = comparison.costOfCreated
        let kept = comparison.costChangeOfKept
        var facts: [ReportDocument.Fact] = [
            .init("Posts deleted", Self.signed("−", deleted)),
            .init("Posts created", Self.signed("+", created)),
            .init(
                "Kept posts' cost changes",
                Figures.signedPounds(kept.known)
                    + (kept.unknownPosts > 0 ? " (\(Plural.grouped(kept.unknownPosts, "post")) with a cost known on one side only)" : "")),
            .init("Net change", comparison.netCostChange.text),
        ]
        let permanent = comparison.madePermanent
        if !permanent.isEmpty {
            facts.append(
                .init(
                    "Temporary → permanent",
                    "\(Plural.grouped(comparison.madePermanentHeadcount, "post")): \(Figures.list(permanent.map(\.id.rawValue)))"))
        }
        doc.facts(facts)
        doc.paragraph(
            "Costs are annual, on-costs included; a post without a cost takes its grade's cost from the rule set, and a cost that is still unknown is counted as unknown, never as zero."
        )
    }

    /// The agreed deviations the proposed structure relies on, with their rationale and
    /// who agreed them when: what a design authority signs off with the proposal.
    private func deviationsSection(into doc: inout ReportDocument) {
        let accepted = comparison.afterFindings.findings.filter { $0.severity == .accepted && $0.deviation != nil }
        doc.heading(3, "Deviations the proposed structure relies on (\(Figures.grouped(accepted.count)))")
        guard !accepted.isEmpty else { return doc.paragraph("None: the proposed structure meets every rule without one.") }
        var table = ReportTable(headers: ["Post", "Rule", "Finding", "Rationale", "Agreed by", "Agreed on", "Review by"])
        for finding in accepted {
            guard let deviation = finding.deviation else { continue }
            let post =
                finding.post.map { id in
                    finding.postTitle.map { $0 == id.rawValue ? id.rawValue : "\(id) (\($0))" } ?? id.rawValue
                } ?? "—"
            table.append([
                post, finding.rule.rawValue, finding.message, deviation.statedRationale ?? "",
                Figures.andList(deviation.agreedBy), deviation.agreedOn?.description ?? "", deviation.reviewBy?.description ?? "",
            ])
        }
        doc.table(table)
    }

    private func findingsSection(into doc: inout ReportDocument) {
        let changes = comparison.findingChanges
        doc.heading(2, "Findings")
        doc.paragraph(
            "Errors and warnings against the rules, matched by rule and post (a post that replaces another is matched as that post).")
        var sections = [("Violations fixed", changes.fixed)]
        if !changes.accepted.isEmpty { sections.append(("Violations now accepted under a deviation", changes.accepted)) }
        sections.append(("Violations introduced", changes.introduced))
        for (title, findings) in sections {
            doc.heading(3, "\(title) (\(Figures.grouped(findings.count)))")
            guard !findings.isEmpty else {
                doc.paragraph("None.")
                continue
            }
            var table = ReportTable(headers: ["Rule", "Severity", "Post", "Finding"])
            for finding in findings {
                let post =
                    finding.post.map { id in
                        finding.postTitle.map { $0 == id.rawValue ? id.rawValue : "\(id) (\($0))" } ?? id.rawValue
                    } ?? "—"
                table.append([finding.rule.rawValue, finding.severity.rawValue, post, finding.message])
            }
            doc.table(table)
        }
    }
}
