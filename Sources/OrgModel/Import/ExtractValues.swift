/// Parsers for the values HR extracts hold, more forgiving than structure files: money
/// as `£42,000.50`, yes/no flags as `Y`/`N` or `1`/`0`, dates as UK `DD/MM/YYYY`. Each
/// failure is a sentence in the extract's own column name, for the bad-row report.
enum ExtractValues {
    /// A number, allowing a leading `£` and thousands separators in their places.
    static func number(_ text: String, column: String) -> Result<Double, RowProblem> {
        if let value = plainNumber(text.utf8) {
            return value >= 0 ? .success(value) : .failure(RowProblem("\(column) cannot be negative (\(text))"))
        }
        return .failure(
            RowProblem("\(column) must be a number, not \(ValueParsing.quoted(text)) (write digits, such as 0.5 or £42,000.50)"))
    }

    /// The number in `£1,234.50`, `1234.5`, `-3` or `1e3`; nil for anything else. Works on
    /// the bytes: a million-row extract has two or three numbers a row, and most are plain
    /// digits with perhaps a point, which are read exactly without the general parser.
    private static func plainNumber(_ utf8: String.UTF8View) -> Double? {
        // Signed plain decimals are read exactly by the shared reader; whenever it gives a
        // value, the general path below would give the same one.
        if case .exact(let value)? = utf8.withContiguousStorageIfAvailable(ValueParsing.readDecimal) { return value }
        let text = utf8
        var digits: [UInt8] = []
        digits.reserveCapacity(utf8.count)
        var index = text.startIndex
        func skipBlanks() { while index < text.endIndex, text[index] == 0x20 || text[index] == 0x09 { index = text.index(after: index) } }
        skipBlanks()
        // "£" is C2 A3 in UTF-8.
        if index < text.endIndex, text[index] == 0xC2, text.index(after: index) < text.endIndex, text[text.index(after: index)] == 0xA3 {
            index = text.index(index, offsetBy: 2)
            skipBlanks()
        }
        var groupDigits = -1  // digits since the last comma; -1 before any comma
        var leadingGroup = 0  // digits before the first comma
        var seenPoint = false
        var seenExponent = false
        while index < text.endIndex {
            let byte = text[index]
            switch byte {
            case 0x30...0x39:
                digits.append(byte)
                if !seenPoint, !seenExponent {
                    if groupDigits >= 0 { groupDigits += 1 } else { leadingGroup += 1 }
                }
            case 0x2C:  // a thousands separator: 1 to 3 digits before the first, 3 between
                guard !seenPoint, !seenExponent, groupDigits == -1 ? (1...3).contains(leadingGroup) : groupDigits == 3 else { return nil }
                groupDigits = 0
            case 0x2E:
                guard !seenPoint, !seenExponent, groupDigits == -1 || groupDigits == 3 else { return nil }
                seenPoint = true
                digits.append(byte)
            case 0x2B, 0x2D, 0x45, 0x65:
                if byte == 0x45 || byte == 0x65 { seenExponent = true }
                digits.append(byte)
            case 0x20, 0x09:
                skipBlanks()
                guard index == text.endIndex else { return nil }
                continue
            default:
                return nil
            }
            index = text.index(after: index)
        }
        if groupDigits >= 0, !seenPoint, groupDigits != 3 { return nil }
        guard !digits.isEmpty, let value = Double(String(decoding: digits, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// The number in a field's UTF-8 bytes when it is written the usual ways (`42000`,
    /// `0.5`, `£42,000.50`) with at most 15 significant digits, read exactly; nil for
    /// anything else, which then goes through `number(_:column:)` and its messages.
    static func quickNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let count = bytes.count
        if count >= 2, bytes[0] == 0xC2, bytes[1] == 0xA3 { index = 2 }  // "£"
        guard index < count else { return nil }
        var mantissa: UInt64 = 0
        var digits = 0
        var group = -1  // digits since the last comma; -1 before any
        var lead = 0
        var scale = -1
        while index < count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                digits += 1
                if scale >= 0 { scale += 1 } else if group >= 0 { group += 1 } else { lead += 1 }
            } else if byte == 0x2C, scale < 0, group == -1 ? (1...3).contains(lead) : group == 3 {
                group = 0
            } else if byte == 0x2E, scale < 0, group == -1 || group == 3 {
                scale = 0
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, digits <= 15, scale != 0, group == -1 || group == 3 || scale > 0 else { return nil }
        guard scale > 0 else { return Double(mantissa) }
        return Double(mantissa) / powersOfTen[scale]
    }

    private static let powersOfTen: [Double] = (0...16).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

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
            return .failure(
                RowProblem(
                    "\(column) must be yes or no, not \(ValueParsing.quoted(text)) (a mapping's values: table can translate it)"))
        }
    }

    /// `YYYY-MM-DD`, or `DD/MM/YYYY` as UK systems write it (one-digit day and month
    /// allowed); never the US month-first order.
    static func day(_ text: String, column: String) -> Result<Day, RowProblem> {
        // Three numbers and two separators, read from the bytes without allocating.
        var numbers = (0, 0, 0)
        var widths = (0, 0, 0)
        var separators: (UInt8, UInt8) = (0, 0)
        var part = 0
        // Blanks around the date are allowed; a blank inside it ("1 2/03/2020") is not
        // skipped, which would read another date than the one written.
        for byte in text.trimmingBlanks().utf8 {
            switch byte {
            case 0x30...0x39:
                let digit = Int(byte - 0x30)
                switch part {
                case 0:
                    numbers.0 = numbers.0 * 10 + digit
                    widths.0 += 1
                case 1:
                    numbers.1 = numbers.1 * 10 + digit
                    widths.1 += 1
                default:
                    numbers.2 = numbers.2 * 10 + digit
                    widths.2 += 1
                }
                if widths.0 > 4 || widths.1 > 4 || widths.2 > 4 { return .failure(problem(text, column)) }
            case 0x2D, 0x2F:
                switch part {
                case 0 where widths.0 > 0: separators.0 = byte
                case 1 where widths.1 > 0: separators.1 = byte
                default: return .failure(problem(text, column))
                }
                part += 1
            default:
                return .failure(problem(text, column))
            }
        }
        guard part == 2, widths.2 > 0, separators.0 == separators.1 else { return .failure(problem(text, column)) }
        let day: Day?
        if separators.0 == 0x2D, widths == (4, 2, 2) {
            day = Day(year: numbers.0, month: numbers.1, day: numbers.2)
        } else if separators.0 == 0x2F, (1...2).contains(widths.0), (1...2).contains(widths.1), widths.2 == 4 {
            day = Day(year: numbers.2, month: numbers.1, day: numbers.0)
        } else {
            day = nil
        }
        guard let day else { return .failure(problem(text, column)) }
        return .success(day)
    }

    /// `YYYY-MM-DD`, as `Day.description` writes it, made straight from the digits (ten
    /// bytes: a small string, no allocation).
    static func iso(_ day: Day) -> String {
        String(unsafeUninitializedCapacity: 10) { bytes in
            var year = day.year
            for position in (0..<4).reversed() {
                bytes[position] = UInt8(0x30 + year % 10)
                year /= 10
            }
            bytes[4] = 0x2D
            bytes[5] = UInt8(0x30 + day.month / 10)
            bytes[6] = UInt8(0x30 + day.month % 10)
            bytes[7] = 0x2D
            bytes[8] = UInt8(0x30 + day.day / 10)
            bytes[9] = UInt8(0x30 + day.day % 10)
            return 10
        }
    }

    private static func problem(_ text: String, _ column: String) -> RowProblem {
        RowProblem("\(column) must be a date such as 2020-10-01 or 01/10/2020, not \(ValueParsing.quoted(text))")
    }
}

/// One thing wrong with a row, as a sentence.
struct RowProblem: Error, Hashable {
    var message: String
    init(_ message: String) { self.message = message }
}
