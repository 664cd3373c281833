import OrgSupport
import Yams

/// Typed access to a composed YAML tree that keeps each value's line and column, so
/// every error can point at the place in the file. The tree is parsed once; values and
/// marks come from the same nodes.
struct YAMLNodes {
    let file: String
    /// The file's lines as an editor counts them, from the YAML reader's.
    var lines = YAMLLines(nil)

    init(file: String, text: String? = nil) {
        self.file = file
        lines = YAMLLines(text)
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.map { lines.editorLine($0.line) }, column: node.mark?.column)
    }

    /// Whether the node is YAML's null (`~`, `null`, or nothing after the colon).
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func mapping(_ node: Node, what: String) throws(LoadError) -> Node.Mapping {
        guard let mapping = node.mapping else {
            throw location(of: node).error(.wrongShape(what: what, expected: .mapping, found: kind(of: node)))
        }
        return mapping
    }

    func sequence(_ node: Node, what: String) throws(LoadError) -> [Node] {
        guard let sequence = node.sequence else {
            throw location(of: node).error(.wrongShape(what: what, expected: .list, found: kind(of: node)))
        }
        return Array(sequence)
    }

    func scalar(_ node: Node, what: String) throws(LoadError) -> String {
        guard let scalar = node.scalar else {
            throw location(of: node).error(.wrongShape(what: what, expected: .single, found: kind(of: node)))
        }
        try checkEscapes(scalar, at: node, what: what)
        return scalar.string
    }

    /// The file's bytes were checked before parsing; only a double-quoted scalar's escapes
    /// (`"\u0000"`) can still make a refused character.
    func checkEscapes(_ scalar: Node.Scalar, at node: Node, what: String) throws(LoadError) {
        guard scalar.style == .doubleQuoted, let refused = RefusedCharacters.first(in: scalar.string) else { return }
        throw location(of: node).error(.refusedCharacter(what: what, character: RefusedCharacters.describe(refused)))
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
            throw location(of: node).error(.keyNotPlain(found: kind(of: node)))
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
        throw location(of: node).error(.unknownKey(what: what, key: text, suggestion: closest(to: text, among: names), known: names))
    }

    /// Each entry of a mapping whose value is not null, in order: its key as one of `Key`'s
    /// names (an error at any other), the key as written, the value and where it is.
    func forEachField<Key: RawRepresentable & CaseIterable>(
        of node: Node, what: String, as _: Key.Type, keyWhat: String,
        _ body: (Key, String, Node, SourceLocation) throws(LoadError) -> Void
    ) throws(LoadError) where Key.RawValue == String {
        for (keyNode, value) in try mapping(node, what: what) {
            let (known, key) = try self.key(keyNode, as: Key.self, what: keyWhat)
            if isNull(value) { continue }
            try body(known, key, value, location(of: value))
        }
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

/// Line numbers as an editor counts them (a line feed, a carriage return, or both end a
/// line). The YAML reader also breaks lines at U+0085, U+2028 and U+2029, which an editor
/// shows within one line: a message quoting the reader's line would point past the end of
/// a short file.
struct YAMLLines {
    /// For each of the reader's lines (from 1), the editor's; nil when they agree.
    private let editor: [Int]?

    init(_ text: String?) {
        guard let text, text.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else {
            editor = nil
            return
        }
        var map = [1, 1]
        var line = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x0A:
                line += 1
                map.append(line)
            case 0x0D:
                // A carriage return ends a line, alone or before a line feed.
                if pending == "\n" { pending = scalars.next() }
                line += 1
                map.append(line)
            case 0x85, 0x2028, 0x2029:
                map.append(line)
            default:
                break
            }
        }
        editor = map
    }

    /// The editor's line for the reader's `line`.
    func editorLine(_ line: Int) -> Int {
        guard let editor else { return line }
        return line >= 0 && line < editor.count ? editor[line] : (editor.last ?? line)
    }
}
