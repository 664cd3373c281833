import OrgAnalysis
import OrgModel

/// The delayer command's JSON summary.
extension DelayeringReport {
    /// A structure's measures: before, and after each option.
    static func measures(_ analysis: StructureAnalysis, _ findings: ValidationResult) -> JSONObject {
        JSONObject.measures(analysis, findings).merging(JSONObject(["cost": JSONCost(analysis.ratios.totalCost)]))
    }

    public var reportName: String { "the de-layering options" }

    /// An object with `before` (the structure's measures), `options` (each with its
    /// `moves`, posts `removed` and `added`, `net_saving`, measures `after`, `findings`
    /// `fixed`, `accepted` and `introduced`, and its `file`) and `notes`.
    public func jsonValue() -> JSONObject {
        let options = result.options.map { option in
            JSONObject([
                "number": option.number, "step": option.step.slug, "title": option.step.title, "file": files[option.number],
                "moves": option.moves.map(Self.jsonMove),
                "notes": option.noteMessages.map { DiagnosticJSON($0) },
                "dottedLineChanges": option.dottedLineMessages.map { DiagnosticJSON($0) },
                "removed": option.removedPosts.map(\.id.rawValue), "added": option.addedPosts.map(\.id.rawValue),
                "removedCost": JSONCost(option.removedCost), "addedCost": JSONCost(option.addedCost),
                "netSaving": option.netSaving, "savingComplete": option.savingIsComplete,
                "after": Self.measures(option.analysis, option.findings), "findings": JSONObject.findingChanges(option.findingChanges),
            ])
        }
        return JSONObject([
            "file": file, "rules": result.original.rules.name,
            "before": Self.measures(result.original, result.originalFindings), "options": options,
            "notes": result.noteMessages.map { DiagnosticJSON($0) },
        ])
    }

    static func jsonMove(_ move: DelayeringMove) -> JSONObject {
        JSONObject([
            "kind": move.kind.rawValue, "post": move.post.rawValue, "removed": move.removed.map(\.rawValue),
            "added": move.added.map(\.rawValue), "movedReports": move.movedReports.map(\.rawValue),
            "receiver": move.receiver?.rawValue, "removedCost": JSONCost(move.removedCost),
            "addedCost": JSONCost(move.addedCost), "summary": move.summary, "code": move.message.code,
            "arguments": DiagnosticJSON.Arguments(list: move.message.arguments),
        ])
    }
}
