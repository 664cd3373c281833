/// Parsers for the scalar values structure files hold, shared by the YAML and CSV readers
/// so that both formats accept exactly the same spellings and give the same errors.
enum ValueParsing {
    static func integer(_ text: String, field: String, at location: SourceLocation) throws(LoadError) -> Int {
        let trimmed = text.trimmingBlanks()
        guard let value = Int(trimmed) else {
            let digits = trimmed.drop { $0 == "-" || $0 == "+" }
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) {
                throw location.error(.tooLarge(field: field, text: text))
            }
            throw location.error(.notWholeNumber(field: field, text: text))
        }
        return value
    }

    static func number(_ text: String, field: String, at location: SourceLocation) throws(LoadError) -> Double {
        let trimmed = text.trimmingBlanks()
        guard let value = plainDecimal(trimmed) else {
            throw location.error(.notNumber(field: field, text: text))
        }
        guard value >= 0 else {
            throw location.error(.negative(field: field, text: text))
        }
        return value
    }

    /// A plain decimal such as `42000`, `-3`, `0.5` or `1.25e3`; nil for anything else
    /// (currency signs, separators, `nan`, `inf`, hex).
    static func plainDecimal(_ text: String) -> Double? {
        var text = text
        text.makeContiguousUTF8()
        switch text.utf8.withContiguousStorageIfAvailable(readDecimal) ?? .needsFullParser {
        case .exact(let value): return value
        case .notANumber: return nil
        case .needsFullParser: return Double(text).flatMap { $0.isFinite ? $0 : nil }
        }
    }

    /// What `readDecimal` made of some bytes.
    enum DecimalReading: Equatable {
        /// An optional sign, then digits with at most one point, 1 to 15 digits in all.
        case exact(Double)
        /// Nothing a number parser would accept (a letter, a currency sign, a blank).
        case notANumber
        /// Numeric characters only, but an exponent or more than 15 digits: for `Double(_:)`.
        case needsFullParser
    }

    /// The one decimal reader for structure files and HR extracts. Up to 15 significant
    /// digits are read without allocating: the digits form an exact integer and one
    /// correctly rounded division by an exact power of ten gives the same double as the
    /// standard parser. Longer numbers and exponents are left to the standard parser, and
    /// callers that accept more (an extract's `£` and thousands separators) read the rest.
    static func readDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> DecimalReading {
        var i = 0
        let n = bytes.count
        var negative = false
        if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var seenPoint = false
        while i < n {
            let byte = bytes[i]
            if byte &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(byte &- 48)
                digits += 1
                if seenPoint { scale += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            i += 1
        }
        guard i == n, digits > 0, digits <= 15 else {
            let numeric = bytes.allSatisfy {
                $0 &- 48 < 10 || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45
            }
            return numeric && digits > 0 ? .needsFullParser : .notANumber
        }
        let value = Double(mantissa) / powersOfTen[scale]
        return .exact(negative ? -value : value)
    }

    /// A whole number as `Int(_:)` reads one (an optional sign, then digits), up to 18
    /// digits, from bytes; nil for anything else, which is left to the text path.
    static func readWhole(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            i = 1
        }
        guard i < bytes.count, bytes.count - i <= 18 else { return nil }
        var value = 0
        while i < bytes.count {
            let digit = bytes[i] &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            i += 1
        }
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = {
        var powers = [1.0]
        for _ in 1...15 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    static func boolean(_ text: String, field: String, at location: SourceLocation) throws(LoadError) -> Bool {
        switch text.trimmingBlanks().lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw location.error(.notBoolean(field: field, text: text))
        }
    }

    static func day(_ text: String, field: String, at location: SourceLocation) throws(LoadError) -> Day {
        guard let day = Day(iso8601: text.trimmingBlanks()) else {
            throw location.error(.notDate(field: field, text: text))
        }
        return day
    }

    /// `vacant`: a number of vacant posts, or true (all of them) / false (none).
    static func vacancy(_ text: String, count: Int, at location: SourceLocation) throws(LoadError) -> Int {
        let trimmed = text.trimmingBlanks()
        // A number, as nearly every row has it, is read without lower-casing anything.
        if let value = Int(trimmed), value >= 0 { return value }
        let word = trimmed.lowercased()
        if word == "true" || word == "yes" { return count }
        if word == "false" || word == "no" { return 0 }
        guard let value = Int(word), value >= 0 else {
            throw location.error(.vacantUnreadable(text: text))
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
        let blankAtEdge =
            utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                guard let head = bytes.first, let tail = bytes.last else { return false }
                return head == 0x20 || head == 0x09 || tail == 0x20 || tail == 0x09
            } ?? true
        guard blankAtEdge else { return self }
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        guard let last = lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(self[first...last])
    }
}
