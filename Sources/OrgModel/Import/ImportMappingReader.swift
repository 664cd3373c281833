import OrgSupport
import Yams

/// Reads a mapping file (YAML) into an `ImportMapping`, with every mistake located by
/// line and column in the mapping file.
public enum ImportMappingReader: SettingsFileReader {
    enum Key: String, CaseIterable {
        case columns, tiers, values, structure, delimiter, encoding, dates, drop
        case vacantHolders = "vacant_holders"
        case jobShares = "job_shares"
    }

    public static let fileKind = "mapping file"

    /// Parses mapping text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws(LoadError) -> ImportMapping {
        guard let settings = try SettingsFile(text, file: file) else { throw LoadError(file: file, .mappingEmpty) }
        let nodes = settings.nodes
        var mapping = ImportMapping(source: file)
        var listLocations: [Key: SourceLocation] = [:]
        try nodes.forEachField(of: settings.root, what: "a mapping file", as: Key.self, keyWhat: "mapping") {
            (known, key, value, _) throws(LoadError) in
            try read(known, named: key, value: value, nodes: nodes, into: &mapping, listLocations: &listLocations)
        }
        try checkColumnUse(mapping, listLocations: listLocations, file: file)
        return mapping
    }

    /// Reads the value of one top-level key into `mapping`; `listLocations` keeps where the
    /// drop: and dates: lists are written, for the checks that compare them with columns:.
    private static func read(
        _ known: Key, named key: String, value: Node, nodes: YAMLNodes, into mapping: inout ImportMapping,
        listLocations: inout [Key: SourceLocation]
    ) throws(LoadError) {
        let location = nodes.location(of: value)
        switch known {
        case .columns: try readColumns(value, nodes: nodes, into: &mapping)
        case .tiers: try readTiers(value, nodes: nodes, into: &mapping)
        case .values: try readValues(value, nodes: nodes, into: &mapping)
        case .vacantHolders:
            mapping.vacantHolders = try nodes.scalarList(value, what: key).map { $0.trimmingBlanks() }
        case .drop:
            mapping.dropped = try columnList(value, named: key, as: ImportMapping.ColumnUse.dropped, nodes: nodes, into: &mapping)
            listLocations[.drop] = location
        case .dates:
            mapping.dateColumns = try columnList(value, named: key, as: ImportMapping.ColumnUse.date, nodes: nodes, into: &mapping)
            listLocations[.dates] = location
        case .jobShares:
            mapping.jobShares = try ValueParsing.boolean(try nodes.scalar(value, what: key), field: key, at: location)
        case .delimiter:
            let text = try nodes.scalar(value, what: key)
            mapping.delimiter = try delimiter(text, at: location)
        case .encoding:
            let text = try nodes.scalar(value, what: key)
            if text.lowercased() == "auto" { return }
            guard let encoding = TextEncoding(name: text) else {
                throw location.error(.encodingUnknown(text: text))
            }
            mapping.encoding = encoding
        case .structure:
            mapping.structure = try metadata(value, nodes: nodes)
        }
    }

    /// columns: which extract column feeds each post field.
    private static func readColumns(_ value: Node, nodes: YAMLNodes, into mapping: inout ImportMapping) throws(LoadError) {
        for (fieldNode, columnNode) in try nodes.mapping(value, what: "columns") {
            let field = try postField(fieldNode, nodes: nodes)
            let column = try nodes.scalar(columnNode, what: "the column for \(field.rawValue)").trimmingBlanks()
            guard !column.isEmpty else {
                throw nodes.location(of: columnNode).error(.emptyColumnName(field: field.rawValue))
            }
            mapping.columns[field] = column
            mapping.places[.field(field)] = nodes.location(of: columnNode)
        }
    }

    /// tiers: the tier each grade gives.
    private static func readTiers(_ value: Node, nodes: YAMLNodes, into mapping: inout ImportMapping) throws(LoadError) {
        for (gradeNode, tierNode) in try nodes.mapping(value, what: "tiers") {
            let grade = try nodes.scalar(gradeNode, what: "a grade").trimmingBlanks()
            let tier = try ValueParsing.integer(
                try nodes.scalar(tierNode, what: "the tier of grade \(grade)"), field: "the tier of grade \(grade)",
                at: nodes.location(of: tierNode))
            guard tier >= 1 else {
                throw nodes.location(of: tierNode).error(.gradeTierBelowOne(grade: grade, tier: tier))
            }
            mapping.tiers.add(.init(grade: grade, tier: tier))
        }
    }

    /// values: for each field, the extract's own words and what each is read as.
    private static func readValues(_ value: Node, nodes: YAMLNodes, into mapping: inout ImportMapping) throws(LoadError) {
        for (fieldNode, tableNode) in try nodes.mapping(value, what: "values") {
            let field = try postField(fieldNode, nodes: nodes)
            var table: [String: String] = [:]
            for (fromNode, toNode) in try nodes.mapping(tableNode, what: "values for \(field.rawValue)") {
                let from = try nodes.scalar(fromNode, what: "an extract value")
                let to = nodes.isNull(toNode) ? "" : try nodes.scalar(toNode, what: "the value \(from) is read as")
                if let problem = Self.problem(translating: to, for: field) {
                    throw nodes.location(of: toNode).error(
                        .valueTranslation(field: field.rawValue, from: from, to: to, problem: problem))
                }
                table[ImportMapping.valueKey(from)] = to
            }
            mapping.values[field] = table
        }
    }

    /// Refuses a column both used for a field and dropped or read as dates, or both dropped
    /// and read as dates: the mapping would say one thing and the import do another.
    private static func checkColumnUse(_ mapping: ImportMapping, listLocations: [Key: SourceLocation], file: String) throws(LoadError) {
        let mapped = Dictionary(mapping.columns.map { ($0.value.lowercased(), $0.key) }, uniquingKeysWith: { first, _ in first })
        for (list, key) in [(mapping.dropped, Key.drop), (mapping.dateColumns, Key.dates)] {
            for column in list {
                if let field = mapped[column.lowercased()] {
                    throw (listLocations[key] ?? SourceLocation(file: file)).error(
                        .columnMappedAndListed(list: key.rawValue, column: column, field: field.rawValue))
                }
            }
        }
        let droppedDates = mapping.dateColumns.filter { date in mapping.dropped.contains { $0.lowercased() == date.lowercased() } }
        if let column = droppedDates.first {
            throw (listLocations[.dates] ?? SourceLocation(file: file)).error(.dateColumnDropped(column: column))
        }
    }

    /// Why `value` cannot stand for `field`, if it cannot (empty means "no value": fine).
    static func problem(translating value: String, for field: PostField) -> String? {
        let text = value.trimmingBlanks()
        guard !text.isEmpty else { return nil }
        switch field {
        case .temporary, .assistant:
            if case .failure = ExtractValues.boolean(text, column: field.rawValue) { return "is not yes or no" }
        case .tier, .count:
            if case .failure = ExtractValues.integer(text, column: field.rawValue) { return "is not a whole number" }
        case .fte, .cost:
            if case .failure = ExtractValues.number(text, column: field.rawValue) { return "is not a number" }
        case .vacant:
            let yesNo = ["true", "yes", "y", "false", "no", "n"].contains(text.lowercased())
            if !yesNo, Int(text) == nil { return "is not a number of vacant posts or yes/no" }
        default: break
        }
        return nil
    }

    /// The column names of a list (`drop`, `dates`), each noted in `mapping.places` where it
    /// is first written, in the role `use` gives it.
    private static func columnList(
        _ value: Node, named key: String, as use: (String) -> ImportMapping.ColumnUse, nodes: YAMLNodes,
        into mapping: inout ImportMapping
    ) throws(LoadError) -> [String] {
        let names = try nodes.scalarList(value, what: key).map { $0.trimmingBlanks() }
        for (name, place) in zip(names, itemLocations(value, nodes: nodes)) where mapping.places[use(name)] == nil {
            mapping.places[use(name)] = place
        }
        return names
    }

    /// Where each item of a list is written; the list itself for a single value.
    private static func itemLocations(_ node: Node, nodes: YAMLNodes) -> [SourceLocation] {
        guard let items = node.sequence else { return [nodes.location(of: node)] }
        return items.map { nodes.location(of: $0) }
    }

    /// A one-character field separator; `\t` or `tab` for a tab.
    public static func delimiter(_ text: String, at location: SourceLocation) throws(LoadError) -> UInt8 {
        let resolved = (text == "\\t" || text.lowercased() == "tab") ? "\t" : text
        guard resolved.utf8.count == 1, let byte = resolved.utf8.first,
            byte != UInt8(ascii: "\""), byte != 0x0A, byte != 0x0D
        else {
            throw location.error(.badDelimiter(text: text))
        }
        return byte
    }

    private static func postField(_ node: Node, nodes: YAMLNodes) throws(LoadError) -> PostField {
        let name = try nodes.key(node)
        guard let field = PostField(rawValue: name), ImportMapping.mappableFields.contains(field) else {
            let names = ImportMapping.mappableFields.map(\.rawValue)
            let near = closest(to: name, among: names)
            throw nodes.location(of: node).error(.notAPostField(name: name, suggestion: near, fields: names))
        }
        return field
    }

    private static func metadata(_ node: Node, nodes: YAMLNodes) throws(LoadError) -> Structure {
        var structure = Structure()
        for (keyNode, value) in try nodes.mapping(node, what: "structure") {
            let key = try nodes.key(keyNode)
            guard let known = YAMLStructureReader.TopKey(rawValue: key), known != .posts else {
                let keys = YAMLStructureReader.TopKey.allCases.filter { $0 != .posts }.map(\.rawValue)
                throw nodes.location(of: keyNode).error(.unknownKey(what: "structure", key: key, suggestion: nil, known: keys))
            }
            if nodes.isNull(value) { continue }
            let location = nodes.location(of: value)
            try structure.setMetadata(known, try nodes.scalar(value, what: key), field: key, at: location)
        }
        return structure
    }
}
