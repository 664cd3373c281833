import OrgModel
import OrgSupport

/// The ratios leadership asks about: managers to front-line staff, management cost as a
/// share of all cost, vacancies and temporary posts.
public struct StructureRatios: Hashable, Sendable {
    /// Headcount by role (see `PostRole`).
    public var managementHeadcount = 0
    public var frontLineHeadcount = 0
    public var assistantHeadcount = 0
    /// Posts that lead anyone (entries, not headcount).
    public var managerPosts = 0
    public var managementCost = CostTotal()
    public var totalCost = CostTotal()
    public var headcount = 0
    public var vacantHeadcount = 0
    public var temporaryHeadcount = 0
    /// The mean span of the posts that lead anyone.
    public var meanSpan = 0.0

    /// Adds the posts up into the figures in one pass.
    init(index: StructureIndex, facts: PostFacts) {
        var spanTotal = 0
        let span = index.span
        for position in 0..<facts.count.count {
            let heads = facts.count[position]
            facts.addCost(of: position, to: &totalCost)
            switch facts.role[position] {
            case .management:
                managementHeadcount += heads
                facts.addCost(of: position, to: &managementCost)
            case .assistant: assistantHeadcount += heads
            case .frontLine: frontLineHeadcount += heads
            }
            if index.reportCount(of: position) > 0 {
                managerPosts += 1
                spanTotal += span[position]
            }
            vacantHeadcount += facts.vacant[position]
            if facts.temporary[position] { temporaryHeadcount += heads }
        }
        headcount = managementHeadcount + frontLineHeadcount + assistantHeadcount
        meanSpan = managerPosts == 0 ? 0 : Double(spanTotal) / Double(managerPosts)
    }

    /// Front-line heads per manager: the "1 : N" of a managers-to-staff ratio.
    public var frontLinePerManager: Double? {
        managementHeadcount == 0 ? nil : Double(frontLineHeadcount) / Double(managementHeadcount)
    }

    /// "1 : 6.4", or "—" with no managers.
    public var managerRatioText: String {
        frontLinePerManager.map { "1 : " + Figures.decimal($0, places: 1) } ?? "—"
    }

    /// Management cost as a share of all cost: "18.2% of all cost", or, when some costs
    /// are unknown, "18.2% of the known cost (3 posts of unknown cost)".
    public var managementCostShareText: String {
        let share = Figures.percent(managementCost.known, of: totalCost.known)
        return totalCost.isComplete
            ? "\(share) of all cost" : "\(share) of the known cost (\(Plural.grouped(totalCost.unknownPosts, "post")) of unknown cost)"
    }
}
