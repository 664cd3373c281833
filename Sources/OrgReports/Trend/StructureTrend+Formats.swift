import OrgAnalysis
import OrgModel
import OrgSupport

/// The trend as each format writes it: text and Markdown from one `ReportDocument`, CSV
/// one row per snapshot, JSON one object per snapshot. Every format carries the same
/// figures, in `effective` order.
extension StructureTrend: Report {
    /// The report: the figures per snapshot, span bands, changes from the previous
    /// snapshot, the flags raised and why, the files, and the matching notes.
    public func document() -> ReportDocument {
        var doc = ReportDocument()
        doc.heading(1, "Trend: " + title)
        var facts = [ReportDocument.Fact("Snapshots", "\(snapshots.count)" + span)]
        facts.append(ReportDocument.Fact("Ids matched", matching.rawValue + " (--match-ids)"))
        doc.facts(facts)

        doc.heading(2, "Figures")
        var figures = ReportTable(
            headers: [
                "Effective", "Posts", "Headcount", "FTE", "Managers", "Layers", "Layers (managers)", "Mean span",
                "Median span", "Narrow", "Wide", "One-over-one", "Annual cost", "Flags",
            ],
            alignments: [.left] + Array(repeating: .right, count: 11) + [.left, .left])
        for snapshot in snapshots {
            figures.append([
                snapshot.effective.description, Figures.grouped(snapshot.posts), Figures.grouped(snapshot.headcount),
                Figures.decimal(snapshot.fte), Figures.grouped(snapshot.managerPosts), "\(snapshot.managementLayers)",
                "\(snapshot.managementOnlyLayers)", Figures.decimal(snapshot.meanSpan),
                Figures.decimal(snapshot.medianSpan, places: 1), Figures.grouped(snapshot.narrowSpans),
                Figures.grouped(snapshot.wideSpans), Figures.grouped(snapshot.oneOverOne), snapshot.annualCost.text,
                snapshot.flags.isEmpty ? "—" : snapshot.flags.map(\.rawValue).joined(separator: ", "),
            ])
        }
        doc.table(figures)
        doc.paragraph(
            "Managers are posts that lead anyone. Layers are the most management layers on a path from the top to the front line; "
                + "Layers (managers) the most on a path to any post, over management posts only, wherever the front line hangs. "
                + "Spans are over manager posts; narrow and wide against each tier's span rule.")

        doc.heading(2, "Span bands")
        let bands = bandsShown
        var bandTable = ReportTable(headers: ["Effective"] + bands.map(\.heading), alignments: [.left] + bands.map { _ in .right })
        for snapshot in snapshots {
            bandTable.append([snapshot.effective.description] + bands.map { Figures.grouped(snapshot.spanBands[$0, default: 0]) })
        }
        doc.table(bandTable)

        doc.heading(2, "Changes from the previous snapshot")
        var changes = ReportTable(
            headers: ["From", "To", "Deleted", "Created", "Moved"], alignments: [.left, .left, .right, .right, .right])
        for (previous, snapshot) in zip(snapshots, snapshots.dropFirst()) {
            guard let change = snapshot.changes else { continue }
            changes.append([
                previous.effective.description, snapshot.effective.description, Figures.grouped(change.deleted),
                Figures.grouped(change.created), Figures.grouped(change.moved),
            ])
        }
        doc.table(changes)
        doc.paragraph(
            "Posts matched by id (--match-ids \(matching.rawValue)), as compare matches them; moved: a post on both that reports to a different post."
        )

        doc.heading(2, "Flags")
        let reasons = flagReasons
        if reasons.isEmpty {
            doc.paragraph("No flags raised.")
        } else {
            doc.bullets(reasons)
            let raised = Set(snapshots.flatMap(\.flags)).sorted()
            doc.paragraph(raised.map { "\($0.rawValue): \($0.definition)." }.joined(separator: " "))
        }

        doc.heading(2, "Files")
        var files = ReportTable(headers: ["Effective", "File"])
        for snapshot in snapshots { files.append([snapshot.effective.description, snapshot.file]) }
        doc.table(files)

        let notes = zip(snapshots, snapshots.dropFirst()).flatMap { previous, snapshot in
            (snapshot.changes?.notes ?? []).map { "\(previous.effective) → \(snapshot.effective): \($0)" }
        }
        if !notes.isEmpty {
            doc.heading(2, "Notes")
            doc.bullets(notes)
        }
        return doc
    }

    /// ", 2011-03-31 to 2014-09-30", or "" for one snapshot.
    private var span: String {
        guard let first = snapshots.first, let last = snapshots.last, snapshots.count > 1 else { return "" }
        return ", \(first.effective) to \(last.effective)"
    }

    /// The bands 0, 1, 2–3, within and above the rule always; the rarer ones when a
    /// snapshot has them.
    var bandsShown: [SpanBand] {
        let always: Set<SpanBand> = [.none, .one, .twoToThree, .withinRule, .aboveRule]
        return SpanBand.allCases.filter { band in always.contains(band) || snapshots.contains { $0.spanBands[band, default: 0] > 0 } }
    }

    /// Each flag raised, with the figures that raised it: "2013-09-30 layer-creep: …".
    var flagReasons: [String] {
        var reasons: [String] = []
        for (offset, snapshot) in snapshots.enumerated() {
            for flag in snapshot.flags {
                let previous = (flag == .partial ? (offset > 0 ? snapshots[offset - 1] : nil) : comparedWith(offset)) ?? snapshot
                let reason: String
                switch flag {
                case .layerCreep:
                    let first = snapshots[0]
                    var against: [String] = []
                    if snapshot.managementLayers > previous.managementLayers {
                        against.append("up from \(previous.managementLayers) on \(previous.effective)")
                    }
                    if snapshot.managementLayers > first.managementLayers, previous.effective != first.effective {
                        against.append("above \(first.managementLayers) on the first, \(first.effective)")
                    }
                    reason = "management layers \(snapshot.managementLayers), " + against.joined(separator: " and ")
                case .spanCompression:
                    reason =
                        "mean span \(Figures.decimal(snapshot.meanSpan)), down "
                        + Figures.percent(previous.meanSpan - snapshot.meanSpan, of: previous.meanSpan)
                        + " from \(Figures.decimal(previous.meanSpan)) on \(previous.effective)"
                case .frontLineAtTop:
                    reason =
                        "\(Figures.grouped(snapshot.frontLineNearTop)) of \(Figures.grouped(snapshot.frontLineHeadcount)) front-line headcount ("
                        + Figures.percent(Double(snapshot.frontLineNearTop), of: Double(snapshot.frontLineHeadcount))
                        + ") reports to a top post or a post directly below one"
                case .partial:
                    let next = snapshots[min(offset + 1, snapshots.count - 1)]
                    reason =
                        "\(Plural.grouped(snapshot.posts, "post")), from \(Figures.grouped(previous.posts)) on \(previous.effective) "
                        + "and back to \(Figures.grouped(next.posts)) on \(next.effective)"
                }
                reasons.append("\(snapshot.effective) \(flag.rawValue): \(reason)")
            }
        }
        return reasons
    }

    /// The CSV columns, in order.
    public static let csvColumns: [String] =
        [
            "file", "effective", "posts", "headcount", "fte", "manager_posts", "management_layers", "management_only_layers",
            "mean_span", "median_span",
        ]
        + SpanBand.allCases.map { "span_band_" + $0.rawValue }
        + [
            "narrow_spans", "wide_spans", "one_over_one", "annual_cost_known", "annual_cost_unknown_posts",
            "annual_cost_unknown_headcount", "front_line_headcount", "front_line_near_top", "deleted", "created", "moved", "flags",
        ]

    /// One row per snapshot under `csvColumns`; the first snapshot's changes are empty,
    /// flags are separated by spaces. Every span band has its column, so the columns
    /// are the same for every series.
    public func csv() -> String {
        var out = CSVText.row(Self.csvColumns)
        for snapshot in snapshots {
            var cells = [
                snapshot.file, snapshot.effective.description, "\(snapshot.posts)", "\(snapshot.headcount)",
                Figures.plain(snapshot.fte, places: 4), "\(snapshot.managerPosts)", "\(snapshot.managementLayers)",
                "\(snapshot.managementOnlyLayers)", Figures.plain(snapshot.meanSpan, places: 4),
                Figures.plain(snapshot.medianSpan, places: 1),
            ]
            cells += SpanBand.allCases.map { "\(snapshot.spanBands[$0, default: 0])" }
            cells += [
                "\(snapshot.narrowSpans)", "\(snapshot.wideSpans)", "\(snapshot.oneOverOne)",
                Figures.plain(snapshot.annualCost.known, places: 2), "\(snapshot.annualCost.unknownPosts)",
                "\(snapshot.annualCost.unknownHeadcount)", "\(snapshot.frontLineHeadcount)", "\(snapshot.frontLineNearTop)",
                snapshot.changes.map { "\($0.deleted)" } ?? "", snapshot.changes.map { "\($0.created)" } ?? "",
                snapshot.changes.map { "\($0.moved)" } ?? "", snapshot.flags.map(\.rawValue).joined(separator: " "),
            ]
            out += CSVText.row(cells)
        }
        return out
    }

    /// `{"snapshots": [...]}`, one object per snapshot in `effective` order, snake_case
    /// keys; `changes_from_previous` is null on the first. Throws when a figure is not
    /// finite.
    public func jsonValue() -> JSONObject {
        JSONObject(["matchIds": matching.rawValue, "snapshots": snapshots.map(Self.jsonSnapshot)])
    }

    public var reportName: String { "the trend" }

    public func csvBytes() -> [UInt8] { Array(csv().utf8) }

    static func jsonSnapshot(_ snapshot: TrendSnapshot) -> JSONObject {
        let changes = snapshot.changes.map {
            JSONObject([
                "deleted": $0.deleted, "created": $0.created, "moved": $0.moved,
                "notes": $0.comparisonNotes.map { DiagnosticJSON($0) },
            ])
        }
        return JSONObject([
            "file": snapshot.file, "effective": snapshot.effective.description, "posts": snapshot.posts,
            "headcount": snapshot.headcount, "fte": JSONFigure.tidy(snapshot.fte), "managerPosts": snapshot.managerPosts,
            "managementLayers": snapshot.managementLayers, "managementOnlyLayers": snapshot.managementOnlyLayers,
            "meanSpan": JSONFigure.tidy(snapshot.meanSpan), "medianSpan": snapshot.medianSpan,
            "spanBands": SpanBand.allCases.map { JSONBand(band: $0.rawValue, managers: snapshot.spanBands[$0, default: 0]) },
            "narrowSpans": snapshot.narrowSpans, "wideSpans": snapshot.wideSpans, "oneOverOne": snapshot.oneOverOne,
            "annualCost": JSONCost(snapshot.annualCost), "frontLineHeadcount": snapshot.frontLineHeadcount,
            "frontLineNearTop": snapshot.frontLineNearTop, "flags": snapshot.flags.map(\.rawValue),
        ]).merging(
            // Null on the first snapshot, not left out: every object has every key.
            JSONObject(["changesFromPrevious": changes], nullWhenNil: true))
    }
}
