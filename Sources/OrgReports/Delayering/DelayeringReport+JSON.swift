import OrgAnalysis
import OrgModel

/// The delayer command's JSON summary.
extension DelayeringReport {
    public struct JSONMove: Encodable {
        var kind: String
        var post: String
        var removed: [String]
        var added: [String]
        var movedReports: [String]
        var receiver: String?
        var removedCost: JSONCost
        var addedCost: JSONCost
        var summary: String
        var code: String
        var arguments: DiagnosticJSON.Arguments
    }

    public struct JSONMeasures: Encodable {
        var posts: Int
        var headcount: Int
        var frontLineHeadcount: Int
        var managerPosts: Int
        var managementLayers: Int
        var meanSpan: Double
        var narrowSpans: Int
        var wideSpans: Int
        var errors: Int
        var warnings: Int
        var accepted: Int
        var cost: JSONCost

    }

    public struct JSONOption: Encodable {
        var number: Int
        var step: String
        var title: String
        var file: String?
        var moves: [JSONMove]
        var notes: [DiagnosticJSON]
        var dottedLineChanges: [DiagnosticJSON]
        var removed: [String]
        var added: [String]
        var removedCost: JSONCost
        var addedCost: JSONCost
        var netSaving: Double
        var savingComplete: Bool
        var after: JSONMeasures
        var findings: FindingChangesJSON

    }

    public struct JSONReport: Encodable {
        var file: String?
        var rules: String
        var before: JSONMeasures
        var options: [JSONOption]
        var notes: [DiagnosticJSON]
    }

    static func measures(_ analysis: StructureAnalysis, _ findings: ValidationResult) -> JSONMeasures {
        JSONMeasures(
            posts: analysis.totals.posts, headcount: analysis.totals.headcount,
            frontLineHeadcount: analysis.ratios.frontLineHeadcount, managerPosts: analysis.ratios.managerPosts,
            managementLayers: analysis.layers.managementLayers, meanSpan: (analysis.ratios.meanSpan * 10_000).rounded() / 10_000,
            narrowSpans: narrow(analysis), wideSpans: wide(analysis), errors: findings.errorCount,
            warnings: findings.warningCount, accepted: findings.acceptedCount, cost: JSONCost(analysis.ratios.totalCost))
    }

    public var reportName: String { "the de-layering options" }

    /// An object with `before` (the structure's measures), `options` (each with its
    /// `moves`, posts `removed` and `added`, `net_saving`, measures `after`, `findings`
    /// `fixed`, `accepted` and `introduced`, and its `file`) and `notes`.
    public func jsonValue() -> JSONReport {
        let options = result.options.map { option in
            JSONOption(
                number: option.number, step: option.step.slug, title: option.step.title, file: files[option.number],
                moves: option.moves.map { move in
                    JSONMove(
                        kind: move.kind.rawValue, post: move.post.rawValue, removed: move.removed.map(\.rawValue),
                        added: move.added.map(\.rawValue), movedReports: move.movedReports.map(\.rawValue),
                        receiver: move.receiver?.rawValue, removedCost: JSONCost(move.removedCost),
                        addedCost: JSONCost(move.addedCost), summary: move.summary, code: move.message.code,
                        arguments: DiagnosticJSON.Arguments(list: move.message.arguments))
                },
                notes: option.noteMessages.map { DiagnosticJSON($0) },
                dottedLineChanges: option.dottedLineMessages.map { DiagnosticJSON($0) },
                removed: option.removedPosts.map(\.id.rawValue),
                added: option.addedPosts.map(\.id.rawValue),
                removedCost: JSONCost(option.removedCost), addedCost: JSONCost(option.addedCost), netSaving: option.netSaving,
                savingComplete: option.savingIsComplete, after: Self.measures(option.analysis, option.findings),
                findings: FindingChangesJSON(option.findingChanges))
        }
        return JSONReport(
            file: file, rules: result.original.rules.name,
            before: Self.measures(result.original, result.originalFindings), options: options,
            notes: result.noteMessages.map { DiagnosticJSON($0) })
    }
}
