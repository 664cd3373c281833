import Foundation
import Yams

/// Reads rule sets: the built-in ones by name, others from YAML files.
public enum RuleSetReader {
    /// The built-in rule set used when a structure names none.
    public static let defaultName = "childrens-social-care"

    enum TopKey: String, CaseIterable {
        case name, description, approvers, tiers, grades
        case maxLayers = "max_layers"
    }

    enum TierKey: String, CaseIterable {
        case tier, role, accountability, span
    }

    /// The rule set a structure should be checked against: `override` when given (a
    /// built-in name or a path relative to the working directory), else the one its file
    /// names (a built-in name or a path relative to that file), else the default.
    public static func ruleSet(for structure: Structure, override: String? = nil) throws(LoadError) -> RuleSet {
        if let override { return try load(override, relativeTo: nil) }
        guard let named = structure.rules else { return try load(defaultName, relativeTo: nil) }
        let base = structure.source.map { ($0 as NSString).deletingLastPathComponent }
        return try load(named, relativeTo: base, namedIn: structure.source)
    }

    /// A built-in rule set by name, or the rules file at `reference`.
    public static func load(_ reference: String, relativeTo base: String?, namedIn file: String? = nil) throws(LoadError) -> RuleSet {
        if let text = BuiltInRuleSets.text(named: reference) {
            return try parse(text, source: reference)
        }
        let looksLikePath = reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
        guard looksLikePath else {
            throw LoadError(file: file ?? reference, .unknownRuleSet(name: reference, builtIn: BuiltInRuleSets.names))
        }
        var path = reference
        if !reference.hasPrefix("/"), let base, !base.isEmpty {
            path = (base as NSString).appendingPathComponent(reference)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw LoadError(file: file ?? path, .rulesFileMissing(path: path, fromStructure: base != nil))
        }
        return try parse(StructureFile.readCheckedText(path, kind: "rules file"), source: path)
    }

    /// Parses the YAML text of a rule set.
    public static func parse(_ text: String, source: String) throws(LoadError) -> RuleSet {
        guard let settings = try SettingsFile(text, file: source) else { throw LoadError(file: source, .rulesFileEmpty) }
        let nodes = settings.nodes
        var name: String?
        var description: String?
        var approvers = ["SLT", "HR"]
        var maxLayers: Int?
        var tiers: [TierRule] = []
        var grades: [String: Double] = [:]
        try nodes.forEachField(of: settings.root, what: "a rules file", as: TopKey.self, keyWhat: "rules") {
            (known, key, value, location) throws(LoadError) in
            switch known {
            case .name: name = try nodes.scalar(value, what: key)
            case .description: description = try nodes.scalar(value, what: key)
            case .approvers:
                approvers = try nodes.scalarList(value, what: key).map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
                guard !approvers.isEmpty else {
                    throw location.error(.noApprovers)
                }
            case .maxLayers:
                let layers = try ValueParsing.integer(try nodes.scalar(value, what: key), field: key, at: location)
                guard layers >= 1 else { throw location.error(.maxLayersBelowOne) }
                guard layers <= 1_000 else { throw location.error(.maxLayersOverLimit(layers: layers)) }
                maxLayers = layers
            case .tiers:
                for item in try nodes.sequence(value, what: key) {
                    let rule = try tierRule(item, nodes: nodes)
                    guard !tiers.contains(where: { $0.tier == rule.tier }) else {
                        throw nodes.location(of: item).error(.tierDefinedTwice(tier: rule.tier))
                    }
                    tiers.append(rule)
                }
            case .grades:
                for (gradeNode, costNode) in try nodes.mapping(value, what: key) {
                    let grade = try nodes.key(gradeNode)
                    grades[grade] = try ValueParsing.number(
                        try nodes.scalar(costNode, what: "grade \(grade)"), field: "cost of grade \(grade)",
                        at: nodes.location(of: costNode))
                }
            }
        }
        guard !tiers.isEmpty else {
            throw LoadError(file: source, .noTiers)
        }
        return RuleSet(
            name: name ?? ((source as NSString).lastPathComponent as NSString).deletingPathExtension,
            description: description, tiers: tiers, approvers: approvers, maxLayers: maxLayers,
            gradeCosts: grades, source: source)
    }

    private static func tierRule(_ node: Node, nodes: YAMLNodes) throws(LoadError) -> TierRule {
        var tier: Int?
        var role: String?
        var accountability: String?
        var span: SpanRule?
        try nodes.forEachField(of: node, what: "each tier", as: TierKey.self, keyWhat: "tier") {
            (known, key, value, location) throws(LoadError) in
            switch known {
            case .tier:
                let number = try ValueParsing.integer(try nodes.scalar(value, what: key), field: key, at: location)
                guard number >= 1 else {
                    throw location.error(.ruleTierBelowOne(tier: number))
                }
                tier = number
            case .role: role = try nodes.scalar(value, what: key)
            case .accountability: accountability = try nodes.scalar(value, what: key)
            case .span:
                var bounds: [String: Int] = [:]
                for (boundNode, boundValue) in try nodes.mapping(value, what: "span") {
                    let bound = try nodes.key(boundNode)
                    guard bound == "min" || bound == "max" else {
                        throw nodes.location(of: boundNode).error(.spanBound(bound: bound))
                    }
                    bounds[bound] = try ValueParsing.integer(
                        try nodes.scalar(boundValue, what: bound), field: "span \(bound)", at: nodes.location(of: boundValue))
                }
                guard let min = bounds["min"], let max = bounds["max"] else {
                    throw location.error(.spanIncomplete)
                }
                guard min >= 0 else { throw location.error(.spanMinNegative(min: min)) }
                guard min <= max else {
                    throw location.error(.spanMinOverMax(min: min, max: max))
                }
                span = SpanRule(min: min, max: max)
            }
        }
        let location = nodes.location(of: node)
        guard let tier else { throw location.error(.tierWithoutNumber) }
        guard let role else { throw location.error(.tierWithoutRole(tier: tier)) }
        return TierRule(tier: tier, role: role, accountability: accountability, span: span)
    }
}
