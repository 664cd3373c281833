/// Groups kept in the order their keys first appear: a team's lines by title.
struct OrderedGroups<Group> {
    /// The groups, first seen first.
    private(set) var all: [Group] = []
    private var slot: [String: Int] = [:]

    /// Applies `change` to the group for `key`, made as `new` the first time the key is seen.
    mutating func update(_ key: String, new: @autoclosure () -> Group, _ change: (inout Group) -> Void) {
        let at: Int
        if let existing = slot[key] {
            at = existing
        } else {
            at = all.count
            slot[key] = at
            all.append(new())
        }
        change(&all[at])
    }
}
