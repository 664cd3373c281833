import OrgSupport

extension Structure {
    /// The structure as it may be published under `profile`: holders outside the named
    /// tiers replaced by the placeholder, costs and pay attributes banded, personal
    /// attributes removed.
    ///
    /// A name can hide elsewhere too: in a title such as "PA to Jo Bloggs", or in an
    /// extract's unmapped "Line Manager" column. So every withheld name found in a title,
    /// service, grade, attribute value, deviation rationale or the structure's name and
    /// description is replaced as well (see `NameMatcher`), unless the same person is also named in a tier the
    /// profile shows.
    ///
    /// `withholding` gives the names to look for in text when they come from more than
    /// this structure (a current and a proposed structure drawn together withhold the
    /// names either withholds: `RedactionAudit(withholdingFrom:by:)` of both).
    public func redacted(using profile: RedactionProfile = .standard, withholding names: [String]? = nil) -> Structure {
        let removed = Set(profile.removedAttributes.map { $0.lowercased() })
        let banded = Set(profile.bandedAttributes.map { $0.lowercased() })
        let matcher = NameMatcher(names ?? RedactionAudit(withholdingFrom: self, by: profile).withheldNames)
        func scrub(_ text: String) -> String {
            matcher.isEmpty ? text : matcher.replacing(in: text, with: profile.placeholder)
        }

        var result = self
        result.name = name.map(scrub)
        result.description = description.map(scrub)
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
                } else {
                    post.attributes[index].value = scrub(attribute.value)
                }
            }
            post.title = scrub(post.title)
            post.grade = post.grade.map(scrub)
            post.service = post.service.map(scrub)
            for index in post.deviations.indices { post.deviations[index].rationale = post.deviations[index].rationale.map(scrub) }
            result.posts[position] = post
        }
        return result
    }
}
