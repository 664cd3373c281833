/// Parsers for the values HR extracts hold, more forgiving than structure files: money
/// as `£42,000.50`, yes/no flags as `Y`/`N` or `1`/`0`, dates as UK `DD/MM/YYYY`. Each
/// failure is a sentence in the extract's own column name, for the bad-row report.
enum ExtractValues {
    /// A number, allowing a leading `£` and thousands separators in their places.
    static func number(_ text: String, column: String) -> Result<Double, RowProblem> {
        var body = Substring(text)
        if body.hasPrefix("£") { body = body.dropFirst() }
        body = Substring(String(body).trimmingBlanks())
        if body.contains(",") {
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            let grouped = groups.count > 1 && (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            guard grouped else { return .failure(RowProblem("\(column) must be a number, not \(ValueParsing.quoted(text))")) }
            body = Substring(groups.joined() + (parts.count > 1 ? "." + parts[1] : ""))
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }),
            let value = Double(body), value.isFinite
        else {
            return .failure(RowProblem("\(column) must be a number, not \(ValueParsing.quoted(text))"))
        }
        guard value >= 0 else { return .failure(RowProblem("\(column) cannot be negative (\(text))")) }
        return .success(value)
    }

    static func integer(_ text: String, column: String) -> Result<Int, RowProblem> {
        guard let value = Int(text.trimmingBlanks()) else {
            return .failure(RowProblem("\(column) must be a whole number, not \(ValueParsing.quoted(text))"))
        }
        return .success(value)
    }

    static func boolean(_ text: String, column: String) -> Result<Bool, RowProblem> {
        switch text.trimmingBlanks().lowercased() {
        case "true", "yes", "y", "1": return .success(true)
        case "false", "no", "n", "0": return .success(false)
        default:
            return .failure(RowProblem(
                "\(column) must be yes or no, not \(ValueParsing.quoted(text)) (a mapping's values: table can translate it)"))
        }
    }

    /// `YYYY-MM-DD`, or `DD/MM/YYYY` as UK systems write it (one-digit day and month
    /// allowed); never the US month-first order.
    static func day(_ text: String, column: String) -> Result<Day, RowProblem> {
        let trimmed = text.trimmingBlanks()
        if let day = Day(iso8601: trimmed) { return .success(day) }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), let day = Day(year: y, month: m, day: d)
        {
            return .success(day)
        }
        return .failure(RowProblem("\(column) must be a date such as 2020-10-01 or 01/10/2020, not \(ValueParsing.quoted(text))"))
    }
}

/// One thing wrong with a row, as a sentence.
struct RowProblem: Error, Hashable {
    var message: String
    init(_ message: String) { self.message = message }
}
