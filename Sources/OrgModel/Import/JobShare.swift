import Foundation
import OrgSupport

/// A post held by several people: the rows of a source that repeat one post id, folded
/// into one post. Its `count` is the number of holders (one per row, so headcount counts
/// people), FTE and cost are summed (FTE at the precision the rows give, so 0.8 and 0.88
/// make 1.68, not 1.6800000000000002); the holders are listed, in row order, in `holder`
/// separated by `; `; each row's own FTE is kept in the `Job share FTE` attribute, so the
/// organogram writer can give each holder their row back.
public enum JobShare {
    /// The attribute that lists each holder's FTE, `0.6; 0.4`, in holder order.
    public static let fteAttribute = "Job share FTE"
    /// What separates holders in `holder` and their FTEs in the attribute.
    public static let separator = "; "
    /// Written in a job share's holder list for a row that names nobody.
    static let undisclosed = "N/D"
    static let vacantMark = "Vacant"

    /// Folds `other` (a later row with the same id) into `post`. `listed` holds the
    /// attributes already kept as a list, one value per row; it starts empty, and
    /// `post` is then still a single row.
    /// Why `other` cannot join `post` as a job share, when their FTE adds up to more than
    /// their summed count (a structure file refuses such a post).
    static func summedFTEProblem(_ post: Post, _ other: Post) -> ImportProblem? {
        guard post.fte != nil || other.fte != nil else { return nil }
        let summed = summedFTE(post.fte ?? Double(post.count), other.fte ?? Double(other.count))
        let count = post.count + other.count
        guard summed > Double(count) + 1e-9 else { return nil }
        return .jobShareFTE(id: post.id, firstLine: post.line, summed: summed, holders: count)
    }

    /// `a + b` at the precision of the more precise of the two as written (at most six
    /// decimal places), so a sum of published figures carries no binary noise.
    static func summedFTE(_ a: Double, _ b: Double) -> Double {
        let places = min(6, max(decimalPlaces(a), decimalPlaces(b)))
        let scale = pow(10, Double(places))
        return ((a + b) * scale).rounded() / scale
    }

    private static func decimalPlaces(_ value: Double) -> Int {
        let text = NumberText.format(value)
        guard let dot = text.firstIndex(of: "."), !text.contains("e") else { return text.contains("e") ? 6 : 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    static func merge(_ other: Post, into post: inout Post, listed: inout Set<String>) {
        let isFirstShare = !post.attributes.contains { $0.name == fteAttribute }
        if isFirstShare {
            post.attributes.append(Attribute(name: fteAttribute, value: NumberText.format(post.fte ?? 1)))
            post.holder = holderEntry(of: post)
        }
        guard let fteIndex = post.attributes.firstIndex(where: { $0.name == fteAttribute }) else { return }
        let rowsSoFar = post.attributes[fteIndex].value.components(separatedBy: separator).count
        post.attributes[fteIndex].value += separator + NumberText.format(other.fte ?? 1)
        post.holder = (post.holder ?? "") + separator + holderEntry(of: other)
        if post.fte != nil || other.fte != nil {
            post.fte = summedFTE(post.fte ?? Double(post.count), other.fte ?? Double(other.count))
        }
        if post.cost != nil || other.cost != nil { post.cost = (post.cost ?? 0) + (other.cost ?? 0) }
        // One holder per row: the count is the people, and a row that is vacant is one of them vacant.
        post.count += other.count
        post.vacant += other.vacant
        // An attribute the rows agree on stays one value; one they differ on becomes a
        // list with a value per row, so the organogram writer can give each row its own.
        var names = post.attributes.map(\.name)
        for attribute in other.attributes where !names.contains(attribute.name) { names.append(attribute.name) }
        for name in names where name != fteAttribute {
            let mine = post.attributes.first { $0.name == name }?.value
            let theirs = other.attributes.first { $0.name == name }?.value
            let value: String
            if listed.contains(name) {
                value = (mine ?? "") + separator + (theirs ?? "")
            } else if mine == theirs {
                continue
            } else {
                value = Array(repeating: mine ?? "", count: rowsSoFar).joined(separator: separator) + separator + (theirs ?? "")
                listed.insert(name)
            }
            if let index = post.attributes.firstIndex(where: { $0.name == name }) {
                post.attributes[index].value = value
            } else {
                post.attributes.insert(Attribute(name: name, value: value), at: post.attributes.count - 1)
            }
        }
        // Keep the FTE list last, where a single row's attributes end.
        if let index = post.attributes.firstIndex(where: { $0.name == fteAttribute }), index != post.attributes.count - 1 {
            post.attributes.append(post.attributes.remove(at: index))
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

    /// The value of an attribute for row `row` of `rows`: its part when the attribute
    /// is a list of one value per row, the whole value otherwise.
    public static func value(_ value: String, row: Int, of rows: Int) -> String {
        guard rows > 1, value.contains(separator) else { return value }
        let parts = value.components(separatedBy: separator)
        return parts.count == rows ? parts[row] : value
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
