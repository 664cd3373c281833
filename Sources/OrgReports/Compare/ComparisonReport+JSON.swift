import OrgAnalysis
import OrgModel
import OrgSupport

/// The compare command's JSON: every key difference and total of the text report.
extension ComparisonReport {
    /// A JSON value of one of the simple kinds a change's before and after can take.
    public enum JSONScalar: Encodable {
        case text(String)
        case number(Double)
        case integer(Int)
        case flag(Bool)
        case list([String])
        case null

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .flag(let value): try container.encode(value)
            case .list(let value): try container.encode(value)
            case .null: try container.encodeNil()
            }
        }
    }

    public struct JSONSide: Encodable {
        var file: String?
        var name: String?
        var state: String?
        var effective: String?
        var rules: String
    }

    public struct JSONPost: Encodable {
        var id: String
        var title: String
        var tier: Int?
        var reportsTo: String?
        var grade: String?
        var fte: Double
        var cost: Double?
        var replaces: String?
        /// Posts in the line (headcount) and how many are vacant.
        var count: Int
        var vacant: Int

    }

    public struct JSONChange: Encodable {
        var id: String
        /// The current id, when the post was matched through `replaces`.
        var replaces: String?
        var title: String
        var before: JSONScalar
        var after: JSONScalar
    }

    public struct JSONPair<Value: Encodable>: Encodable {
        var before: Value
        var after: Value
    }

    public struct JSONTierTotals: Encodable {
        var group: String
        var label: String
        var posts: JSONPair<Int>
        var headcount: JSONPair<Int>
        var fte: JSONPair<Double>
    }

    public struct JSONNetCost: Encodable {
        var known: Double
        var complete: Bool
    }

    public struct JSONTotals: Encodable {
        var tiers: [JSONTierTotals]
        var posts: JSONPair<Int>
        var headcount: JSONPair<Int>
        var fte: JSONPair<Double>
        var managerPosts: JSONPair<Int>
        var managementLayers: JSONPair<Int>
        var deepestFrontLine: JSONPair<Int>
        var averageSpan: JSONPair<Double>
        var narrowSpans: JSONPair<Int>
        var wideSpans: JSONPair<Int>
        var oneOverOne: JSONPair<Int>
        var errors: JSONPair<Int>
        var warnings: JSONPair<Int>
        var accepted: JSONPair<Int>
        var cost: JSONPair<JSONCost>
        var netCostChange: JSONNetCost
        var costOfDeleted: JSONCost
        var costOfCreated: JSONCost
        var costChangeOfKept: JSONCost

    }

    public struct JSONReport: Encodable {
        var current: JSONSide
        var proposed: JSONSide
        var deleted: [JSONPost]
        var created: [JSONPost]
        var changed: [String: [JSONChange]]
        var totals: JSONTotals
        var findings: FindingChangesJSON
        var deviations: [JSONDeviation]
        var notes: [DiagnosticJSON]
    }

    /// An agreed deviation the proposed structure relies on.
    public struct JSONDeviation: Encodable {
        var post: String?
        var rule: String
        var message: String
        var rationale: String?
        var agreedBy: [String]
        var agreedOn: String?
        var reviewBy: String?

    }

    public var reportName: String { "the comparison" }

    /// An object with `current` and `proposed` (file, name, state, rules), `deleted` and
    /// `created` posts, `changed` (by aspect: `moved`, `re_tiered`, `retitled`,
    /// `re_graded`, `fte`, `cost`, `made_permanent`, … each a list of `{id, title, before,
    /// after}`), `totals` (each a `{before, after}` pair; costs as `{known,
    /// unknown_posts, complete}`), `findings` (`fixed`, `accepted`, `introduced`),
    /// `deviations` (the agreed ones the proposed structure relies on) and
    /// `notes` (how posts were matched where the files could not be followed as written).
    public func jsonValue() -> JSONReport {
        let comparison = self.comparison
        let diff = comparison.diff
        let before = comparison.before
        let after = comparison.after
        func side(_ structure: Structure, _ file: String?, _ rules: RuleSet) -> JSONSide {
            JSONSide(
                file: file, name: structure.name, state: structure.state?.rawValue, effective: structure.effective?.description,
                rules: rules.name)
        }
        func post(_ post: Post, _ costing: PostCosting) -> JSONPost {
            JSONPost(
                id: post.id.rawValue, title: post.displayTitle, tier: post.tier, reportsTo: post.reportsTo?.rawValue,
                grade: post.grade, fte: JSONFigure.tidy(costing.fte(of: post)), cost: costing.cost(of: post),
                replaces: post.replaces?.rawValue,
                count: post.count, vacant: min(post.vacant, post.count))
        }
        let changed = changedJSON()
        let totals = totalsJSON()
        let report = JSONReport(
            current: side(diff.current, currentFile, before.rules), proposed: side(diff.proposed, proposedFile, after.rules),
            deleted: comparison.deleted.compactMap { diff.changes[$0].current.map { post($0, before.costing) } },
            created: comparison.created.compactMap { diff.changes[$0].proposed.map { post($0, after.costing) } },
            changed: changed, totals: totals,
            findings: FindingChangesJSON(comparison.findingChanges),
            deviations: comparison.afterFindings.findings.compactMap { finding in
                guard finding.severity == .accepted, let deviation = finding.deviation else { return nil }
                return JSONDeviation(
                    post: finding.post?.rawValue, rule: finding.rule.rawValue, message: finding.message,
                    rationale: deviation.statedRationale, agreedBy: deviation.agreedBy,
                    agreedOn: deviation.agreedOn?.description, reviewBy: deviation.reviewBy?.description)
            },
            notes: diff.comparisonNotes.map { DiagnosticJSON($0) })
        return report
    }

    /// The changes by aspect, keyed by the aspect's name in snake_case (`re_graded`).
    private func changedJSON() -> [String: [JSONChange]] {
        let comparison = self.comparison
        let diff = comparison.diff
        let before = comparison.before
        let after = comparison.after
        var changed: [String: [JSONChange]] = [:]
        for aspect in PostChange.Aspect.allCases {
            var entries: [JSONChange] = []
            for offset in comparison.changedIn[aspect] ?? [] {
                let change = diff.changes[offset]
                guard let old = change.current, let new = change.proposed else { continue }
                let values: (JSONScalar, JSONScalar)
                switch aspect {
                case .reportingLine:
                    values = (old.reportsTo.map { .text($0.rawValue) } ?? .null, new.reportsTo.map { .text($0.rawValue) } ?? .null)
                case .title: values = (.text(old.title), .text(new.title))
                case .tier: values = (old.tier.map { .integer($0) } ?? .null, new.tier.map { .integer($0) } ?? .null)
                case .grade: values = (old.grade.map { .text($0) } ?? .null, new.grade.map { .text($0) } ?? .null)
                case .fte:
                    values = (.number(JSONFigure.tidy(before.costing.fte(of: old))), .number(JSONFigure.tidy(after.costing.fte(of: new))))
                case .cost:
                    values = (
                        before.costing.cost(of: old).map { .number($0) } ?? .null, after.costing.cost(of: new).map { .number($0) } ?? .null
                    )
                case .headcount: values = (.integer(old.count), .integer(new.count))
                case .vacancies: values = (.integer(old.vacant), .integer(new.vacant))
                case .madePermanent, .madeTemporary: values = (.flag(old.temporary), .flag(new.temporary))
                case .dottedLines: values = (.list(old.dottedTo.map(\.rawValue)), .list(new.dottedTo.map(\.rawValue)))
                }
                entries.append(
                    JSONChange(
                        id: new.id.rawValue, replaces: change.matchedByReplacement ? old.id.rawValue : nil,
                        title: new.displayTitle, before: values.0, after: values.1))
            }
            if !entries.isEmpty { changed[ReportJSON.key(aspect.rawValue)] = entries }
        }
        return changed
    }

    /// The totals, each a `{before, after}` pair, and the cost changes.
    private func totalsJSON() -> JSONTotals {
        let comparison = self.comparison
        let before = comparison.before
        let after = comparison.after
        let groups = Set(before.tiers.map(\.group)).union(after.tiers.map(\.group)).sorted()
        let tiers = groups.map { group -> JSONTierTotals in
            let a = before.tiers.first { $0.group == group }
            let b = after.tiers.first { $0.group == group }
            return JSONTierTotals(
                group: group.key, label: (b ?? a)?.label ?? group.key,
                posts: JSONPair(before: a?.posts ?? 0, after: b?.posts ?? 0),
                headcount: JSONPair(before: a?.headcount ?? 0, after: b?.headcount ?? 0),
                fte: JSONPair(before: JSONFigure.tidy(a?.fte ?? 0), after: JSONFigure.tidy(b?.fte ?? 0)))
        }
        let a = before.totals
        let b = after.totals
        return JSONTotals(
            tiers: tiers, posts: JSONPair(before: a.posts, after: b.posts),
            headcount: JSONPair(before: a.headcount, after: b.headcount),
            fte: JSONPair(before: JSONFigure.tidy(a.fte), after: JSONFigure.tidy(b.fte)),
            managerPosts: JSONPair(before: before.ratios.managerPosts, after: after.ratios.managerPosts),
            managementLayers: JSONPair(before: before.layers.managementLayers, after: after.layers.managementLayers),
            deepestFrontLine: JSONPair(before: before.layers.deepestFrontLine, after: after.layers.deepestFrontLine),
            averageSpan: JSONPair(before: JSONFigure.tidy(before.ratios.meanSpan), after: JSONFigure.tidy(after.ratios.meanSpan)),
            narrowSpans: JSONPair(before: Self.spanCount(before, \.narrow), after: Self.spanCount(after, \.narrow)),
            wideSpans: JSONPair(before: Self.spanCount(before, \.wide), after: Self.spanCount(after, \.wide)),
            oneOverOne: JSONPair(before: before.oneOverOne.managers.count, after: after.oneOverOne.managers.count),
            errors: JSONPair(before: comparison.beforeFindings.errorCount, after: comparison.afterFindings.errorCount),
            warnings: JSONPair(before: comparison.beforeFindings.warningCount, after: comparison.afterFindings.warningCount),
            accepted: JSONPair(before: comparison.beforeFindings.acceptedCount, after: comparison.afterFindings.acceptedCount),
            cost: JSONPair(before: JSONCost(comparison.costBefore), after: JSONCost(comparison.costAfter)),
            netCostChange: JSONNetCost(known: comparison.netCostChange.known, complete: comparison.netCostChange.isComplete),
            costOfDeleted: JSONCost(comparison.costOfDeleted), costOfCreated: JSONCost(comparison.costOfCreated),
            costChangeOfKept: JSONCost(comparison.costChangeOfKept))
    }
}
