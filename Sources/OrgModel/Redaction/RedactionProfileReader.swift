import Yams

/// Reads a redaction profile file (YAML):
///
/// ```yaml
/// named_tiers: [2, 3]        # tiers whose holders are named; N/D elsewhere
/// placeholder: N/D
/// cost_band: 5000            # costs to the floor of their £5,000 band; 0 keeps them exact
/// remove_attributes: [Employee Number, Contact Phone]   # replaces the default list
/// band_attributes: [Salary]                              # replaces the default list
/// ```
///
/// A key left out keeps the default (`RedactionProfile.standard`).
public enum RedactionProfileReader: SettingsFileReader {
    enum Key: String, CaseIterable {
        case namedTiers = "named_tiers"
        case placeholder
        case costBand = "cost_band"
        case removeAttributes = "remove_attributes"
        case bandAttributes = "band_attributes"
    }

    public static let fileKind = "redaction profile"

    public static func parse(_ text: String, file: String) throws(LoadError) -> RedactionProfile {
        var profile = RedactionProfile.standard
        guard let settings = try SettingsFile(text, file: file) else { return profile }
        let nodes = settings.nodes
        for (keyNode, value) in try nodes.mapping(settings.root, what: "a redaction profile") {
            let (known, key) = try nodes.key(keyNode, as: Key.self, what: "redaction profile")
            let location = nodes.location(of: value)
            switch known {
            case .namedTiers:
                var tiers: Set<Int> = []
                for item in nodes.isNull(value) ? [] : try nodes.scalarList(value, what: key) {
                    let tier = try ValueParsing.integer(item, field: "each of named_tiers", at: location)
                    guard tier >= 1 else { throw location.error(.namedTierBelowOne(tier: tier)) }
                    tiers.insert(tier)
                }
                profile.namedTiers = tiers
            case .placeholder:
                profile.placeholder = nodes.isNull(value) ? "" : try nodes.scalar(value, what: key)
            case .costBand:
                let band = try ValueParsing.integer(try nodes.scalar(value, what: key), field: key, at: location)
                guard band >= 0 else { throw location.error(.costBandNegative(band: band)) }
                profile.costBand = band
            case .removeAttributes:
                profile.removedAttributes = nodes.isNull(value) ? [] : try nodes.scalarList(value, what: key).map { $0.trimmingBlanks() }
            case .bandAttributes:
                profile.bandedAttributes = nodes.isNull(value) ? [] : try nodes.scalarList(value, what: key).map { $0.trimmingBlanks() }
            }
        }
        return profile
    }
}
