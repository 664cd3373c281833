import ArgumentParser
import OrgModel
import OrgSupport

/// `--redact` and `--redaction-profile`, shared by the commands that publish a structure
/// (`export`, and `render` and `review`), so that all apply the same redaction the same way.
struct RedactionOptions: ParsableArguments {
    @Flag(
        help:
            "Redact for publication: holders' names for tiers 2-3 only (N/D elsewhere), costs as £5,000 bands, personal attributes removed."
    )
    var redact = false

    @Option(
        name: .customLong("redaction-profile"),
        help: ArgumentHelp("A redaction profile file to use instead of the defaults (implies --redact).", valueName: "file"))
    var redactionProfile: String?

    /// The profile to apply, or nil when the output is not redacted.
    func profile() throws(LoadError) -> RedactionProfile? {
        if let redactionProfile { return try RedactionProfileReader.load(redactionProfile) }
        return redact ? .standard : nil
    }

    /// The profile file read, if any: an input, which no output may be written over.
    var files: [String] { redactionProfile.map { [$0] } ?? [] }
}

extension RedactionProfile {
    /// One line saying what the redaction did, for a file's header comment.
    var summary: String {
        let tiers = namedTiers.sorted().map(String.init).joined(separator: ", ")
        var parts = [
            namedTiers.isEmpty
                ? "no names shown" : "names shown for \(Plural.noun(namedTiers.count, "tier")) \(tiers) only, \(placeholder) elsewhere"
        ]
        parts.append(costBand > 0 ? "costs as the floor of their £\(PayBand.pounds(costBand).dropFirst()) band" : "costs exact")
        if !removedAttributes.isEmpty { parts.append("personal attributes removed") }
        return "Redacted for publication: " + parts.joined(separator: "; ")
    }
}
