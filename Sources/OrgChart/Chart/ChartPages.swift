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

    /// A post id made safe for a file name: letters, digits, `.`, `_` and `-` kept,
    /// anything else `_`; never empty and never starting with a dot.
    public static func fileNamePart(_ id: PostID) -> String {
        var out = ""
        for scalar in id.rawValue.unicodeScalars {
            let keep = (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || scalar == "-" || scalar == "_" || scalar == "."
            out.unicodeScalars.append(keep ? scalar : "_")
        }
        if out.isEmpty || out.hasPrefix(".") { out = "_" + out }
        return out
    }
}
