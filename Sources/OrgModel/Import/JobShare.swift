/// A post held by several people: the rows of a source that repeat one post id, folded
/// into one post. FTE and cost are summed; the holders are listed, in row order, in
/// `holder` separated by `; `; each row's own FTE is kept in the `Job share FTE`
/// attribute, so the organogram writer can give each holder their row back.
public enum JobShare {
    /// The attribute that lists each holder's FTE, `0.6; 0.4`, in holder order.
    public static let fteAttribute = "Job share FTE"
    /// What separates holders in `holder` and their FTEs in the attribute.
    public static let separator = "; "
    /// Written in a job share's holder list for a row that names nobody.
    static let undisclosed = "N/D"
    static let vacantMark = "Vacant"

    /// Folds `other` (a later row with the same id) into `post`. `isFirstShare` says
    /// whether `post` is still a single row, so its own holder and FTE start the lists.
    static func merge(_ other: Post, into post: inout Post, isFirstShare: Bool) {
        if isFirstShare {
            post.attributes.removeAll { $0.name == fteAttribute }
            post.attributes.append(Attribute(name: fteAttribute, value: NumberText.format(post.fte ?? 1)))
            post.holder = holderEntry(of: post)
        }
        if let index = post.attributes.firstIndex(where: { $0.name == fteAttribute }) {
            post.attributes[index].value += separator + NumberText.format(other.fte ?? 1)
        }
        post.holder = (post.holder ?? "") + separator + holderEntry(of: other)
        if post.fte != nil || other.fte != nil { post.fte = (post.fte ?? 0) + (other.fte ?? 0) }
        if post.cost != nil || other.cost != nil { post.cost = (post.cost ?? 0) + (other.cost ?? 0) }
        post.vacant = min(post.vacant, other.vacant)
        // Keep what the rows say differently, rather than the first row's word alone.
        for attribute in other.attributes {
            if let index = post.attributes.firstIndex(where: { $0.name == attribute.name }) {
                let current = post.attributes[index].value
                if current != attribute.value, !current.components(separatedBy: separator).contains(attribute.value) {
                    post.attributes[index].value = current + separator + attribute.value
                }
            } else {
                post.attributes.append(attribute)
            }
        }
    }

    /// Clears the holder list when it names nobody at all.
    static func tidy(_ post: inout Post) {
        guard let holder = post.holder else { return }
        let names = holder.components(separatedBy: separator)
        if names.allSatisfy({ $0 == undisclosed || $0 == vacantMark }) { post.holder = nil }
    }

    private static func holderEntry(of post: Post) -> String {
        if let holder = post.holder { return holder }
        return post.isVacant ? vacantMark : undisclosed
    }

    /// The holders of a job share with their FTEs, one per row; nil when the post is not
    /// a job share (or its lists do not line up).
    public static func rows(of post: Post) -> [(holder: String?, vacant: Bool, fte: Double?)]? {
        guard let ftes = post.attributes.first(where: { $0.name == fteAttribute })?.value.components(separatedBy: separator),
            ftes.count > 1
        else { return nil }
        let holders = post.holder?.components(separatedBy: separator)
        return ftes.enumerated().map { index, fte in
            let name = holders.flatMap { $0.count == ftes.count ? $0[index] : nil }
            let vacant = name == vacantMark
            let holder = (name == nil || name == undisclosed || vacant) ? nil : name
            return (holder, vacant, Double(fte.trimmingBlanks()))
        }
    }
}
