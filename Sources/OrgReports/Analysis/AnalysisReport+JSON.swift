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
    public func jsonBytes() throws(ReportError) -> [UInt8] {
        var out = Array(try ReportJSON.encode(jsonValue(), what: reportName).utf8)
        // Replace the summary's closing "}" with the remits and a new closing brace.
        while let last = out.last, last == 0x0A || last == 0x20 || last == 0x7D {
            out.removeLast()
            if last == 0x7D { break }
        }
        out.append(contentsOf: Array(",\n  \"remits\" : [".utf8))
        let halves = remitLines()
        var first = true
        for half in halves where !half.isEmpty {
            out.append(contentsOf: first ? half.dropFirst() : half[...])  // drop the leading ","
            first = false
        }
        out.append(contentsOf: Array("\n  ]\n}\n".utf8))
        return out
    }

    /// ",\n    {…}" for each post, in one or two parts (see `perPostBytes`).
    private func remitLines() -> [[UInt8]] {
        let index = analysis.index
        let posts = index.posts
        let remits = analysis.remits
        return perPostBytes(reserving: 150) { position, out in
            func key(_ name: String) {
                out.append(0x22)
                out.append(contentsOf: name.utf8)
                out.append(contentsOf: [0x22, 0x3A])
            }
            out.append(contentsOf: Array(",\n    {".utf8))
            key("id")
            JSONText.append(posts[position].id.rawValue, to: &out)
            out.append(0x2C)
            key("tier")
            if let tier = posts[position].tier { CSVCell.append(tier, to: &out) } else { out.append(contentsOf: Array("null".utf8)) }
            out.append(0x2C)
            key("span")
            CSVCell.append(index.span[position], to: &out)
            out.append(0x2C)
            guard remits.isPlaced[position] else {
                out.append(contentsOf: Array("\"layer\":null,\"remit_headcount\":null,\"remit_fte\":null,\"remit_cost\":null}".utf8))
                return
            }
            key("layer")
            CSVCell.append(index.depth[position], to: &out)
            out.append(0x2C)
            key("remit_headcount")
            CSVCell.append(remits.headcount[position], to: &out)
            out.append(0x2C)
            key("remit_fte")
            CSVCell.append(remits.fte[position], to: &out)
            out.append(0x2C)
            key("remit_cost")
            let unknown = remits.unknownCostPosts[position]
            out.append(contentsOf: Array("{\"complete\":\(unknown == 0),\"known\":".utf8))
            CSVCell.append(remits.knownCost[position], to: &out)
            out.append(contentsOf: Array(",\"unknown_posts\":".utf8))
            CSVCell.append(unknown, to: &out)
            out.append(contentsOf: [0x7D, 0x7D])
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
