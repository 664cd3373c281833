import Foundation
import OrgSupport

/// Writes a structure as CSV: `# key: value` metadata lines, a header, a row per post.
///
/// CSV cannot hold deviations; a structure that has them is refused with the posts named,
/// rather than written without them.
public struct StructureCSVWriter: Sendable {
    public var delimiter: Character

    public init(delimiter: Character = ",") { self.delimiter = delimiter }

    /// Why a structure cannot be written as CSV.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        public var postsWithDeviations: [PostID]
        /// Posts with a dotted line to an id the `dotted_to` cell cannot hold: one holding
        /// `;` (which separates the ids), empty, or with blanks at its edges.
        public var postsWithUnwritableDottedLines: [PostID] = []

        public init(postsWithDeviations: [PostID], postsWithUnwritableDottedLines: [PostID] = []) {
            self.postsWithDeviations = postsWithDeviations
            self.postsWithUnwritableDottedLines = postsWithUnwritableDottedLines
        }

        public var description: String {
            func named(_ list: [PostID]) -> (String, String) {
                let ids = list.map(\.rawValue)
                let shown =
                    ids.count > 5
                    ? ids.prefix(5).joined(separator: ", ") + " and \(ids.count - 5) more"
                    : ids.count == 1 ? ids[0] : ids.dropLast().joined(separator: ", ") + " and " + (ids.last ?? "")
                return (shown, ids.count == 1 ? "has" : "have")
            }
            if !postsWithDeviations.isEmpty {
                let (shown, have) = named(postsWithDeviations)
                return "CSV cannot hold deviations, and \(shown) \(have) some: write the structure as YAML instead"
            }
            let (shown, have) = named(postsWithUnwritableDottedLines)
            return "CSV's dotted_to cell separates ids with ';' and cannot hold an id with ';', blanks at its edges or none, "
                + "and \(shown) \(have) a dotted line to one: write the structure as YAML instead"
        }
    }

    /// Whether a dotted-line id survives the `dotted_to` cell: split at `;`, trimmed.
    static func isWritableDottedID(_ id: PostID) -> Bool {
        let text = id.rawValue
        return !text.isEmpty && !text.contains(";") && text.trimmingBlanks() == text
    }

    public func write(_ structure: Structure) throws(Refusal) -> String {
        let withDeviations = structure.posts.filter { !$0.deviations.isEmpty }.map(\.id)
        guard withDeviations.isEmpty else { throw Refusal(postsWithDeviations: withDeviations) }
        let unwritable = structure.posts.filter { !$0.dottedTo.allSatisfy(Self.isWritableDottedID) }.map(\.id)
        guard unwritable.isEmpty else { throw Refusal(postsWithDeviations: [], postsWithUnwritableDottedLines: unwritable) }
        let posts = structure.posts
        let optional: [(PostField, (Post) -> Bool)] = [
            (.holder, { $0.holder != nil }), (.grade, { $0.grade != nil }), (.fte, { $0.fte != nil }),
            (.cost, { $0.cost != nil }), (.count, { $0.count != 1 }), (.vacant, { $0.vacant > 0 }),
            (.temporary, { $0.temporary }), (.service, { $0.service != nil }), (.assistant, { $0.assistant }),
            (.dottedTo, { !$0.dottedTo.isEmpty }), (.replaces, { $0.replaces != nil }),
        ]
        let fields: [PostField] = [.id, .title, .tier, .reportsTo] + optional.filter { field in posts.contains(where: field.1) }.map(\.0)
        var attributeNames: [String] = []
        var seen: Set<String> = []
        for post in posts {
            for attribute in post.attributes where seen.insert(attribute.name).inserted {
                attributeNames.append(attribute.name)
            }
        }

        var out = ""
        out.reserveCapacity(posts.count * 64)
        for (key, value) in structure.metadataText {
            if let value { out += "# \(key.rawValue): \(MetadataText.written(value))\n" }
        }
        let header = fields.map(\.rawValue) + attributeNames.map { PostField.attributeColumnPrefix + $0 }
        out += header.map(field).joined(separator: String(delimiter)) + "\n"
        for post in posts {
            var cells: [String] = fields.map { value(of: $0, in: post) }
            var emptyAttributes: Set<Int> = []
            if !attributeNames.isEmpty {
                var byName: [String: String] = [:]
                for attribute in post.attributes where byName[attribute.name] == nil { byName[attribute.name] = attribute.value }
                for (offset, name) in attributeNames.enumerated() {
                    let value = byName[name]
                    if value == "" { emptyAttributes.insert(fields.count + offset) }
                    cells.append(value ?? "")
                }
            }
            // An attribute present but empty is written `""`, which reads back as an empty
            // value; a bare empty cell means the post has no such attribute.
            out += cells.enumerated().map { emptyAttributes.contains($0.offset) ? "\"\"" : field($0.element) }
                .joined(separator: String(delimiter))
            out += "\n"
        }
        return out
    }

    private func value(of field: PostField, in post: Post) -> String {
        switch field {
        case .id: post.id.rawValue
        case .title: post.title
        case .tier: post.tier.map(String.init) ?? ""
        case .reportsTo: post.reportsTo?.rawValue ?? ""
        case .holder: post.holder ?? ""
        case .grade: post.grade ?? ""
        case .fte: post.fte.map(NumberText.format) ?? ""
        case .cost: post.cost.map(NumberText.format) ?? ""
        case .count: String(post.count)
        case .vacant: post.vacant == 0 ? "" : (post.isVacant ? "true" : String(post.vacant))
        case .temporary: post.temporary ? "true" : ""
        case .service: post.service ?? ""
        case .assistant: post.assistant ? "true" : ""
        case .dottedTo: post.dottedTo.map(\.rawValue).joined(separator: ";")
        case .replaces: post.replaces?.rawValue ?? ""
        case .deviations, .attributes: ""
        }
    }

    /// A cell: guarded against spreadsheet formulas, quoted where it must be.
    private func field(_ text: String) -> String { CSVText.cell(text, delimiter: delimiter) }
}

/// Metadata values in a CSV structure file's `# key: value` lines: as they are, unless
/// they hold a line break, edge blanks or a leading quote, which a one-line comment would
/// lose; those are written as a YAML double-quoted scalar (`YAMLText.quoted`: `\n`, `\t`,
/// `\"`, `\\`, `\uXXXX`), which the reader undoes, so a multi-line description survives
/// the round trip.
enum MetadataText {
    static func written(_ value: String) -> String {
        let needsQuotes =
            value.contains("\n") || value.contains("\r") || value.hasPrefix("\"")
            || value.hasPrefix(" ") || value.hasSuffix(" ") || value.hasPrefix("\t") || value.hasSuffix("\t")
        return needsQuotes ? YAMLText.quoted(value) : value
    }

    /// The value a `# key: value` line holds: unquoted and unescaped when written quoted.
    static func read(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var out = String.UnicodeScalarView()
        var escaping = false
        var scalars = text.unicodeScalars.dropFirst().dropLast()[...]
        while let scalar = scalars.popFirst() {
            if escaping {
                switch scalar {
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    // `\uXXXX`, as YAMLText.quoted writes a control or invisible character.
                    let hex = String(String.UnicodeScalarView(scalars.prefix(4)))
                    if hex.count == 4, let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) {
                        out.append(decoded)
                        scalars.removeFirst(4)
                    } else {
                        out.append(scalar)
                    }
                default: out.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.append(scalar)
            }
        }
        if escaping { out.append("\\") }
        return String(out)
    }
}
