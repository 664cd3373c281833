/// A £5,000 pay band, as UK organograms publish senior pay and as redaction shows costs:
/// the floor is the amount rounded down to a multiple of the band's width, and the
/// ceiling is the floor plus the width less one pound (£115,000–£119,999).
public struct PayBand: Hashable, Sendable, CustomStringConvertible {
    public var floor: Int
    public var width: Int

    /// The band of `width` pounds that holds `amount`.
    public init(containing amount: Double, width: Int = 5_000) {
        let width = max(1, width)
        self.width = width
        // Clamped (at £10^15) so that no Double, however large, traps the conversion.
        let bands = (max(0, amount) / Double(width)).rounded(.down)
        self.floor = Int(bands.isNaN ? 0 : min(bands, 1e15 / Double(width))) * width
    }

    public var ceiling: Int { floor + width - 1 }

    /// `£115,000–£119,999`.
    public var description: String { "\(Self.pounds(floor))–\(Self.pounds(ceiling))" }

    /// `£115,000`: pounds with thousands separators, no pence.
    public static func pounds(_ amount: Int) -> String {
        let digits = String(abs(amount))
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (amount < 0 ? "-£" : "£") + out
    }
}
