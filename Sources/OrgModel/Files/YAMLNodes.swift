import Yams

/// Typed access to a composed YAML tree that keeps each value's line and column, so
/// every error can point at the place in the file. The tree is parsed once; values and
/// marks come from the same nodes.
struct YAMLNodes {
    let file: String

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    /// Whether the node is YAML's null (`~`, `null`, or nothing after the colon).
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func mapping(_ node: Node, what: String) throws(LoadError) -> Node.Mapping {
        guard let mapping = node.mapping else {
            throw location(of: node).error("\(what) must be a mapping of key: value pairs, not \(kind(of: node))")
        }
        return mapping
    }

    func sequence(_ node: Node, what: String) throws(LoadError) -> [Node] {
        guard let sequence = node.sequence else {
            throw location(of: node).error("\(what) must be a list, not \(kind(of: node))")
        }
        return Array(sequence)
    }

    func scalar(_ node: Node, what: String) throws(LoadError) -> String {
        guard let scalar = node.scalar else {
            throw location(of: node).error("\(what) must be a single value, not \(kind(of: node))")
        }
        try checkEscapes(scalar, at: node, what: what)
        return scalar.string
    }

    /// The file's bytes were checked before parsing; only a double-quoted scalar's escapes
    /// (`"\u0000"`) can still make a refused character.
    func checkEscapes(_ scalar: Node.Scalar, at node: Node, what: String) throws(LoadError) {
        guard scalar.style == .doubleQuoted, let refused = RefusedCharacters.first(in: scalar.string) else { return }
        throw location(of: node).error("\(what) holds \(RefusedCharacters.describe(refused))", hint: RefusedCharacters.hint)
    }

    /// A list of single values; a lone value is taken as a list of one.
    func scalarList(_ node: Node, what: String) throws(LoadError) -> [String] {
        if node.scalar != nil { return isNull(node) ? [] : [try scalar(node, what: what)] }
        var result: [String] = []
        for item in try sequence(node, what: what) {
            result.append(try scalar(item, what: "each entry of \(what)"))
        }
        return result
    }

    /// The mapping's key as text, located.
    func key(_ node: Node) throws(LoadError) -> String {
        guard let scalar = node.scalar else {
            throw location(of: node).error("keys must be plain names, not \(kind(of: node))")
        }
        try checkEscapes(scalar, at: node, what: "a key")
        return scalar.string
    }

    /// The mapping's key as one of `Key`'s names; for any other key, an error at the key
    /// naming the nearest known one, or listing them all.
    func key<Key: RawRepresentable & CaseIterable>(_ node: Node, as _: Key.Type, what: String) throws(LoadError) -> (Key, String)
    where Key.RawValue == String {
        let text = try key(node)
        if let known = Key(rawValue: text) { return (known, text) }
        let names = Key.allCases.map(\.rawValue)
        throw location(of: node).error(
            "unknown \(what) key \(ValueParsing.quoted(text))",
            hint: closest(to: text, among: names).map { "did you mean \($0)?" } ?? "known keys: \(names.joined(separator: ", "))")
    }

    func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): "the value \(ValueParsing.quoted(scalar.string))"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
