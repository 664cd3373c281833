/// Pins the time stamps cairo writes into PDF files so identical input gives identical bytes.
///
/// cairo 1.16 writes `/CreationDate (D:YYYYMMDDHHmmSS...)` with the current local time into the
/// document information dictionary and ignores SOURCE_DATE_EPOCH. Rewriting the value in place,
/// digit for digit, keeps its length, so the cross-reference table's byte offsets stay valid.
enum PDFDates {
    /// The fixed stamp: 2000-01-01 00:00:00, as PDF date digits (YYYYMMDDHHmmSS).
    static let fixedDigits = Array("20000101000000".utf8)

    /// The information-dictionary keys whose values are time stamps.
    static let keys = ["/CreationDate", "/ModDate"].map { Array($0.utf8) }

    /// Returns `pdf` with every date value replaced by the fixed stamp, byte length unchanged.
    static func pin(_ pdf: [UInt8]) -> [UInt8] {
        var bytes = pdf
        for key in keys {
            var searchFrom = 0
            while let keyStart = firstIndex(of: key, in: bytes, from: searchFrom) {
                searchFrom = keyStart + key.count
                rewriteDate(in: &bytes, after: searchFrom)
            }
        }
        return bytes
    }

    /// Rewrites a `(D:...)` string that follows `start` (after optional whitespace), if present.
    private static func rewriteDate(in bytes: inout [UInt8], after start: Int) {
        var index = start
        while index < bytes.count,
            bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\n")
                || bytes[index] == UInt8(ascii: "\r") || bytes[index] == UInt8(ascii: "\t")
        {
            index += 1
        }
        // Expect "(D:"; anything else is not a date we understand, so leave it alone.
        guard index + 3 <= bytes.count, bytes[index] == UInt8(ascii: "("),
            bytes[index + 1] == UInt8(ascii: "D"), bytes[index + 2] == UInt8(ascii: ":")
        else { return }
        let valueStart = index + 3
        // Dates are short ("D:" + 14 digits + a zone like "+01'00'"); an unclosed or long value is
        // not a cairo date, so it is left alone rather than half rewritten.
        let limit = min(bytes.count, valueStart + 40)
        guard let valueEnd = bytes[valueStart..<limit].firstIndex(of: UInt8(ascii: ")")) else { return }
        var digitsSeen = 0
        for position in valueStart..<valueEnd where bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9") {
            // Date digits take the fixed stamp; time-zone offset digits become 0 (UTC).
            bytes[position] = digitsSeen < fixedDigits.count ? fixedDigits[digitsSeen] : UInt8(ascii: "0")
            digitsSeen += 1
        }
    }

    /// The first position at or after `from` where `needle` occurs in `haystack`.
    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else {
            return nil
        }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
