import OrgModel

/// Plans the merging of sibling managers with narrow spans: which go together, as few
/// managers as possible, each merged span within the rule.
///
/// Minimising the managers is bin packing (spans are the items, the rule's maximum the
/// bin size), which is NP-hard in general; first-fit decreasing is used: take the narrow
/// spans largest first and put each in the first group it fits. It is simple, stable, and
/// proven to use at most 11/9 of the optimal number of groups plus one; for the handful
/// of siblings under one manager it is almost always optimal. A group is merged only when
/// its total reaches the rule's minimum (the merged span fits the rule); a narrow manager
/// left alone is then offered to a sibling already within the rule that has room for its
/// reports (the fullest such sibling first, so spans end as even as the rule allows).
public enum SiblingMerge {
    /// A sibling manager: who it is and how many it leads.
    public struct Candidate: Sendable, Hashable {
        public var position: Int
        public var span: Int
        /// Narrow managers may be merged away; the others may only receive.
        public var isNarrow: Bool
        /// Breaks ties when choosing which manager a merge keeps (filled before vacant).
        public var isVacant: Bool

        public init(position: Int, span: Int, isNarrow: Bool, isVacant: Bool = false) {
            self.position = position
            self.span = span
            self.isNarrow = isNarrow
            self.isVacant = isVacant
        }
    }

    /// One merge: `kept` stays and takes the reports of `absorbed`; `total` is its span after.
    public struct Group: Sendable, Hashable {
        public var kept: Int
        public var absorbed: [Int]
        public var total: Int
    }

    /// The merges for siblings of one tier under one manager, against `rule`.
    public static func plan(_ candidates: [Candidate], rule: SpanRule) -> [Group] {
        let narrow = candidates.filter { $0.isNarrow && $0.span >= 1 }.sorted {
            $0.span != $1.span ? $0.span > $1.span : $0.position < $1.position
        }
        var bins: [[Candidate]] = []
        var loads: [Int] = []
        for item in narrow {
            if let slot = loads.indices.first(where: { loads[$0] + item.span <= rule.max }) {
                bins[slot].append(item)
                loads[slot] += item.span
            } else {
                bins.append([item])
                loads.append(item.span)
            }
        }
        var groups: [Group] = []
        var leftovers: [Candidate] = []
        for (slot, bin) in bins.enumerated() {
            if bin.count >= 2, loads[slot] >= rule.min {
                groups.append(group(of: bin, total: loads[slot]))
            } else {
                leftovers.append(contentsOf: bin)
            }
        }
        // Receivers: siblings within the rule, filled as their room allows.
        var receivers = candidates.filter { !$0.isNarrow && rule.contains($0.span) }
        var absorbedBy: [Int: [Int]] = [:]
        for item in leftovers {
            let fitting = receivers.indices.filter { receivers[$0].span + item.span <= rule.max }
            guard
                let best = fitting.max(by: { a, b in
                    receivers[a].span != receivers[b].span
                        ? receivers[a].span < receivers[b].span : receivers[a].position > receivers[b].position
                })
            else { continue }
            absorbedBy[receivers[best].position, default: []].append(item.position)
            receivers[best].span += item.span
        }
        for receiver in receivers {
            guard let absorbed = absorbedBy[receiver.position] else { continue }
            groups.append(Group(kept: receiver.position, absorbed: absorbed, total: receiver.span))
        }
        return groups
    }

    /// The merge of a bin: the widest span is kept (a filled post before a vacant one, then
    /// the first in the file), so the fewest reports move.
    private static func group(of bin: [Candidate], total: Int) -> Group {
        let kept =
            bin.min { a, b in
                if a.span != b.span { return a.span > b.span }
                if a.isVacant != b.isVacant { return !a.isVacant }
                return a.position < b.position
            } ?? bin[0]
        return Group(kept: kept.position, absorbed: bin.filter { $0.position != kept.position }.map(\.position).sorted(), total: total)
    }
}
