import OrgModel

/// The pages of a chart split by tier (`--split-by-tier N`): one page per post of tier N,
/// each drawn from that post down, so a whole department stays legible page by page.
public enum ChartPages {
    /// The ids of the posts of `tier` in `structures`, each once, in file order (the
    /// later structures' new posts after the first's), limited to the subtree of `root`
    /// where a structure has that post.
    public static func posts(ofTier tier: Int, in structures: [Structure], within root: PostID? = nil) -> [PostID] {
        var ids: [PostID] = []
        var seen = Set<PostID>()
        for structure in structures {
            let index = StructureIndex(structure)
            var inside: [Bool]?
            if let root {
                guard let position = index.position(of: root) else { continue }
                inside = ChartScope(index, root: position, depth: nil).drawn
            }
            for (position, post) in structure.posts.enumerated() where post.tier == tier {
                if let inside, !inside[position] { continue }
                if seen.insert(post.id).inserted { ids.append(post.id) }
            }
        }
        return ids
    }

    /// Posts that no page of `pages` shows and that lead to none: side branches beside
    /// the split tier (a Service Manager reporting straight to an Assistant Director, when
    /// pages are drawn from each Head of Service). Each is the top of its branch, with the
    /// number of posts in it, so that a caller can say what the pages leave out.
    public static func leftOut(by pages: [PostID], in structures: [Structure], within root: PostID? = nil) -> [(id: PostID, posts: Int)] {
        var found: [(id: PostID, posts: Int)] = []
        var seen = Set<PostID>()
        for structure in structures {
            let index = StructureIndex(structure)
            let count = structure.posts.count
            var scope = [Bool](repeating: true, count: count)
            if let root {
                guard let position = index.position(of: root) else { continue }
                scope = ChartScope(index, root: position, depth: nil).drawn
            }
            // On a page: a page root and everything below it. Above a page: its managers.
            var onPage = [Bool](repeating: false, count: count)
            var abovePage = [Bool](repeating: false, count: count)
            for id in pages {
                guard let top = index.position(of: id) else { continue }
                let page = ChartScope(index, root: top, depth: nil).drawn
                for position in page.indices where page[position] { onPage[position] = true }
                var current = index.manager[top]
                while let manager = current, !abovePage[manager] {
                    abovePage[manager] = true
                    current = index.manager[manager]
                }
            }
            // An assistant beside a manager above the pages is not a branch left out.
            for position in index.topDownOrder
            where scope[position] && !onPage[position] && !abovePage[position] && !structure.posts[position].assistant {
                // The top of a branch left out: its manager is above a page (or it has none).
                let manager = index.manager[position]
                guard manager.map({ abovePage[$0] || !scope[$0] }) ?? true else { continue }
                let branch = ChartScope(index, root: position, depth: nil).drawn.filter { $0 }.count
                if seen.insert(structure.posts[position].id).inserted { found.append((structure.posts[position].id, branch)) }
            }
        }
        return found
    }

    /// A post id made safe for a file name: letters, digits, `.`, `_` and `-` kept,
    /// anything else `_`; never empty and never starting with a dot.
    public static func fileNamePart(_ id: PostID) -> String {
        var out = ""
        for scalar in id.rawValue.unicodeScalars {
            let keep =
                (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || scalar == "-" || scalar == "_" || scalar == "."
            out.unicodeScalars.append(keep ? scalar : "_")
        }
        if out.isEmpty || out.hasPrefix(".") { out = "_" + out }
        return out
    }
}
