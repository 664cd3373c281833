import OrgAnalysis
import OrgSupport

/// The options table in each format it is written in: text and Markdown from one
/// document, JSON from the same measures, so that they always agree.
extension OptionsComparison: Report {
    /// "Current", "Option 1", …: the column headings.
    public func heading(ofColumn column: Int) -> String { column == 0 ? "Current" : "Option \(column)" }

    /// The figure of `row` in `column` as the table prints it, "—" where the row does not apply.
    public func cell(_ row: Row, column: Int) -> String {
        let measures = columns[column]
        if row.optionsOnly {
            guard column > 0 else { return "—" }
            let option = options[column - 1]
            switch row {
            case .netChange:
                let net = option.netChange
                if net.nothingKnown { return "unknown" }
                return Figures.signedPounds(net.known) + (net.isComplete ? "" : " (known costs)")
            case .deleted: return Figures.grouped(option.deleted)
            case .created: return Figures.grouped(option.created)
            case .moved: return Figures.grouped(option.moved)
            default: return "—"
            }
        }
        switch row {
        case .fte: return Figures.decimal(measures.fte)
        case .meanSpan: return Figures.decimal(measures.meanSpan, places: 1)
        case .medianSpan: return Figures.decimal(measures.medianSpan, places: 1)
        case .annualCost: return measures.annualCost.text
        default: return value(row, column: column).map { Figures.grouped(Int($0)) } ?? "—"
        }
    }

    /// The structures, the table (the best value of each row marked ✓), the deviations
    /// each structure relies on, and how posts were matched where the files said otherwise.
    public func document() -> ReportDocument {
        var doc = ReportDocument()
        doc.heading(1, "Options: " + AnalysisReport.title(of: current.structure, file: current.file))
        doc.facts(
            columns.indices.map { column in
                let measures = columns[column]
                let title = AnalysisReport.title(of: measures.structure, file: measures.file)
                return .init(
                    heading(ofColumn: column), (measures.file.map { "\($0): " } ?? "") + title + ", rules \(measures.analysis.rules.name)")
            })

        doc.heading(2, "Side by side")
        var table = ReportTable(
            headers: ["Measure"] + columns.indices.map(heading(ofColumn:)),
            alignments: [.left] + columns.map { _ in .right })
        for row in rows {
            let best = best(row)
            table.append(
                [row.label]
                    + columns.indices.map { column in
                        cell(row, column: column) + (best.contains(column) ? " ✓" : "")
                    })
        }
        doc.table(table)
        doc.paragraph(
            "✓ marks the best value of a row: the fewest manager posts, management layers, narrow and wide spans, one-over-one managers, errors, warnings and findings accepted under a deviation; the lowest annual cost and net change (a saving is negative). Other rows have no better direction. A row whose values are all the same, or whose cost is not wholly known, is not marked."
        )

        doc.heading(2, "Deviations relied on")
        let relying = columns.indices.filter { !columns[$0].reliedOn.isEmpty }
        if relying.isEmpty {
            doc.paragraph("None: every structure meets its rules without one.")
        }
        for column in relying {
            let findings = columns[column].reliedOn
            doc.heading(3, "\(heading(ofColumn: column)) (\(findings.count))")
            doc.bullets(
                findings.compactMap { finding in
                    guard let deviation = finding.deviation else { return nil }
                    let agreed = deviation.agreedBy.isEmpty ? "" : ", agreed by " + Figures.andList(deviation.agreedBy)
                    let on = deviation.agreedOn.map { " on \($0)" } ?? ""
                    let review = deviation.reviewBy.map { ", review by \($0)" } ?? ""
                    return
                        "\(finding.post?.rawValue ?? "—") \(finding.rule.rawValue)\(agreed)\(on)\(review): \(deviation.statedRationale ?? "no rationale")"
                })
        }

        let notes = options.indices.flatMap { offset in
            options[offset].comparison.diff.notes.map { "\(heading(ofColumn: offset + 1)): \($0)" }
        }
        if !notes.isEmpty {
            doc.heading(2, "Notes")
            doc.bullets(notes)
        }
        return doc
    }

    public struct JSONNetChange: Encodable {
        /// Nil when no post on either side has a known cost.
        @JSONNull var known: Double?
        var unknownPostsBefore: Int
        var unknownPostsAfter: Int
        var complete: Bool
    }

    public struct JSONDeviation: Encodable {
        @JSONNull var post: String?
        var rule: String
        var finding: String
        @JSONNull var rationale: String?
        var agreedBy: [String]
        @JSONNull var agreedOn: String?
        @JSONNull var reviewBy: String?
        @JSONNull var line: Int?
    }

    /// One structure's entry; the option keys are left out of the current structure's.
    public struct JSONColumn: Encodable {
        @JSONNull var file: String?
        @JSONNull var name: String?
        @JSONNull var state: String?
        var rules: String
        var posts: Int
        var headcount: Int
        var fte: Double
        var frontLineHeadcount: Int
        var managerPosts: Int
        var managementLayers: Int
        var meanSpan: Double
        var medianSpan: Double
        var spanBands: [JSONBand]
        var narrowSpans: Int
        var wideSpans: Int
        var oneOverOne: Int
        var errors: Int
        var warnings: Int
        var accepted: Int
        var annualCost: JSONCost
        var deviations: [JSONDeviation]
        var netChange: JSONNetChange?
        var deleted: Int?
        var created: Int?
        var moved: Int?
    }

    public struct JSONReport: Encodable {
        var current: JSONColumn
        var options: [JSONColumn]
    }

    func jsonColumn(_ column: Int) -> JSONColumn {
        let measures = columns[column]
        let bands = rows.compactMap { row -> SpanBand? in
            if case .spanBand(let band) = row { return band }
            return nil
        }
        var entry = JSONColumn(
            file: measures.file, name: measures.structure.name, state: measures.structure.state?.rawValue,
            rules: measures.analysis.rules.name, posts: measures.posts, headcount: measures.headcount,
            fte: JSONFigure.tidy(measures.fte), frontLineHeadcount: measures.frontLineHeadcount, managerPosts: measures.managerPosts,
            managementLayers: measures.managementLayers, meanSpan: JSONFigure.tidy(measures.meanSpan),
            medianSpan: JSONFigure.tidy(measures.medianSpan),
            spanBands: bands.map { JSONBand(band: $0.rawValue, managers: measures.spanBands[$0, default: 0]) },
            narrowSpans: measures.narrowSpans, wideSpans: measures.wideSpans, oneOverOne: measures.oneOverOne,
            errors: measures.errors, warnings: measures.warnings, accepted: measures.accepted,
            annualCost: JSONCost(measures.annualCost),
            deviations: measures.reliedOn.compactMap { finding in
                guard let deviation = finding.deviation else { return nil }
                return JSONDeviation(
                    post: finding.post?.rawValue, rule: finding.rule.rawValue, finding: finding.message,
                    rationale: deviation.statedRationale, agreedBy: deviation.agreedBy, agreedOn: deviation.agreedOn?.description,
                    reviewBy: deviation.reviewBy?.description, line: deviation.line > 0 ? deviation.line : nil)
            })
        if column > 0 {
            let option = options[column - 1]
            let net = option.netChange
            entry.netChange = JSONNetChange(
                known: net.nothingKnown ? nil : net.known, unknownPostsBefore: net.unknownBefore,
                unknownPostsAfter: net.unknownAfter, complete: net.isComplete)
            entry.deleted = option.deleted
            entry.created = option.created
            entry.moved = option.moved
        }
        return entry
    }

    /// `{"current": {…}, "options": [{…}, …]}`: each entry with `file`, `name`, `state`,
    /// `rules`, the measures (`posts` … `accepted`), `annual_cost` (`known`,
    /// `unknown_posts`, `complete`) and the `deviations` relied on; each option also with
    /// `net_change` (a saving is negative), `deleted`, `created` and `moved`.
    public func jsonValue() -> JSONReport {
        JSONReport(current: jsonColumn(0), options: options.indices.map { jsonColumn($0 + 1) })
    }

    public var reportName: String { "the options" }
}
