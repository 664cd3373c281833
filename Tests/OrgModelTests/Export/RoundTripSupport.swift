import Foundation
import Testing

@testable import OrgModel

/// Helpers for the round-trip tests: structures as the readers give them back, compared
/// without what a format legitimately changes (line numbers, file name, and the order of
/// a post's attributes, which CSV keeps in column order).
enum RoundTrip {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled example structures.
    static func bundledStructures() throws -> [String] {
        let folder = packageRoot.appendingPathComponent("Structures")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".csv") }
            .sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    static func comparable(_ structure: Structure) -> Structure {
        var result = structure
        result.source = nil
        for index in result.posts.indices {
            result.posts[index].line = 0
            for d in result.posts[index].deviations.indices { result.posts[index].deviations[d].line = 0 }
            result.posts[index].attributes.sort { $0.name < $1.name }
        }
        return result
    }

    static func yaml(_ text: String) throws -> Structure {
        try StructureFile.parse(Array(text.utf8), format: .yaml, file: "round-trip.yaml")
    }

    static func csv(_ text: String) throws -> Structure {
        try StructureFile.parse(Array(text.utf8), format: .csv, file: "round-trip.csv")
    }

    /// The first field that differs between two structures, for a readable failure.
    static func firstDifference(_ a: Structure, _ b: Structure) -> String? {
        let (a, b) = (comparable(a), comparable(b))
        if a == b { return nil }
        for key in ["name", "organisation", "description", "state", "effective", "rules"] {
            let pair: (String?, String?) =
                switch key {
                case "name": (a.name, b.name)
                case "organisation": (a.organisation, b.organisation)
                case "description": (a.description, b.description)
                case "state": (a.state?.rawValue, b.state?.rawValue)
                case "effective": (a.effective?.description, b.effective?.description)
                default: (a.rules, b.rules)
                }
            if pair.0 != pair.1 { return "\(key): \(String(reflecting: pair.0)) became \(String(reflecting: pair.1))" }
        }
        if a.posts.count != b.posts.count { return "\(a.posts.count) posts became \(b.posts.count)" }
        for (x, y) in zip(a.posts, b.posts) where x != y {
            return "post \(x.id):\n  \(x)\nbecame\n  \(y)"
        }
        return "structures differ"
    }

    /// Strings that trip naive writers: quoting, YAML's implicit types, comment markers,
    /// edge blanks, line breaks and characters outside ASCII.
    static let nastyStrings = [
        "He said \"no\"", "comma, inside", "line one\nline two", "#hash at start", "  leading spaces",
        "trailing spaces  ", "yes", "No", "1001", "2020-01-01", "emoji 🎉 party", "tab\tinside", "key: value",
        "- dash", "[bracket]", "{brace}", "~", "null", "@at", "'single quotes'", "100%", "back\\slash",
        "crlf\r\nbreak", "=SUM(A1:A9)", "0x1F", "1e3", ".5", "+44 20 7946 0000", "Ünïcödé Ñame", "日本語の名前",
        "semi; colon", "&anchor", "*alias", "!tag", "|pipe", ">fold", "%percent", "`tick`", "true", "0.10",
        "  ", "\"", "a\"\"b", "é", "Zoë O'Brien-Smith", "trailing backslash\\", "\u{00A0}nbsp", "x\u{2028}y",
        "'=already guarded", "''+twice", "-", "@SUM(1)", "=", "'", "''", "'plain",
    ]

    /// Attribute names that stay distinct keys in YAML and CSV headers (names are trimmed
    /// on reading, so no edge blanks).
    static let nastyNames = [
        "Employee No.", "yes", "1001", "2020-01-01", "# hash", "key: colon", "quote \"q\"", "comma, name",
        "emoji 🎉", "attributes.nested", "Ünïcödé", "- dash", "null", "with\nbreak",
    ]

    /// A generated structure dressed with holders, services, attributes and metadata that
    /// exercise the writers' quoting, and some posts renamed to awkward ids.
    static func dressed(seed: UInt64, posts: Int = 300) -> Structure {
        var structure = StructureGenerator(posts: posts, seed: seed).generate()
        var random = SplitMix64(seed: seed &* 7919)
        func pick(_ list: [String]) -> String { list[Int(random.next() % UInt64(list.count))] }
        structure.description = "Generated for a round trip.\nSecond line with \"quotes\", a comma and 🎉."
        structure.organisation = "  Padded Organisation "
        structure.effective = Day(year: 2024, month: 2, day: 29)
        // Awkward ids, renamed consistently in every reference.
        let awkward = ["yes", "1001", "#7", "2020-01-01", "a, b", "P/1", "null", "Ünï", "x y", "- id"]
        var renamed: [PostID: PostID] = [:]
        for (offset, id) in awkward.enumerated() where offset * 7 + 3 < structure.posts.count {
            renamed[structure.posts[offset * 7 + 3].id] = PostID(id)
        }
        for index in structure.posts.indices {
            var post = structure.posts[index]
            if let new = renamed[post.id] { post.id = new }
            if let boss = post.reportsTo, let new = renamed[boss] { post.reportsTo = new }
            post.dottedTo = post.dottedTo.map { renamed[$0] ?? $0 }
            switch index % 5 {
            case 0: post.holder = pick(nastyStrings.filter { !$0.allSatisfy(\.isWhitespace) })
            case 1: post.title = pick(nastyStrings.filter { !$0.allSatisfy(\.isWhitespace) })
            case 2: post.service = pick(nastyStrings.filter { !$0.allSatisfy(\.isWhitespace) })
            default: break
            }
            let attributeCount = Int(random.next() % 4)
            var names = Set<String>()
            for _ in 0..<attributeCount {
                let name = pick(nastyNames)
                guard names.insert(name).inserted else { continue }
                post.attributes.append(Attribute(name: name, value: random.next() % 9 == 0 ? "" : pick(nastyStrings)))
            }
            if index % 11 == 0 { post.cost = (post.cost ?? 1000) + 0.1 + 0.2 }
            if index % 13 == 0 { post.fte = 1.0 / 3.0 }
            if index % 17 == 0, let boss = post.reportsTo { post.replaces = boss }
            structure.posts[index] = post
        }
        return structure
    }
}
