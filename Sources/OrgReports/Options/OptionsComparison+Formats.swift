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

    /// One structure's entry; the option keys are left out of the current structure's.
    func jsonColumn(_ column: Int) -> JSONObject {
        let measures = columns[column]
        let bands = rows.compactMap { row -> SpanBand? in
            if case .spanBand(let band) = row { return band }
            return nil
        }
        let deviations = measures.reliedOn.compactMap { finding -> JSONObject? in
            guard let deviation = finding.deviation else { return nil }
            return JSONObject(
                [
                    "post": finding.post?.rawValue, "rule": finding.rule.rawValue, "finding": finding.message,
                    "line": deviation.line > 0 ? deviation.line : nil,
                ], nullWhenNil: true
            ).merging(.agreement(deviation, nullWhenNil: true))
        }
        let entry = JSONObject.identity(file: measures.file, measures.structure, rules: measures.analysis.rules, nullWhenNil: true)
            .merging(.measures(measures.analysis, measures.findings)).merging(
                JSONObject([
                    "fte": JSONFigure.tidy(measures.fte), "medianSpan": JSONFigure.tidy(measures.medianSpan),
                    "spanBands": bands.map { JSONBand(band: $0.rawValue, managers: measures.spanBands[$0, default: 0]) },
                    "oneOverOne": measures.oneOverOne, "annualCost": JSONCost(measures.annualCost), "deviations": deviations,
                ]))
        guard column > 0 else { return entry }
        let option = options[column - 1]
        let net = option.netChange
        // Nil when no post on either side has a known cost.
        let netChange = JSONObject(
            [
                "known": net.nothingKnown ? nil : net.known, "unknownPostsBefore": net.unknownBefore,
                "unknownPostsAfter": net.unknownAfter, "complete": net.isComplete,
            ], nullWhenNil: true)
        return entry.merging(
            JSONObject(["netChange": netChange, "deleted": option.deleted, "created": option.created, "moved": option.moved]))
    }

    /// `{"current": {…}, "options": [{…}, …]}`: each entry with `file`, `name`, `state`,
    /// `rules`, the measures (`posts` … `accepted`), `annual_cost` (`known`,
    /// `unknown_posts`, `complete`) and the `deviations` relied on; each option also with
    /// `net_change` (a saving is negative), `deleted`, `created` and `moved`.
    public func jsonValue() -> JSONObject {
        JSONObject(["current": jsonColumn(0), "options": options.indices.map { jsonColumn($0 + 1) }])
    }

    public var reportName: String { "the options" }
}
