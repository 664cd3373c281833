import OrgSupport

/// Assembles a `Post` field by field from raw text, then checks the fields against each
/// other (count, vacant, fte). The YAML and CSV readers both go through it, so a post
/// means the same whichever format it was written in.
struct PostBuilder {
    private(set) var post: Post
    private var pendingVacancy: (text: String, location: SourceLocation)?
    private var pendingFTELocation: SourceLocation?
    private var hasID = false

    init(line: Int) {
        post = Post(id: PostID(""), line: line)
    }

    /// Sets a scalar field from its text. Empty text means the field is absent.
    mutating func set(_ field: PostField, _ text: String, at location: SourceLocation) throws(LoadError) {
        let value = text.trimmingBlanks()
        if value.isEmpty { return }
        switch field {
        case .id:
            post.id = PostID(value)
            hasID = true
        case .title: post.title = text
        case .tier:
            let tier = try ValueParsing.integer(value, field: "tier", at: location)
            guard tier >= 1 else {
                throw location.error("tier must be 1 or more, not \(tier)", hint: "leave tier out for front-line posts")
            }
            post.tier = tier
        case .reportsTo: post.reportsTo = PostID(value)
        case .holder: post.holder = text
        case .grade: post.grade = value
        case .fte:
            post.fte = try ValueParsing.number(value, field: "fte", at: location)
            pendingFTELocation = location
        case .cost:
            let cost = try ValueParsing.number(value, field: "cost", at: location)
            if let problem = PostLimits.costProblem(cost, field: "cost") { throw location.error(problem) }
            post.cost = cost
        case .count:
            let count = try ValueParsing.integer(value, field: "count", at: location)
            guard count >= 1 else { throw location.error("count must be at least 1, not \(count)") }
            if let problem = PostLimits.countProblem(count, field: "count") { throw location.error(problem) }
            post.count = count
        case .vacant: pendingVacancy = (value, location)
        case .temporary: post.temporary = try ValueParsing.boolean(value, field: "temporary", at: location)
        case .service: post.service = text
        case .assistant: post.assistant = try ValueParsing.boolean(value, field: "assistant", at: location)
        case .dottedTo:
            post.dottedTo = value.split(separator: ";").map { PostID(String($0).trimmingBlanks()) }
                .filter { !$0.rawValue.isEmpty }
        case .replaces: post.replaces = PostID(value)
        case .deviations, .attributes:
            throw location.error("\(field.rawValue) cannot be given as a single value")
        }
    }

    mutating func setDottedTo(_ ids: [PostID]) { post.dottedTo = ids }
    mutating func setDeviations(_ deviations: [Deviation]) { post.deviations = deviations }
    mutating func addAttribute(_ name: String, _ value: String) {
        post.attributes.append(Attribute(name: name, value: value))
    }

    /// The finished post, once its fields agree with each other.
    consuming func finish(at location: SourceLocation) throws(LoadError) -> Post {
        guard hasID else {
            throw location.error("post has no id", hint: "give every post a unique id")
        }
        var result = post
        if let (text, vacancyLocation) = pendingVacancy {
            let vacant = try ValueParsing.vacancy(text, count: result.count, at: vacancyLocation)
            guard vacant <= result.count else {
                throw vacancyLocation.error(
                    "post \(result.id): vacant \(vacant) is more than its count \(result.count)",
                    hint: "vacant counts posts of the line; set count to the establishment")
            }
            result.vacant = vacant
        }
        if let fte = result.fte, fte > Double(result.count) + 1e-9, let fteLocation = pendingFTELocation {
            throw fteLocation.error(
                "post \(result.id): fte \(NumberText.format(fte)) is more than its count \(result.count)",
                hint: "for a line of several posts, fte is the line's total and count the number of posts")
        }
        return result
    }
}
