import OrgSupport

/// Assembles a `Post` field by field from raw text, then checks the fields against each
/// other (count, vacant, fte). The YAML and CSV readers both go through it, so a post
/// means the same whichever format it was written in.
struct PostBuilder {
    private(set) var post: Post
    /// The file read, named in errors.
    let file: String
    /// `vacant` as read (a number a CSV reader took from the bytes, or text for
    /// `ValueParsing.vacancy`), checked against `count` once the row is read.
    private var pendingVacancy: (value: Vacancy, line: Int?, column: Int?)?
    private enum Vacancy {
        case number(Int)
        case text(String)
    }
    private var pendingFTE: (line: Int?, column: Int?)?
    private var hasID = false

    init(file: String, line: Int) {
        self.file = file
        post = Post(id: PostID(""), line: line)
    }

    /// Starts the next post on `line`, once the last is finished: a reader of a million rows
    /// keeps one builder rather than making and discarding one a row.
    mutating func start(line: Int) {
        post.line = line
        pendingVacancy = nil
        pendingFTE = nil
        hasID = false
    }

    /// Where a field stands, for an error: made only when one is raised, as a million rows
    /// of ten fields would otherwise make ten million locations, each holding the file's name.
    private func location(_ line: Int?, _ column: Int?) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Sets a scalar field from its text, found at `line` and `column` (nil where the
    /// format has none). Empty text means the field is absent.
    mutating func set(_ field: PostField, _ text: String, line: Int?, column: Int?) throws(LoadError) {
        let value = text.trimmingBlanks()
        if value.isEmpty || setText(field, trimmed: value, whole: text) { return }
        switch field {
        case .id, .title, .reportsTo, .holder, .grade, .service, .replaces: return  // set as text above
        case .tier: try setTier(try ValueParsing.integer(value, field: "tier", at: location(line, column)), line: line, column: column)
        case .fte: setFTE(try ValueParsing.number(value, field: "fte", at: location(line, column)), line: line, column: column)
        case .cost: try setCost(try ValueParsing.number(value, field: "cost", at: location(line, column)), line: line, column: column)
        case .count:
            try setCount(try ValueParsing.integer(value, field: "count", at: location(line, column)), line: line, column: column)
        case .vacant: pendingVacancy = (.text(value), line, column)
        case .temporary: post.temporary = try ValueParsing.boolean(value, field: "temporary", at: location(line, column))
        case .assistant: post.assistant = try ValueParsing.boolean(value, field: "assistant", at: location(line, column))
        case .dottedTo:
            post.dottedTo = value.split(separator: ";").map { PostID(String($0).trimmingBlanks()) }
                .filter { !$0.rawValue.isEmpty }
        case .deviations, .attributes:
            throw location(line, column).error(.fieldNotSingle(field: field.rawValue))
        }
    }

    /// Whether `field` is text kept as it is read (trimmed of blanks, or whole), which
    /// `setText` sets without reading anything from it.
    static func isText(_ field: PostField) -> Bool {
        switch field {
        case .id, .title, .reportsTo, .holder, .grade, .service, .replaces: true
        default: false
        }
    }

    /// Sets a text field (see `isText`) from its text, `trimmed` of blanks (not empty) and
    /// `whole`; false, with nothing set, for any other field. A CSV reader passes one
    /// string as both for a cell without blanks at its edges, made once from its bytes.
    mutating func setText(_ field: PostField, trimmed: String, whole: String) -> Bool {
        switch field {
        case .id:
            post.id = PostID(trimmed)
            hasID = true
        case .title: post.title = whole
        case .reportsTo: post.reportsTo = PostID(trimmed)
        case .holder: post.holder = whole
        case .grade: post.grade = trimmed
        case .service: post.service = whole
        case .replaces: post.replaces = PostID(trimmed)
        default: return false
        }
        return true
    }

    /// Sets `tier` or `count` from a whole number the caller has read (a CSV reader reads
    /// a plain number straight from the file's bytes); the same checks as from text.
    mutating func setWhole(_ field: PostField, _ value: Int, line: Int?, column: Int?) throws(LoadError) {
        if field == .tier { try setTier(value, line: line, column: column) } else { try setCount(value, line: line, column: column) }
    }

    /// Sets `vacant` from a number of vacancies the caller has read (at least 0); the same
    /// checks as from text.
    mutating func setVacant(_ value: Int, line: Int?, column: Int?) {
        pendingVacancy = (.number(value), line, column)
    }

    /// Sets `fte` or `cost` from a number the caller has read; the same checks as from text.
    mutating func setDecimal(_ field: PostField, _ value: Double, line: Int?, column: Int?) throws(LoadError) {
        if field == .fte { setFTE(value, line: line, column: column) } else { try setCost(value, line: line, column: column) }
    }

    private mutating func setTier(_ tier: Int, line: Int?, column: Int?) throws(LoadError) {
        guard tier >= 1 else { throw location(line, column).error(.tierBelowOne(tier: tier)) }
        post.tier = tier
    }

    private mutating func setFTE(_ fte: Double, line: Int?, column: Int?) {
        post.fte = fte
        pendingFTE = (line, column)
    }

    private mutating func setCost(_ cost: Double, line: Int?, column: Int?) throws(LoadError) {
        if PostLimits.costProblem(cost, field: "cost") != nil {
            throw location(line, column).error(.costOverLimit(field: "cost", cost: cost))
        }
        post.cost = cost
    }

    private mutating func setCount(_ count: Int, line: Int?, column: Int?) throws(LoadError) {
        guard count >= 1 else { throw location(line, column).error(.countBelowOne(count: count)) }
        if PostLimits.countProblem(count, field: "count") != nil {
            throw location(line, column).error(.countOverLimit(field: "count", count: count))
        }
        post.count = count
    }

    mutating func setDottedTo(_ ids: [PostID]) { post.dottedTo = ids }
    mutating func setDeviations(_ deviations: [Deviation]) { post.deviations = deviations }
    mutating func addAttribute(_ name: String, _ value: String) {
        post.attributes.append(Attribute(name: name, value: value))
    }

    /// The finished post, once its fields agree with each other. The post is moved out
    /// (the builder keeps an empty one), not copied: a million posts are not each retained
    /// field by field and then released with the builder.
    mutating func finish(line: Int?, column: Int? = nil) throws(LoadError) -> Post {
        try check(line: line, column: column)
        // Moved out where it lies, an empty post (which holds nothing to count) left in its place.
        return withUnsafeMutablePointer(to: &post) { place in
            let finished = place.move()
            place.initialize(to: Post(id: PostID(""), line: finished.line))
            return finished
        }
    }

    /// As `finish`, the post moved straight into `target` (uninitialized memory), where a
    /// reader of a million rows wants it, rather than given back and copied there.
    mutating func finish(line: Int?, column: Int? = nil, into target: UnsafeMutablePointer<Post>) throws(LoadError) {
        try check(line: line, column: column)
        withUnsafeMutablePointer(to: &post) { place in
            target.moveInitialize(from: place, count: 1)
            place.initialize(to: Post(id: PostID(""), line: 0))
        }
    }

    /// The checks of the fields against each other, once all are set.
    private mutating func check(line: Int?, column: Int?) throws(LoadError) {
        guard hasID else {
            throw location(line, column).error(.postWithoutID)
        }
        if let (value, line, column) = pendingVacancy {
            let vacant: Int
            switch value {
            case .number(let number): vacant = number
            case .text(let text): vacant = try ValueParsing.vacancy(text, count: post.count, at: self.location(line, column))
            }
            guard vacant <= post.count else {
                throw self.location(line, column).error(.vacantOverCount(post: post.id, vacant: vacant, count: post.count))
            }
            post.vacant = vacant
        }
        if let fte = post.fte, fte > Double(post.count) + 1e-9, let (line, column) = pendingFTE {
            throw self.location(line, column).error(.fteOverCount(post: post.id, fte: fte, count: post.count))
        }
    }
}
