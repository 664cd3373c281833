/// Which tier a grade puts a post in, for sources that give a grade but no tier: an HR
/// extract whose mapping has a `tiers:` table, or a published organogram.
///
/// Grades are matched without regard to case, spaces or punctuation, so "SCS 2",
/// "scs2" and "SCS-2" are one grade: HR systems and published files spell them freely.
public struct GradeTierTable: Sendable, Hashable {
    /// The grades in the order given, with their tiers.
    public private(set) var entries: [Entry]
    private var tierByKey: [String: Int] = [:]

    public struct Entry: Sendable, Hashable {
        public var grade: String
        public var tier: Int
        public init(grade: String, tier: Int) {
            self.grade = grade
            self.tier = tier
        }
    }

    public init(_ entries: [Entry] = []) {
        self.entries = []
        for entry in entries { add(entry) }
    }

    /// Adds a grade; a later entry for the same grade replaces the earlier one.
    public mutating func add(_ entry: Entry) {
        let key = Self.key(entry.grade)
        if tierByKey[key] != nil { entries.removeAll { Self.key($0.grade) == key } }
        entries.append(entry)
        tierByKey[key] = entry.tier
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The tier for `grade`, or nil when the table does not list it.
    public func tier(for grade: String) -> Int? {
        tierByKey.isEmpty ? nil : tierByKey[Self.key(grade)]
    }

    /// The Senior Civil Service pay bands as the tiers of the built-in model: a Permanent
    /// Secretary (SCS4) heads a department as a chief executive does (tier 1, context),
    /// Directors General (SCS3) sit at tier 2, Directors (SCS2) at tier 3 and Deputy
    /// Directors (SCS1, SCS1A) at tier 4. An arm's-length body whose chief executive is
    /// SCS3 or whose directors report straight to an SCS4 will show skipped tiers: give a
    /// table of its own with `--map`.
    public static let seniorCivilService = GradeTierTable([
        Entry(grade: "SCS4", tier: 1), Entry(grade: "SCS Pay Band 4", tier: 1),
        Entry(grade: "SCS3", tier: 2), Entry(grade: "SCS Pay Band 3", tier: 2),
        Entry(grade: "SCS2", tier: 3), Entry(grade: "SCS Pay Band 2", tier: 3),
        Entry(grade: "SCS1A", tier: 4), Entry(grade: "SCS Pay Band 1A", tier: 4),
        Entry(grade: "SCS1", tier: 4), Entry(grade: "SCS Pay Band 1", tier: 4),
    ])

    /// The grade folded for matching: lower case, letters and digits only.
    static func key(_ grade: String) -> String {
        String(
            String.UnicodeScalarView(
                grade.lowercased().unicodeScalars.filter {
                    $0.properties.isAlphabetic || $0.properties.numericType != nil
                }))
    }
}
