import OrgAnalysis
import OrgModel

/// A cost total as the JSON reports write it: the known sum, the posts (and their
/// headcount) whose cost is not known, and whether the total is complete, so a reader
/// never takes unknown for zero.
public struct JSONCost: Encodable, Sendable {
    /// The sum of the known costs.
    var known: Double
    /// Posts whose cost is not known (the sum leaves them out), and their headcount.
    var unknownPosts: Int
    var unknownHeadcount: Int
    var complete: Bool

    init(_ total: CostTotal) {
        known = total.known
        unknownPosts = total.unknownPosts
        unknownHeadcount = total.unknownHeadcount
        complete = total.isComplete
    }
}

/// Managers in one span band, as the JSON reports list them: `{"band": "2-3",
/// "managers": 4}` (a band is a value, never a key).
public struct JSONBand: Encodable, Sendable {
    var band: String
    var managers: Int
}

/// How the JSON reports write a decimal figure.
enum JSONFigure {
    /// Rounded to four places: enough for any FTE, span or share, and no binary noise
    /// (0.30000000000000004, 1540.4199999) in the JSON.
    static func tidy(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

extension JSONObject {
    /// The measures the de-layering and options reports give each structure alike: its
    /// size, managers, layers and spans, and its findings by severity.
    static func measures(_ analysis: StructureAnalysis, _ findings: ValidationResult) -> JSONObject {
        JSONObject([
            "posts": analysis.totals.posts, "headcount": analysis.totals.headcount,
            "frontLineHeadcount": analysis.ratios.frontLineHeadcount, "managerPosts": analysis.ratios.managerPosts,
            "managementLayers": analysis.layers.managementLayers, "meanSpan": JSONFigure.tidy(analysis.ratios.meanSpan),
            "narrowSpans": analysis.narrowSpans, "wideSpans": analysis.wideSpans,
        ]).merging(findingCounts(findings))
    }

    /// The findings by severity, as every report that checks a structure counts them.
    static func findingCounts(_ findings: ValidationResult) -> JSONObject {
        JSONObject(["errors": findings.errorCount, "warnings": findings.warningCount, "accepted": findings.acceptedCount])
    }
}

extension JSONObject {
    /// How a deviation was agreed: its rationale, approvers, and the days it was agreed on
    /// and is to be reviewed by. What is absent is left out, or with `nullWhenNil` written
    /// as `null`; all is absent without a deviation.
    static func agreement(_ deviation: Deviation?, nullWhenNil: Bool) -> JSONObject {
        JSONObject(
            [
                "rationale": deviation?.statedRationale, "agreedBy": deviation?.agreedBy,
                "agreedOn": deviation?.agreedOn?.description, "reviewBy": deviation?.reviewBy?.description,
            ], nullWhenNil: nullWhenNil)
    }
}

extension JSONObject {
    /// Which structure a report is of: its file as the user named it, its name and
    /// state, and the rule set it is judged by. What is absent is left out, or with
    /// `nullWhenNil` written as `null`.
    static func identity(file: String?, _ structure: Structure, rules: RuleSet, nullWhenNil: Bool = false) -> JSONObject {
        JSONObject(
            ["file": file, "name": structure.name, "state": structure.state?.rawValue, "rules": rules.name],
            nullWhenNil: nullWhenNil)
    }
}
