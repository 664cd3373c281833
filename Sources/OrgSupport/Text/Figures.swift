/// Numbers as the reports print them: pounds with thousands separators, counts, FTE and
/// percentages, spelt the same way on every machine.
///
/// Reports go into committee appendices and into git, so they must not depend on the
/// locale of whoever ran the tool: the formatting is done here by hand rather than by
/// `NumberFormatter`.
public enum Figures {
    /// "£1,234,000": whole pounds, rounded half away from zero; "−£86,000" when negative.
    public static func pounds(_ value: Double) -> String {
        guard value.isFinite else { return "£—" }
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        let sign = rounded < 0 ? "−" : ""
        // Past Int64 (no file can hold such a cost, but the library takes any Double),
        // the digits of the double itself.
        let digits = abs(rounded) < 9e18 ? String(Int64(abs(rounded))) : String(format: "%.0f", abs(rounded))
        return sign + "£" + grouped(digits: digits)
    }

    /// "+£86,000" or "−£12,000" (a change, signed); "£0" when nothing changes.
    public static func signedPounds(_ value: Double) -> String {
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        if rounded == 0 { return "£0" }
        return (rounded > 0 ? "+" : "") + pounds(rounded)
    }

    /// "1,234,567".
    public static func grouped(_ value: Int) -> String { grouped(Int64(value)) }

    /// "1,234,567".
    public static func grouped(_ value: Int64) -> String {
        (value < 0 ? "−" : "") + grouped(digits: String(value.magnitude))
    }

    /// A run of digits with a comma every three from the right.
    private static func grouped(digits: String) -> String {
        // Digits are ASCII: written as bytes, not walked as characters (a report of a
        // million posts groups millions of figures).
        let count = digits.utf8.count
        guard count > 3 else { return digits }
        return String(unsafeUninitializedCapacity: count + (count - 1) / 3) { buffer in
            var written = 0
            for (offset, byte) in digits.utf8.enumerated() {
                if offset > 0, (count - offset) % 3 == 0 {
                    buffer[written] = UInt8(ascii: ",")
                    written += 1
                }
                buffer[written] = byte
                written += 1
            }
            return written
        }
    }

    /// "+3", "−2", "0": a change in a count.
    public static func signed(_ value: Int) -> String {
        value > 0 ? "+\(grouped(value))" : grouped(value)
    }

    /// A decimal with at most `places` places and no trailing zeros: 12.5, 3, 0.33;
    /// thousands grouped (1,234.5).
    public static func decimal(_ value: Double, places: Int = 2) -> String {
        decimal(value, places: places, grouping: true)
    }

    /// A decimal as a machine reads it (CSV): no grouping, "." for the point, "-" for minus.
    public static func plain(_ value: Double, places: Int = 2) -> String {
        decimal(value, places: places, grouping: false)
    }

    private static func decimal(_ value: Double, places: Int, grouping: Bool) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return "\(value)" }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        var fraction = String(units % Int64(scale))
        if places > 0 {
            fraction = String(repeating: "0", count: places - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
        } else {
            fraction = ""
        }
        let sign = value < 0 && units != 0 ? (grouping ? "−" : "-") : ""
        return sign + (grouping ? grouped(whole) : String(whole)) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// "+1.5", "−0.5", "0": a change in FTE.
    public static func signedDecimal(_ value: Double, places: Int = 2) -> String {
        let text = decimal(value, places: places)
        return value > 0 && text != "0" ? "+" + text : text
    }

    /// "12.5%" (one decimal place) of `part` in `whole`; "—" when the whole is zero.
    public static func percent(_ part: Double, of whole: Double) -> String {
        guard whole != 0 else { return "—" }
        return decimal(part / whole * 100, places: 1) + "%"
    }

    /// "A, B, C and 4 more": a list that stays readable however long it gets.
    public static func list(_ items: [String], limit: Int = 12) -> String {
        items.prefix(limit).joined(separator: ", ") + (items.count > limit ? " and \(grouped(items.count - limit)) more" : "")
    }

    /// "SLT", "SLT and HR", "SLT, HR and Finance".
    public static func andList(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
