import Foundation
import OrgModel
import OrgSupport

/// What a chartbook page tells a panel: which drawn posts stand for branches continued on
/// other pages, and how to link to a page.
struct PanelPage {
    /// Drawn posts whose branches continue elsewhere, with the page they continue on.
    var references: [Int: Int] = [:]
    /// A manager continued from an earlier page (a later part of a wide team): its full box
    /// is on that page, and this page draws it as a reference.
    var continuedRoot: (position: Int, page: Int)?
    var link: PageLink

    /// The page a drawn post refers to, when it is a reference rather than the full box.
    func reference(_ position: Int) -> Int? {
        if let page = references[position] { return page }
        if let root = continuedRoot, root.position == position { return root.page }
        return nil
    }

    /// Whether the post is the continued manager heading this page.
    func continuedFrom(_ position: Int) -> Bool { continuedRoot?.position == position }

    func href(_ page: Int) -> String { DOTText.html(link.href(page)) }

    /// The totals of the branch below a reference (the post included).
    func rollUp(_ position: Int, _ index: StructureIndex, _ marks: FindingMarks, counted: ((Int) -> Post?)? = nil) -> RollUp? {
        guard references[position] != nil else { return nil }
        return RollUp(index, from: position, marks: marks, counted: counted)
    }
}

/// How a chartbook names its pages in links: `stem-p07.ext`, numbered with at least two
/// digits (more when the book has a hundred pages or more).
public struct PageLink: Sendable, Equatable, Codable {
    public var stem: String
    public var ext: String
    public var digits: Int

    public init(stem: String, ext: String, pages: Int) {
        self.stem = stem
        self.ext = ext
        self.digits = max(2, String(pages).count)
    }

    /// The page's number as it appears in file names: `07`.
    public func number(_ page: Int) -> String {
        let text = String(page)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The link to a page: `stem-p07.ext`.
    public func href(_ page: Int) -> String { "\(stem)-p\(number(page)).\(ext)" }
}

/// The totals of a branch: posts, headcount, FTE, cost and errors, from a post down.
struct RollUp: Equatable {
    var posts = 0
    var headcount = 0
    var fte = 0.0
    var cost = 0.0
    var unknownCost = 0
    var errors = 0

    /// - Parameter counted: The post a position stands for in the totals, nil for none
    ///   (the change chart counts the proposed posts, not the deleted ones it also draws).
    init(_ index: StructureIndex, from top: Int, marks: FindingMarks, counted: ((Int) -> Post?)? = nil) {
        var stack = [top]
        var seen = Set<Int>()
        while let position = stack.popLast() {
            guard seen.insert(position).inserted else { continue }
            stack.append(contentsOf: index.reports(of: position))
            guard let post = counted.map({ $0(position) }) ?? index.posts[position] else { continue }
            posts += 1
            headcount += post.count
            fte += post.fte ?? 0
            if let cost = post.cost { self.cost += cost } else { unknownCost += post.count }
            errors += marks.findings(for: post.id).filter { $0.severity == .error }.count
        }
    }

    /// The lines a reference box shows.
    var lines: [String] {
        var first = "Branch: \(Plural.count(posts, "post")), headcount \(headcount)"
        if fte > 0 { first += ", \(Amounts.fte(fte)) FTE" }
        var second = cost > 0 ? "\(Figures.pounds(cost)) a year" : "cost unknown"
        if cost > 0 && unknownCost > 0 { second += " (\(unknownCost) of unknown cost)" }
        return [first, second]
    }
}

/// The line that tells apart sibling posts of the same title: their service, the
/// attribute `--box-line` names, or else their id.
struct BoxLine {
    private var text: [Int: String] = [:]

    init(index: StructureIndex, field: String?) {
        var byManagerTitle: [String: [Int]] = [:]
        for position in index.posts.indices {
            let manager = index.manager[position].map(String.init) ?? "-"
            byManagerTitle["\(manager)|\(index.posts[position].displayTitle)", default: []].append(position)
        }
        for group in byManagerTitle.values where group.count > 1 {
            for position in group {
                let post = index.posts[position]
                text[position] = Self.value(of: post, field: field) ?? post.id.rawValue
            }
        }
    }

    /// The value shown for a post, or nil when it has none.
    static func value(of post: Post, field: String?) -> String? {
        let name = field?.lowercased()
        switch name {
        case nil, "service": return nonEmpty(post.service) ?? (name == nil ? nonEmpty(attribute("unit", of: post)) : nil)
        case "id": return post.id.rawValue
        case "grade": return nonEmpty(post.grade)
        case "holder": return nonEmpty(post.holder)
        default: return nonEmpty(attribute(field ?? "", of: post))
        }
    }

    private static func attribute(_ name: String, of post: Post) -> String? {
        post.attributes.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }

    func text(for position: Int) -> String? { text[position] }
}

/// How a band of stacked team leaders is set: up to three to a column, so a band is no
/// taller than a page row or two.
enum BandShape {
    static let perColumn = 4

    static func columns(for cells: Int) -> Int { max(1, (cells + perColumn - 1) / perColumn) }
}
