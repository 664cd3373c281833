import Foundation

/// The analyse command's JSON: every figure of the text report, plus each post's remit.
extension AnalysisReport {
    struct JSONCost: Encodable {
        /// The sum of the known costs.
        var known: Double
        /// Headcount whose cost is not known (the sum leaves them out).
        var unknownPosts: Int
        var complete: Bool

        init(_ total: CostTotal) {
            known = total.known
            unknownPosts = total.unknownPosts
            complete = total.isComplete
        }

        enum CodingKeys: String, CodingKey {
            case known, complete
            case unknownPosts = "unknown_posts"
        }
    }

    struct JSONSpans: Encodable {
        var posts: Int
        var min: Int
        var median: Double
        var mean: Double
        var max: Int
        var ruleMin: Int?
        var ruleMax: Int?
        var within: Int?
        var narrow: Int?
        var wide: Int?
        var bands: [String: Int]

        enum CodingKeys: String, CodingKey {
            case posts, min, median, mean, max, within, narrow, wide, bands
            case ruleMin = "rule_min", ruleMax = "rule_max"
        }
    }

    struct JSONTier: Encodable {
        var group: String
        var tier: Int?
        var label: String
        var posts: Int
        var headcount: Int
        var fte: Double
        var cost: JSONCost
        var vacant: Int
        var temporary: Int
        var spans: JSONSpans?
    }

    struct JSONLayer: Encodable {
        var layer: Int
        var posts: Int
        var headcount: Int
        var managers: Int
    }

    struct JSONBranch: Encodable {
        var post: String
        var title: String
        var tier: Int?
        var headcount: Int
        var managementLayers: Int
        var deepestFrontLine: Int

        enum CodingKeys: String, CodingKey {
            case post, title, tier, headcount
            case managementLayers = "management_layers", deepestFrontLine = "deepest_front_line"
        }
    }

    struct JSONLayers: Encodable {
        var deepestFrontLine: Int
        var meanToFrontLine: Double
        var managementLayers: Int
        var allowedLayers: Int?
        var unplacedPosts: Int
        var profile: [JSONLayer]
        var branches: [JSONBranch]

        enum CodingKeys: String, CodingKey {
            case profile, branches
            case deepestFrontLine = "deepest_front_line", meanToFrontLine = "mean_to_front_line"
            case managementLayers = "management_layers", allowedLayers = "allowed_layers"
            case unplacedPosts = "unplaced_posts"
        }
    }

    struct JSONOneOverOne: Encodable {
        var post: String
        var title: String
        var tier: Int?
        var report: String
    }

    struct JSONRatios: Encodable {
        var managementHeadcount: Int
        var frontLineHeadcount: Int
        var assistantHeadcount: Int
        var frontLinePerManager: Double?
        var managerPosts: Int
        var meanSpan: Double
        var managementCost: JSONCost
        var managementCostShare: Double?
        var vacantHeadcount: Int
        var vacancyRate: Double?
        var temporaryHeadcount: Int

        enum CodingKeys: String, CodingKey {
            case managementHeadcount = "management_headcount", frontLineHeadcount = "front_line_headcount"
            case assistantHeadcount = "assistant_headcount", frontLinePerManager = "front_line_per_manager"
            case managerPosts = "manager_posts", meanSpan = "mean_span", managementCost = "management_cost"
            case managementCostShare = "management_cost_share", vacantHeadcount = "vacant_headcount"
            case vacancyRate = "vacancy_rate", temporaryHeadcount = "temporary_headcount"
        }
    }

    struct JSONPost: Encodable {
        var id: String
        var tier: Int?
        var span: Int
        var layer: Int?
        var remitHeadcount: Int?
        var remitFTE: Double?
        var remitCost: JSONCost?

        enum CodingKeys: String, CodingKey {
            case id, tier, span, layer
            case remitHeadcount = "remit_headcount", remitFTE = "remit_fte", remitCost = "remit_cost"
        }
    }

    struct JSONReport: Encodable {
        var file: String?
        var name: String?
        var state: String?
        var rules: String
        var posts: Int
        var headcount: Int
        var fte: Double
        var cost: JSONCost
        var tiers: [JSONTier]
        var layers: JSONLayers
        var oneOverOne: [JSONOneOverOne]
        var oneOverOneChains: [[String]]
        var ratios: JSONRatios
        var remits: [JSONPost]

        enum CodingKeys: String, CodingKey {
            case file, name, state, rules, posts, headcount, fte, cost, tiers, layers, ratios, remits
            case oneOverOne = "one_over_one", oneOverOneChains = "one_over_one_chains"
        }
    }

    /// Rounds FTE sums so that float noise (0.30000000000000004) stays out of the JSON.
    private static func tidy(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// An object with the structure's totals, `tiers`, `layers`, `one_over_one`,
    /// `ratios` and `remits` (one entry per post, in file order). Costs are objects
    /// `{known, unknown_posts, complete}`: a cost never reads as zero for being unknown.
    public func json() -> String {
        let analysis = self.analysis
        let structure = analysis.structure
        let index = analysis.index
        let totals = analysis.totals
        let remits = analysis.remits
        let tiers = analysis.tiers.map { row -> JSONTier in
            var tier: Int?
            if case .tier(let number) = row.group { tier = number }
            let spans = row.spans.map { spans in
                JSONSpans(
                    posts: spans.posts, min: spans.min, median: spans.median, mean: Self.tidy(spans.mean), max: spans.max,
                    ruleMin: spans.rule?.min, ruleMax: spans.rule?.max, within: spans.within, narrow: spans.narrow,
                    wide: spans.wide, bands: Dictionary(uniqueKeysWithValues: spans.bands.map { ($0.key.rawValue, $0.value) }))
            }
            return JSONTier(
                group: row.group.key, tier: tier, label: row.label, posts: row.posts, headcount: row.headcount,
                fte: Self.tidy(row.fte), cost: JSONCost(row.cost), vacant: row.vacant, temporary: row.temporary, spans: spans)
        }
        let layers = analysis.layers
        let ratios = analysis.ratios
        var posts: [JSONPost] = []
        posts.reserveCapacity(index.posts.count)
        for (position, post) in index.posts.enumerated() {
            let placed = remits.isPlaced[position]
            posts.append(JSONPost(
                id: post.id.rawValue, tier: post.tier, span: index.span[position],
                layer: placed ? index.depth[position] : nil,
                remitHeadcount: placed ? remits.headcount[position] : nil,
                remitFTE: placed ? Self.tidy(remits.fte[position]) : nil,
                remitCost: placed ? JSONCost(remits.cost(position)) : nil))
        }
        let report = JSONReport(
            file: file, name: structure.name, state: structure.state?.rawValue, rules: analysis.rules.name,
            posts: totals.posts, headcount: totals.headcount, fte: Self.tidy(totals.fte), cost: JSONCost(totals.cost),
            tiers: tiers,
            layers: JSONLayers(
                deepestFrontLine: layers.deepestFrontLine, meanToFrontLine: Self.tidy(layers.meanToFrontLine),
                managementLayers: layers.managementLayers, allowedLayers: layers.allowedLayers, unplacedPosts: layers.unplaced,
                profile: layers.profile.map { JSONLayer(layer: $0.layer, posts: $0.posts, headcount: $0.headcount, managers: $0.managers) },
                branches: layers.branches.map {
                    JSONBranch(
                        post: $0.post.rawValue, title: $0.title, tier: $0.tier, headcount: $0.headcount,
                        managementLayers: $0.managementLayers, deepestFrontLine: $0.deepestFrontLine)
                }),
            oneOverOne: analysis.oneOverOne.managers.map {
                JSONOneOverOne(post: $0.post.rawValue, title: $0.title, tier: $0.tier, report: $0.report.rawValue)
            },
            oneOverOneChains: analysis.oneOverOne.chains.map { $0.map(\.rawValue) },
            ratios: JSONRatios(
                managementHeadcount: ratios.managementHeadcount, frontLineHeadcount: ratios.frontLineHeadcount,
                assistantHeadcount: ratios.assistantHeadcount, frontLinePerManager: ratios.frontLinePerManager.map(Self.tidy),
                managerPosts: ratios.managerPosts, meanSpan: Self.tidy(ratios.meanSpan),
                managementCost: JSONCost(ratios.managementCost),
                managementCostShare: ratios.totalCost.known > 0 ? Self.tidy(ratios.managementCost.known / ratios.totalCost.known) : nil,
                vacantHeadcount: ratios.vacantHeadcount,
                vacancyRate: ratios.headcount > 0 ? Self.tidy(Double(ratios.vacantHeadcount) / Double(ratios.headcount)) : nil,
                temporaryHeadcount: ratios.temporaryHeadcount),
            remits: posts)
        return ReportJSON.encode(report)
    }
}

/// Encodes reports the same way everywhere: pretty, sorted keys, a final newline.
enum ReportJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
