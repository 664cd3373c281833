import Foundation
import OrgAnalysis
import OrgSupport

/// The analyse command's JSON: every figure of the text report, plus each post's remit.
extension AnalysisReport {
    /// An object with the structure's totals, `tiers`, `layers`, `one_over_one`,
    /// `ratios`, and last `remits`: one compact object per post and line, in file order,
    /// with `id`, `tier`, `span`, `layer`, `remit_headcount`, `remit_fte` and `remit_cost`
    /// (null for a post in a reporting loop). Costs are objects `{known, unknown_posts,
    /// complete}`: a cost never reads as zero for being unknown.
    ///
    /// The summary goes through `JSONEncoder`; the per-post list is written as bytes, as
    /// it runs to a million entries (the encoder took 27 s and 1.8 GB for those).
    public func jsonBytes() throws(ReportError) -> [UInt8] { Self.joined(try jsonParts()) }

    /// The JSON in parts: the summary and the opening of `remits`, the remits in parts
    /// (see `perPostBytes`), and the closing.
    func jsonParts() throws(ReportError) -> [any ContiguousBytes & Sendable] {
        var head = Array(try ReportJSON.encode(jsonValue(), what: reportName).utf8)
        // Replace the summary's closing "}" with the remits and a new closing brace.
        while let last = head.last, last == 0x0A || last == 0x20 || last == 0x7D {
            head.removeLast()
            if last == 0x7D { break }
        }
        head.append(contentsOf: Array(",\n  \"remits\" : [".utf8))
        return [head] + remitLines() + [Array("\n  ]\n}\n".utf8)]
    }

    public func renderedParts(_ format: OutputFormat) throws(ReportError) -> [any ContiguousBytes & Sendable] {
        switch format {
        case .json: try jsonParts()
        case .csv: csvParts()
        default: [try rendered(format)]
        }
    }

    /// ",\n    {…}" for each post but the first, which has no comma, in parts (see `perPostBytes`).
    private func remitLines() -> [any ContiguousBytes & Sendable] {
        let index = analysis.index
        let posts = index.posts
        let remits = analysis.remits
        // The fixed pieces are static text: nothing is made, or counted, once a post (the
        // two halves run on two cores, and would contend for one shared array's count).
        return Self.perPostBytes(count: posts.count, reserving: 256) { position, out in
            out.append(static: position == 0 ? "\n    {\"id\":" : ",\n    {\"id\":")
            QuotedText.append(posts[position].id.rawValue, to: &out)
            out.append(static: ",\"tier\":")
            if let tier = posts[position].tier { CSVCell.append(tier, to: &out) } else { out.append(static: "null") }
            out.append(static: ",\"span\":")
            CSVCell.append(index.span[position], to: &out)
            guard remits.isPlaced[position] else {
                out.append(static: ",\"layer\":null,\"remit_headcount\":null,\"remit_fte\":null,\"remit_cost\":null}")
                return
            }
            out.append(static: ",\"layer\":")
            CSVCell.append(index.depth[position], to: &out)
            out.append(static: ",\"remit_headcount\":")
            CSVCell.append(remits.headcount[position], to: &out)
            out.append(static: ",\"remit_fte\":")
            CSVCell.append(remits.fte[position], to: &out)
            let unknown = remits.unknownCostPosts[position]
            if unknown == 0 {
                out.append(static: ",\"remit_cost\":{\"complete\":true,\"known\":")
            } else {
                out.append(static: ",\"remit_cost\":{\"complete\":false,\"known\":")
            }
            CSVCell.append(remits.knownCost[position], to: &out)
            out.append(static: ",\"unknown_posts\":")
            CSVCell.append(unknown, to: &out)
            out.append(static: "}}")
        }
    }

    public var reportName: String { "the analysis" }

    /// The summary: everything but the per-post remits, which `jsonBytes` adds.
    public func jsonValue() -> JSONObject {
        let analysis = self.analysis
        let totals = analysis.totals
        let layers = analysis.layers
        return JSONObject.identity(file: file, analysis.structure, rules: analysis.rules).merging(
            JSONObject([
                "posts": totals.posts, "headcount": totals.headcount, "fte": JSONFigure.tidy(totals.fte),
                "cost": JSONCost(totals.cost), "tiers": analysis.tiers.map(Self.jsonTier),
                "layers": JSONObject([
                    "deepestFrontLine": layers.deepestFrontLine, "meanToFrontLine": JSONFigure.tidy(layers.meanToFrontLine),
                    "managementLayers": layers.managementLayers, "allowedLayers": layers.allowedLayers,
                    "unplacedPosts": layers.unplaced,
                    "profile": layers.profile.map {
                        JSONObject(["layer": $0.layer, "posts": $0.posts, "headcount": $0.headcount, "managers": $0.managers])
                    },
                    "branches": layers.branches.map {
                        JSONObject([
                            "post": $0.post.rawValue, "title": $0.title, "tier": $0.tier, "headcount": $0.headcount,
                            "managementLayers": $0.managementLayers, "deepestFrontLine": $0.deepestFrontLine,
                        ])
                    },
                ]),
                "oneOverOne": analysis.oneOverOne.managers.map {
                    JSONObject(["post": $0.post.rawValue, "title": $0.title, "tier": $0.tier, "report": $0.report.rawValue])
                },
                "oneOverOneChains": analysis.oneOverOne.chains.map { $0.map(\.rawValue) },
                "ratios": Self.jsonRatios(analysis.ratios),
            ]))
    }

    /// A tier's (or the untiered posts') totals and, where it has managers, their spans.
    static func jsonTier(_ row: TierSummary) -> JSONObject {
        var tier: Int?
        if case .tier(let number) = row.group { tier = number }
        let spans = row.spans.map { spans in
            JSONObject([
                "posts": spans.posts, "min": spans.min, "median": spans.median, "mean": JSONFigure.tidy(spans.mean),
                "max": spans.max, "ruleMin": spans.rule?.min, "ruleMax": spans.rule?.max, "within": spans.within,
                "narrow": spans.narrow, "wide": spans.wide,
                // Managers per band, in band order (bands with none left out).
                "bands": spans.bands.sorted { $0.key < $1.key }.map { JSONBand(band: $0.key.rawValue, managers: $0.value) },
            ])
        }
        return JSONObject([
            "group": row.group.key, "tier": tier, "label": row.label, "posts": row.posts, "headcount": row.headcount,
            "fte": JSONFigure.tidy(row.fte), "cost": JSONCost(row.cost), "vacant": row.vacant, "temporary": row.temporary,
            "spans": spans,
        ])
    }

    static func jsonRatios(_ ratios: StructureRatios) -> JSONObject {
        JSONObject([
            "managementHeadcount": ratios.managementHeadcount, "frontLineHeadcount": ratios.frontLineHeadcount,
            "assistantHeadcount": ratios.assistantHeadcount,
            "frontLinePerManager": ratios.frontLinePerManager.map(JSONFigure.tidy), "managerPosts": ratios.managerPosts,
            "meanSpan": JSONFigure.tidy(ratios.meanSpan), "managementCost": JSONCost(ratios.managementCost),
            "managementCostShare": ratios.totalCost.known > 0
                ? JSONFigure.tidy(ratios.managementCost.known / ratios.totalCost.known) : nil,
            "vacantHeadcount": ratios.vacantHeadcount,
            "vacancyRate": ratios.headcount > 0 ? JSONFigure.tidy(Double(ratios.vacantHeadcount) / Double(ratios.headcount)) : nil,
            "temporaryHeadcount": ratios.temporaryHeadcount,
        ])
    }
}
