import OrgSupport
import Yams

/// Reads a structure file written in YAML: metadata keys and one flat list of posts.
struct YAMLStructureReader {
    let file: String

    enum TopKey: String, CaseIterable {
        case name, organisation, description, state, effective, rules, posts
    }

    enum DeviationKey: String, CaseIterable {
        case rule, rationale
        case agreedBy = "agreed_by"
        case agreedOn = "agreed_on"
        case reviewBy = "review_by"
    }

    func read(_ text: String) throws(LoadError) -> Structure {
        let nodes = YAMLNodes(file: file, text: text)
        let root = try Self.compose(text, file: file)
        guard let root, !nodes.isNull(root) else {
            throw LoadError(file: file, .noStructure)
        }
        var structure = Structure(source: file)
        var postsNode: Node?
        try nodes.forEachField(of: root, what: "a structure file", as: TopKey.self, keyWhat: "structure") {
            (known, key, value, location) throws(LoadError) in
            if known == .posts {
                postsNode = value
            } else {
                try structure.setMetadata(known, try nodes.scalar(value, what: key), field: key, at: location)
            }
        }
        guard let postsNode else {
            throw LoadError(file: file, line: root.mark?.line, .noPostsList)
        }
        let entries = try nodes.sequence(postsNode, what: "posts")
        structure.posts.reserveCapacity(entries.count)
        for entry in entries {
            structure.posts.append(try readPost(entry, nodes: nodes))
        }
        guard !structure.posts.isEmpty else {
            throw nodes.location(of: postsNode).error(.emptyPostsList)
        }
        return structure
    }

    static func compose(_ text: String, file: String) throws(LoadError) -> Node? {
        // Every YAML reader refuses what no file may hold, also when given text rather
        // than a file (a mapping or profile read by a program using the library).
        try RefusedCharacters.check(Array(text.utf8), file: file)
        do {
            // The basic resolver leaves every scalar a string: the readers take raw text
            // and parse it themselves, and Yams's default resolver runs regular expressions
            // on every scalar (most of the parse time for a 10,000-post file).
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw loadError(from: error, file: file, lines: YAMLLines(text))
        } catch {
            throw LoadError(file: file, .notYAML(reason: "\(error)"))
        }
    }

    private func readPost(_ node: Node, nodes: YAMLNodes) throws(LoadError) -> Post {
        let start = nodes.location(of: node)
        var builder = PostBuilder(file: file, line: start.line ?? 0)
        try nodes.forEachField(of: node, what: "each post", as: PostField.self, keyWhat: "post") {
            (field, key, value, location) throws(LoadError) in
            switch field {
            case .dottedTo:
                builder.setDottedTo(try nodes.scalarList(value, what: key).map { PostID($0.trimmingBlanks()) })
            case .deviations:
                var deviations: [Deviation] = []
                for item in try nodes.sequence(value, what: key) {
                    deviations.append(try readDeviation(item, nodes: nodes))
                }
                builder.setDeviations(deviations)
            case .attributes:
                for (nameNode, attributeValue) in try nodes.mapping(value, what: key) {
                    let name = try nodes.key(nameNode)
                    let text = nodes.isNull(attributeValue) ? "" : try nodes.scalar(attributeValue, what: "attribute \(name)")
                    builder.addAttribute(name, text)
                }
            default:
                try builder.set(field, try nodes.scalar(value, what: key), line: location.line, column: location.column)
            }
        }
        return try builder.finish(line: start.line, column: start.column)
    }

    private func readDeviation(_ node: Node, nodes: YAMLNodes) throws(LoadError) -> Deviation {
        let start = nodes.location(of: node)
        var rule: RuleID?
        var deviation = Deviation(rule: .spanNarrow, line: start.line ?? 0)
        try nodes.forEachField(of: node, what: "each deviation", as: DeviationKey.self, keyWhat: "deviation") {
            (known, key, value, location) throws(LoadError) in
            switch known {
            case .rule:
                let text = try nodes.scalar(value, what: key).trimmingBlanks()
                guard let id = RuleID(rawValue: text) else {
                    let near = closest(to: text, among: RuleID.allCases.map(\.rawValue))
                    throw location.error(.unknownDeviationRule(rule: text, suggestion: near))
                }
                guard id.canBeWaived else {
                    throw location.error(.ruleCannotBeWaived(rule: id.rawValue, summary: id.summary))
                }
                rule = id
            case .rationale: deviation.rationale = try nodes.scalar(value, what: key)
            case .agreedBy: deviation.agreedBy = try nodes.scalarList(value, what: key).map { $0.trimmingBlanks() }
            case .agreedOn: deviation.agreedOn = try ValueParsing.day(try nodes.scalar(value, what: key), field: key, at: location)
            case .reviewBy: deviation.reviewBy = try ValueParsing.day(try nodes.scalar(value, what: key), field: key, at: location)
            }
        }
        guard let rule else {
            throw start.error(.deviationWithoutRule)
        }
        if let on = deviation.agreedOn, let review = deviation.reviewBy, review < on {
            throw start.error(.reviewBeforeAgreed(rule: rule.rawValue, reviewBy: "\(review)", agreedOn: "\(on)"))
        }
        deviation.rule = rule
        return deviation
    }

    static func loadError(from error: YamlError, file: String, lines: YAMLLines = YAMLLines(nil)) -> LoadError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // The usual cause of "cannot start any token": a tab, which YAML never takes as
            // indentation (the hint says so).
            return LoadError(
                file: file, line: lines.editorLine(mark.line), column: mark.column,
                .yamlSyntax(problem: problem, context: context?.text, contextLine: context.map { lines.editorLine($0.mark.line) }))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LoadError(
                file: file, line: lines.editorLine(context.mark.line), column: context.mark.column, .duplicateKeys(keys: duplicates))
        case .reader(let problem, _, _, _):
            return LoadError(file: file, .notYAMLText(reason: "\(problem)"))
        default:
            return LoadError(file: file, .notYAML(reason: "\(error)"))
        }
    }
}
