extension Structure {
    /// The structure as it may be published under `profile`: holders outside the named
    /// tiers replaced by the placeholder, costs and pay attributes banded, personal
    /// attributes removed.
    ///
    /// A name can hide elsewhere too: a title such as "PA to Jo Bloggs" aside, an extract's
    /// unmapped "Line Manager" column repeats names. So any title, service or attribute
    /// value equal to a withheld name (ignoring case and surrounding blanks) is replaced
    /// as well, unless the same person is also named in a tier the profile shows.
    public func redacted(using profile: RedactionProfile = .standard) -> Structure {
        let removed = Set(profile.removedAttributes.map { $0.lowercased() })
        let banded = Set(profile.bandedAttributes.map { $0.lowercased() })

        var shown: Set<String> = []
        var withheld: Set<String> = []
        for post in posts {
            guard let holder = post.holder else { continue }
            let names = Self.names(in: holder)
            if profile.showsName(tier: post.tier) { shown.formUnion(names) } else { withheld.formUnion(names) }
        }
        withheld.subtract(shown)
        let placeholderKey = profile.placeholder.lowercased()
        withheld.remove(placeholderKey)
        func scrub(_ text: String) -> String {
            withheld.contains(Self.nameKey(text)) ? profile.placeholder : text
        }

        var result = self
        for position in result.posts.indices {
            var post = result.posts[position]
            if post.holder != nil, !profile.showsName(tier: post.tier) { post.holder = profile.placeholder }
            if let cost = post.cost { post.cost = profile.banded(cost) }
            post.attributes.removeAll { removed.contains($0.name.lowercased()) }
            for index in post.attributes.indices {
                let attribute = post.attributes[index]
                if banded.contains(attribute.name.lowercased()),
                    case .success(let amount) = ExtractValues.number(attribute.value, column: ""), amount > 0
                {
                    post.attributes[index].value = NumberText.format(profile.banded(amount))
                } else if !withheld.isEmpty {
                    post.attributes[index].value = scrub(attribute.value)
                }
            }
            if !withheld.isEmpty {
                post.title = scrub(post.title)
                post.service = post.service.map(scrub)
            }
            result.posts[position] = post
        }
        return result
    }

    /// The people a holder field names: one, or a job share's several.
    private static func names(in holder: String) -> [String] {
        holder.components(separatedBy: JobShare.separator).map(nameKey).filter { !$0.isEmpty }
    }

    private static func nameKey(_ text: String) -> String { text.trimmingBlanks().lowercased() }
}
