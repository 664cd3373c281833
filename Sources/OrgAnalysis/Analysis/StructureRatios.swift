import OrgModel
import OrgSupport

/// The ratios leadership asks about: managers to front-line staff, management cost as a
/// share of all cost, vacancies and temporary posts.
public struct StructureRatios: Hashable, Sendable {
    /// Headcount by role (see `PostRole`).
    public var managementHeadcount: Int
    public var frontLineHeadcount: Int
    public var assistantHeadcount: Int
    /// Posts that lead anyone (entries, not headcount).
    public var managerPosts: Int
    public var managementCost: CostTotal
    public var totalCost: CostTotal
    public var headcount: Int
    public var vacantHeadcount: Int
    public var temporaryHeadcount: Int
    /// The mean span of the posts that lead anyone.
    public var meanSpan: Double

    init(index: StructureIndex, facts: PostFacts) {
        var management = 0
        var frontLine = 0
        var assistants = 0
        var managers = 0
        var vacant = 0
        var temporary = 0
        var spanTotal = 0
        var managementCost = CostTotal()
        var totalCost = CostTotal()
        let span = index.span
        for position in 0..<facts.count.count {
            let heads = facts.count[position]
            facts.addCost(of: position, to: &totalCost)
            switch facts.role[position] {
            case .management:
                management += heads
                facts.addCost(of: position, to: &managementCost)
            case .assistant: assistants += heads
            case .frontLine: frontLine += heads
            }
            if index.reportCount(of: position) > 0 {
                managers += 1
                spanTotal += span[position]
            }
            vacant += facts.vacant[position]
            if facts.temporary[position] { temporary += heads }
        }
        managementHeadcount = management
        frontLineHeadcount = frontLine
        assistantHeadcount = assistants
        managerPosts = managers
        self.managementCost = managementCost
        self.totalCost = totalCost
        headcount = management + frontLine + assistants
        vacantHeadcount = vacant
        temporaryHeadcount = temporary
        meanSpan = managers == 0 ? 0 : Double(spanTotal) / Double(managers)
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
