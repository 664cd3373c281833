import Foundation

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
        public var description: String {
            let shown = postsWithDeviations.prefix(5).map(\.rawValue).joined(separator: ", ")
            let more = postsWithDeviations.count > 5 ? " and \(postsWithDeviations.count - 5) more" : ""
            return "CSV cannot hold deviations, and \(shown)\(more) have some: write the structure as YAML instead"
        }
    }

    public func write(_ structure: Structure) throws(Refusal) -> String {
        let withDeviations = structure.posts.filter { !$0.deviations.isEmpty }.map(\.id)
        guard withDeviations.isEmpty else { throw Refusal(postsWithDeviations: withDeviations) }
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
        func meta(_ key: String, _ value: String?) {
            if let value { out += "# \(key): \(value.replacingNewlines())\n" }
        }
        meta("name", structure.name)
        meta("organisation", structure.organisation)
        meta("description", structure.description)
        meta("state", structure.state?.rawValue)
        meta("effective", structure.effective?.description)
        meta("rules", structure.rules)
        let header = fields.map(\.rawValue) + attributeNames.map { PostField.attributeColumnPrefix + $0 }
        out += header.map(field).joined(separator: String(delimiter)) + "\n"
        for post in posts {
            var cells: [String] = fields.map { value(of: $0, in: post) }
            if !attributeNames.isEmpty {
                var byName: [String: String] = [:]
                for attribute in post.attributes where byName[attribute.name] == nil { byName[attribute.name] = attribute.value }
                cells += attributeNames.map { byName[$0] ?? "" }
            }
            out += cells.map(field).joined(separator: String(delimiter))
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

    /// A cell, quoted when it holds the delimiter, a quote, a line break or edge blanks.
    private func field(_ text: String) -> String {
        let needsQuotes = text.contains(delimiter) || text.contains("\"") || text.contains("\n")
            || text.contains("\r") || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
