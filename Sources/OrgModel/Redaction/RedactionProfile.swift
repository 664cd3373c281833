import OrgSupport

/// What a published structure may show: whose names, how exact the costs, which
/// attributes. `orgmodel export`, `render` and `review` apply it with `--redact`; a
/// profile file (`RedactionProfileReader`) changes the defaults.
///
/// The default follows how councils and departments publish structures: names for the
/// senior tiers only (2 and 3), `N/D` (not disclosed) elsewhere; costs to the floor of
/// their £5,000 band; and the attributes HR extracts and organograms commonly carry
/// personal data in removed.
public struct RedactionProfile: Sendable, Hashable {
    /// Tiers whose holders are shown by name; every other holder becomes `placeholder`.
    public var namedTiers: Set<Int>
    /// What stands in for a name that is not shown.
    public var placeholder: String
    /// Width of the cost bands in pounds; a cost becomes the floor of its band (the
    /// organogram convention). 0 leaves costs exact.
    public var costBand: Int
    /// Attributes removed from every post (names matched without regard to case).
    public var removedAttributes: [String]
    /// Attributes holding money, banded like costs (`Salary`, a pay floor).
    public var bandedAttributes: [String]

    public init(
        namedTiers: Set<Int> = [2, 3], placeholder: String = "N/D", costBand: Int = 5_000,
        removedAttributes: [String] = RedactionProfile.personalAttributes,
        bandedAttributes: [String] = RedactionProfile.payAttributes
    ) {
        self.namedTiers = namedTiers
        self.placeholder = placeholder
        self.costBand = costBand
        self.removedAttributes = removedAttributes
        self.bandedAttributes = bandedAttributes
    }

    /// The default profile: names for tiers 2 and 3, £5,000 cost bands, personal
    /// attributes removed, pay attributes banded.
    public static let standard = RedactionProfile()

    /// Attribute names that commonly hold personal data in HR extracts and organograms.
    public static let personalAttributes = [
        "Employee Name", "Employee Number", "Employee ID", "Person ID", "Payroll Number", "Staff Number",
        "Email", "E-mail", "Work Email", "Personal Email", "Contact E-mail", "Contact Email",
        "Phone", "Telephone", "Mobile", "Contact Phone", "Home Address", "Address", "Postcode",
        "Date of Birth", "DOB", "Age", "Gender", "Sex", "Ethnicity", "Ethnic Origin", "Disability",
        "Religion", "Sexual Orientation", "National Insurance Number", "NI Number", "NINO",
        "Line Manager", "Line Manager Name", "Manager Name", "Start Date", "Continuous Service Date",
        "Notes",
    ]

    /// Attribute names that commonly hold an individual's pay.
    public static let payAttributes = [
        "Salary", "Annual Salary", "Basic Salary", "Pay", "Actual Pay Floor (£)", "Actual Pay Ceiling (£)",
    ]

    /// Whether the holder of a post in `tier` is shown by name.
    public func showsName(tier: Int?) -> Bool {
        guard let tier else { return false }
        return namedTiers.contains(tier)
    }

    /// `amount` as the floor of its band (unchanged when bands are off).
    public func banded(_ amount: Double) -> Double {
        costBand > 0 ? Double(PayBand(containing: amount, width: costBand).floor) : amount
    }

    /// How a redacted cost reads: `£40,000–£44,999`, or the exact pounds when bands are off.
    public func costLabel(_ amount: Double) -> String {
        costBand > 0 ? PayBand(containing: amount, width: costBand).description : Figures.pounds(amount)
    }
}
