/// Writes a structure as YAML in the house layout: metadata, then one flat list of posts,
/// fields in a fixed order. The same structure always gives the same bytes.
public struct StructureYAMLWriter: Sendable {
    /// Comment lines written at the top of the file (without the leading `#`).
    public var header: [String]

    public init(header: [String] = []) { self.header = header }

    public func write(_ structure: Structure) -> String {
        var out = ""
        out.reserveCapacity(structure.posts.count * 120)
        for line in header { out += line.isEmpty ? "#\n" : "# \(line)\n" }
        func meta(_ key: String, _ value: String?) {
            if let value { out += "\(key): \(YAMLText.scalar(value))\n" }
        }
        meta("name", structure.name)
        meta("organisation", structure.organisation)
        meta("description", structure.description)
        meta("state", structure.state?.rawValue)
        // An ISO date reads back as the same text, quoted or not: plain is what people write.
        if let effective = structure.effective { out += "effective: \(effective)\n" }
        meta("rules", structure.rules)
        out += "posts:\n"
        for post in structure.posts { writePost(post, to: &out) }
        return out
    }

    private func writePost(_ post: Post, to out: inout String) {
        var first = true
        func field(_ key: String, _ value: String) {
            out += first ? "  - " : "    "
            out += "\(key): \(value)\n"
            first = false
        }
        field("id", YAMLText.scalar(post.id.rawValue))
        if !post.title.isEmpty { field("title", YAMLText.scalar(post.title)) }
        if let tier = post.tier { field("tier", String(tier)) }
        if let boss = post.reportsTo { field("reports_to", YAMLText.scalar(boss.rawValue)) }
        if let holder = post.holder { field("holder", YAMLText.scalar(holder)) }
        if let grade = post.grade { field("grade", YAMLText.scalar(grade)) }
        if let fte = post.fte { field("fte", NumberText.format(fte)) }
        if let cost = post.cost { field("cost", NumberText.format(cost)) }
        if post.count != 1 { field("count", String(post.count)) }
        if post.vacant > 0 { field("vacant", post.isVacant ? "true" : String(post.vacant)) }
        if post.temporary { field("temporary", "true") }
        if let service = post.service { field("service", YAMLText.scalar(service)) }
        if post.assistant { field("assistant", "true") }
        if !post.dottedTo.isEmpty {
            field("dotted_to", "[" + post.dottedTo.map { YAMLText.flowScalar($0.rawValue) }.joined(separator: ", ") + "]")
        }
        if let replaces = post.replaces { field("replaces", YAMLText.scalar(replaces.rawValue)) }
        if !post.deviations.isEmpty {
            field("deviations", "")
            out.removeLast(2)  // "deviations: \n" → "deviations:\n"
            out += "\n"
            for deviation in post.deviations {
                out += "      - rule: \(deviation.rule.rawValue)\n"
                if let rationale = deviation.rationale { out += "        rationale: \(YAMLText.scalar(rationale))\n" }
                if !deviation.agreedBy.isEmpty {
                    out += "        agreed_by: [\(deviation.agreedBy.map(YAMLText.flowScalar).joined(separator: ", "))]\n"
                }
                if let on = deviation.agreedOn { out += "        agreed_on: \(on)\n" }
                if let review = deviation.reviewBy { out += "        review_by: \(review)\n" }
            }
        }
        if !post.attributes.isEmpty {
            field("attributes", "")
            out.removeLast(2)
            out += "\n"
            for attribute in post.attributes {
                out += "      \(YAMLText.scalar(attribute.name)): \(YAMLText.scalar(attribute.value))\n"
            }
        }
    }
}

/// Plain or quoted YAML scalars: plain when the text cannot be misread, double-quoted
/// with escapes otherwise (so "yes", "1001", "a: b" or "#1" stay strings).
enum YAMLText {
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// A scalar inside `[ … ]`, where commas and brackets also need quotes.
    static func flowScalar(_ text: String) -> String {
        text.contains(where: { ",[]{}".contains($0) }) ? quoted(text) : scalar(text)
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard first.properties.isAlphabetic || ("0"..."9").contains(first) || first == "(" else { return false }
        guard last != " " else { return false }
        if reserved.contains(text.lowercased()) { return false }
        if Double(text) != nil || Int(text) != nil { return false }
        if text.first?.isNumber == true, text.contains("-") || text.contains(":") { return false }  // dates, times
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            let safe = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || " ,.'()/&+-–—_".unicodeScalars.contains(scalar)
            guard safe else { return false }
            if scalar == " ", previous == " " { return false }
            previous = scalar
        }
        return true
    }
}

/// Numbers as structure files write them: whole numbers without a decimal point, others
/// in the shortest form that reads back to the same value.
enum NumberText {
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
