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

    /// Starts the next post on `line`, once the last is finished: a reader of a million rows
    /// keeps one builder rather than making and discarding one a row.
    mutating func start(line: Int) {
        post.line = line
        pendingVacancy = nil
        pendingFTELocation = nil
        hasID = false
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
                throw location.error(.tierBelowOne(tier: tier))
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
            if PostLimits.costProblem(cost, field: "cost") != nil { throw location.error(.costOverLimit(field: "cost", cost: cost)) }
            post.cost = cost
        case .count:
            let count = try ValueParsing.integer(value, field: "count", at: location)
            guard count >= 1 else { throw location.error(.countBelowOne(count: count)) }
            if PostLimits.countProblem(count, field: "count") != nil { throw location.error(.countOverLimit(field: "count", count: count)) }
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
            throw location.error(.fieldNotSingle(field: field.rawValue))
        }
    }

    mutating func setDottedTo(_ ids: [PostID]) { post.dottedTo = ids }
    mutating func setDeviations(_ deviations: [Deviation]) { post.deviations = deviations }
    mutating func addAttribute(_ name: String, _ value: String) {
        post.attributes.append(Attribute(name: name, value: value))
    }

    /// The finished post, once its fields agree with each other. The post is moved out
    /// (the builder keeps an empty one), not copied: a million posts are not each retained
    /// field by field and then released with the builder.
    mutating func finish(at location: SourceLocation) throws(LoadError) -> Post {
        guard hasID else {
            throw location.error(.postWithoutID)
        }
        if let (text, vacancyLocation) = pendingVacancy {
            let vacant = try ValueParsing.vacancy(text, count: post.count, at: vacancyLocation)
            guard vacant <= post.count else {
                throw vacancyLocation.error(.vacantOverCount(post: post.id, vacant: vacant, count: post.count))
            }
            post.vacant = vacant
        }
        if let fte = post.fte, fte > Double(post.count) + 1e-9, let fteLocation = pendingFTELocation {
            throw fteLocation.error(.fteOverCount(post: post.id, fte: fte, count: post.count))
        }
        // Moved out where it lies, an empty post (which holds nothing to count) left in its place.
        return withUnsafeMutablePointer(to: &post) { place in
            let finished = place.move()
            place.initialize(to: Post(id: PostID(""), line: finished.line))
            return finished
        }
    }
}
