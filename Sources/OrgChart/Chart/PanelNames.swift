/// The DOT node name and SVG element id of every box and cell a panel draws, as its
/// layout places the posts: a stacked leader is a port of its manager's band, a
/// front-line line is its team's box.
///
/// Node names start with the panel's key ("p", "c", "x"), so two panels of one chart
/// never share one; element ids are post ids after the panel's prefix ("current-").
struct PanelNames {
    let layout: PanelLayout
    /// Prefix of the panel's DOT node names.
    let nameKey: String
    /// Each post's own id, made unique.
    let ids: ElementIDs
    /// Prefix of every element id ("" or "current-"/"proposed-").
    let idPrefix: String
    /// A chartbook page's references, whose boxes take the page they refer to in their id.
    let page: PanelPage?

    /// The band of `manager`'s reports stacked in `row`.
    func band(_ manager: Int, _ row: ChartRow) -> String {
        "\(nameKey)s\(manager)_\(row.slug(joinedBy: "_"))"
    }

    /// The box of `manager`'s front-line team.
    func team(_ manager: Int) -> String { "\(nameKey)t\(manager)" }

    /// Where lines to and from a post end: its box, its cell's port in a band, or its
    /// team's box (a team leader's team in a band ends at the leader's cell).
    func box(_ position: Int) -> String {
        if let leader = layout.teamOf[position], let manager = layout.stackOf[leader] {
            return band(manager, layout.row[leader]) + ":c\(leader)"
        }
        if let manager = layout.stackOf[position] { return band(manager, layout.row[position]) + ":c\(position)" }
        if let manager = layout.teamOf[position] { return team(manager) }
        return "\(nameKey)\(position)"
    }

    /// A post's own id, prefixed.
    func postID(_ position: Int) -> String { idPrefix + ids[position] }

    /// The id of `manager`'s front-line team box.
    func teamID(_ manager: Int) -> String { postID(manager) + "/front-line" }

    /// The id of the band of `manager`'s reports stacked in `row`.
    func bandID(_ manager: Int, _ row: ChartRow) -> String { postID(manager) + "/stack-" + row.slug }

    /// The id of what stands for a post: its team's box, a reference to the page its
    /// branch continues on, or its own box.
    func elementID(_ position: Int) -> String {
        if let manager = layout.teamOf[position] { return teamID(manager) }
        if let reference = page?.reference(position) { return postID(position) + "/see-p\(reference)" }
        return postID(position)
    }
}
