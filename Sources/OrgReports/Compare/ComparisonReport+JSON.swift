import OrgAnalysis
import OrgModel
import OrgSupport

/// The compare command's JSON: every key difference and total of the text report.
extension ComparisonReport {
    public struct JSONPair<Value: Encodable>: Encodable {
        var before: Value
        var after: Value
    }

    public var reportName: String { "the comparison" }

    /// An object with `current` and `proposed` (file, name, state, rules), `deleted` and
    /// `created` posts, `changed` (by aspect: `moved`, `re_tiered`, `retitled`,
    /// `re_graded`, `fte`, `cost`, `made_permanent`, … each a list of `{id, title, before,
    /// after}`), `totals` (each a `{before, after}` pair; costs as `{known,
    /// unknown_posts, complete}`), `findings` (`fixed`, `accepted`, `introduced`),
    /// `deviations` (the agreed ones the proposed structure relies on) and
    /// `notes` (how posts were matched where the files could not be followed as written).
    public func jsonValue() -> JSONObject {
        let comparison = self.comparison
        let diff = comparison.diff
        let before = comparison.before
        let after = comparison.after
        func side(_ structure: Structure, _ file: String?, _ rules: RuleSet) -> JSONObject {
            JSONObject.identity(file: file, structure, rules: rules)
                .merging(JSONObject(["effective": structure.effective?.description]))
        }
        func post(_ post: Post, _ costing: PostCosting) -> JSONObject {
            JSONObject([
                "id": post.id.rawValue, "title": post.displayTitle, "tier": post.tier, "reportsTo": post.reportsTo?.rawValue,
                "grade": post.grade, "fte": JSONFigure.tidy(costing.fte(of: post)), "cost": costing.cost(of: post),
                "replaces": post.replaces?.rawValue,
                // Posts in the line (headcount) and how many are vacant.
                "count": post.count, "vacant": min(post.vacant, post.count),
            ])
        }
        // An agreed deviation the proposed structure relies on.
        let deviations = comparison.afterFindings.findings.compactMap { finding -> JSONObject? in
            guard finding.severity == .accepted, let deviation = finding.deviation else { return nil }
            return JSONObject(["post": finding.post?.rawValue, "rule": finding.rule.rawValue, "message": finding.message])
                .merging(.agreement(deviation, nullWhenNil: false))
        }
        return JSONObject([
            "current": side(diff.current, currentFile, before.rules), "proposed": side(diff.proposed, proposedFile, after.rules),
            "deleted": comparison.deleted.compactMap { diff.changes[$0].current.map { post($0, before.costing) } },
            "created": comparison.created.compactMap { diff.changes[$0].proposed.map { post($0, after.costing) } },
            "changed": changedJSON(), "totals": totalsJSON(),
            "findings": JSONObject.findingChanges(comparison.findingChanges), "deviations": deviations,
            "notes": diff.comparisonNotes.map { DiagnosticJSON($0) },
        ])
    }

    /// The changes by aspect, keyed by the aspect's name in snake_case (`re_graded`).
    private func changedJSON() -> [String: [JSONObject]] {
        let comparison = self.comparison
        let diff = comparison.diff
        let before = comparison.before
        let after = comparison.after
        var changed: [String: [JSONObject]] = [:]
        for aspect in PostChange.Aspect.allCases {
            var entries: [JSONObject] = []
            for offset in comparison.changedIn[aspect] ?? [] {
                let change = diff.changes[offset]
                guard let old = change.current, let new = change.proposed else { continue }
                // Nil is written as null: a before or after that is not there.
                let values: ((any Encodable)?, (any Encodable)?)
                switch aspect {
                case .reportingLine: values = (old.reportsTo?.rawValue, new.reportsTo?.rawValue)
                case .title: values = (old.title, new.title)
                case .tier: values = (old.tier, new.tier)
                case .grade: values = (old.grade, new.grade)
                case .fte: values = (JSONFigure.tidy(before.costing.fte(of: old)), JSONFigure.tidy(after.costing.fte(of: new)))
                case .cost: values = (before.costing.cost(of: old), after.costing.cost(of: new))
                case .headcount: values = (old.count, new.count)
                case .vacancies: values = (old.vacant, new.vacant)
                case .madePermanent, .madeTemporary: values = (old.temporary, new.temporary)
                case .dottedLines: values = (old.dottedTo.map(\.rawValue), new.dottedTo.map(\.rawValue))
                }
                // `replaces` is the current id, when the post was matched through `replaces`.
                let post = JSONObject([
                    "id": new.id.rawValue, "replaces": change.matchedByReplacement ? old.id.rawValue : nil,
                    "title": new.displayTitle,
                ])
                entries.append(post.merging(JSONObject(["before": values.0, "after": values.1], nullWhenNil: true)))
            }
            if !entries.isEmpty { changed[ReportJSON.key(aspect.rawValue)] = entries }
        }
        return changed
    }

    /// The totals, each a `{before, after}` pair, and the cost changes.
    private func totalsJSON() -> JSONObject {
        let comparison = self.comparison
        let before = comparison.before
        let after = comparison.after
        let groups = Set(before.tiers.map(\.group)).union(after.tiers.map(\.group)).sorted()
        let tiers = groups.map { group -> JSONObject in
            let a = before.tiers.first { $0.group == group }
            let b = after.tiers.first { $0.group == group }
            return JSONObject([
                "group": group.key, "label": (b ?? a)?.label ?? group.key,
                "posts": JSONPair(before: a?.posts ?? 0, after: b?.posts ?? 0),
                "headcount": JSONPair(before: a?.headcount ?? 0, after: b?.headcount ?? 0),
                "fte": JSONPair(before: JSONFigure.tidy(a?.fte ?? 0), after: JSONFigure.tidy(b?.fte ?? 0)),
            ])
        }
        let a = before.totals
        let b = after.totals
        let net = comparison.netCostChange
        return JSONObject([
            "tiers": tiers, "posts": JSONPair(before: a.posts, after: b.posts),
            "headcount": JSONPair(before: a.headcount, after: b.headcount),
            "fte": JSONPair(before: JSONFigure.tidy(a.fte), after: JSONFigure.tidy(b.fte)),
            "managerPosts": JSONPair(before: before.ratios.managerPosts, after: after.ratios.managerPosts),
            "managementLayers": JSONPair(before: before.layers.managementLayers, after: after.layers.managementLayers),
            "deepestFrontLine": JSONPair(before: before.layers.deepestFrontLine, after: after.layers.deepestFrontLine),
            "averageSpan": JSONPair(before: JSONFigure.tidy(before.ratios.meanSpan), after: JSONFigure.tidy(after.ratios.meanSpan)),
            "narrowSpans": JSONPair(before: before.narrowSpans, after: after.narrowSpans),
            "wideSpans": JSONPair(before: before.wideSpans, after: after.wideSpans),
            "oneOverOne": JSONPair(before: before.oneOverOne.managers.count, after: after.oneOverOne.managers.count),
            "errors": JSONPair(before: comparison.beforeFindings.errorCount, after: comparison.afterFindings.errorCount),
            "warnings": JSONPair(before: comparison.beforeFindings.warningCount, after: comparison.afterFindings.warningCount),
            "accepted": JSONPair(before: comparison.beforeFindings.acceptedCount, after: comparison.afterFindings.acceptedCount),
            "cost": JSONPair(before: JSONCost(comparison.costBefore), after: JSONCost(comparison.costAfter)),
            "netCostChange": JSONObject(["known": net.known, "complete": net.isComplete]),
            "costOfDeleted": JSONCost(comparison.costOfDeleted), "costOfCreated": JSONCost(comparison.costOfCreated),
            "costChangeOfKept": JSONCost(comparison.costChangeOfKept),
        ])
    }
}
