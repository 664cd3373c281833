/// Parsers for the scalar values structure files hold, shared by the YAML and CSV readers
/// so that both formats accept exactly the same spellings and give the same errors.
enum ValueParsing {
    static func integer(_ text: String, field: String, at location: SourceLocation) throws(LoadError) -> Int {
        guard let value = Int(text.trimmingBlanks()) else {
            throw location.error("\(field) must be a whole number, not \(quoted(text))")
        }
        return value
    }

    static func number(_ text: String, field: String, at location: SourceLocation) throws(LoadError) -> Double {
        let trimmed = text.trimmingBlanks()
        guard let value = Double(trimmed), value.isFinite,
            trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") })
        else {
            throw location.error(
                "\(field) must be a number, not \(quoted(text))",
                hint: "write plain digits such as 42000 or 0.5, without £ or thousands separators")
        }
        guard value >= 0 else { throw location.error("\(field) cannot be negative (\(text))") }
        return value
    }

    static func boolean(_ text: String, field: String, at location: SourceLocation) throws(LoadError) -> Bool {
        switch text.trimmingBlanks().lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw location.error("\(field) must be true or false, not \(quoted(text))")
        }
    }

    static func day(_ text: String, field: String, at location: SourceLocation) throws(LoadError) -> Day {
        guard let day = Day(iso8601: text.trimmingBlanks()) else {
            throw location.error("\(field) must be an ISO 8601 date such as 2020-10-01, not \(quoted(text))")
        }
        return day
    }

    /// `vacant`: a number of vacant posts, or true (all of them) / false (none).
    static func vacancy(_ text: String, count: Int, at location: SourceLocation) throws(LoadError) -> Int {
        let trimmed = text.trimmingBlanks().lowercased()
        if trimmed == "true" || trimmed == "yes" { return count }
        if trimmed == "false" || trimmed == "no" { return 0 }
        guard let value = Int(trimmed), value >= 0 else {
            throw location.error("vacant must be a whole number of posts or true/false, not \(quoted(text))")
        }
        return value
    }

    static func quoted(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "\"\(shown)\""
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        guard let head = utf8.first, let tail = utf8.last else { return self }
        if head != 0x20, head != 0x09, tail != 0x20, tail != 0x09 { return self }
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        guard let last = lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(self[first...last])
    }
}
