import OrgSupport

/// The largest values a post may hold. Far above any real organisation, they keep every
/// total a report adds up (a million lines at the ceiling) exact in whole pounds and
/// within the range of the integers it is printed through, and they catch a value in the
/// wrong units (pence for pounds, a salary typed into count) at the line that holds it.
public enum PostLimits {
    /// £10 billion: the annual cost of one line.
    public static let maximumCost = 10_000_000_000.0
    /// A million posts in one establishment line.
    public static let maximumCount = 1_000_000

    /// The problem with a cost, if it is over the ceiling; `field` names it as the file does.
    static func costProblem(_ cost: Double, field: String) -> String? {
        cost > maximumCost ? costOverLimit(cost, field: field) : nil
    }

    /// The sentence for a cost over the ceiling, shared by structure files and imports.
    static func costOverLimit(_ cost: Double, field: String) -> String {
        "\(field) \(NumberText.format(cost)) is more than £10,000,000,000, the most one line may cost: check that it is in pounds a year"
    }

    /// The problem with a count, if it is over the ceiling.
    static func countProblem(_ count: Int, field: String) -> String? {
        count > maximumCount ? countOverLimit(count, field: field) : nil
    }

    /// The sentence for a count over the ceiling, shared by structure files and imports.
    static func countOverLimit(_ count: Int, field: String) -> String {
        "\(field) \(count) is more than \(Figures.grouped(maximumCount)), the most posts one line may stand for"
    }
}
