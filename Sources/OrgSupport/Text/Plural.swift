/// A count and its noun in English, the one way orgmodel words "1 post", "3 posts".
///
/// `count` writes the number as plain digits (logs, messages, file notes one might grep);
/// `grouped` writes it with thousands separators, as the reports print figures. Give the
/// plural when adding `s` is wrong: `Plural.count(2, "child", "children")`.
public enum Plural {
    /// "1 error", "3 errors", "1234 errors".
    public static func count(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(count) \(Self.noun(count, noun, plural))"
    }

    /// "1 post", "1,234 posts".
    public static func grouped(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(Figures.grouped(count)) \(Self.noun(count, noun, plural))"
    }

    /// The noun alone: "error" for one, "errors" for any other count.
    public static func noun(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        count == 1 ? noun : plural ?? noun + "s"
    }
}
