import Testing

@testable import OrgModel

@Suite("Publication redaction")
struct RedactionTests {
    @Test("No withheld name survives in any output format's bytes; shown names do")
    func grepEveryFormat() throws {
        let original = try RedactionFixture.structure()
        let redacted = original.redacted(using: .standard)
        let audit = RedactionAudit(withholdingFrom: original, by: .standard)
        #expect(audit.withheldNames == RedactionFixture.withheldNames)
        // The test bites: unredacted, every format shows the names it can hold.
        for (format, bytes) in try RedactionFixture.outputs(of: original) where !format.hasPrefix("organogram junior") {
            #expect(RedactionFixture.withheldNames.contains { RedactionFixture.contains(bytes, $0) }, "\(format) unredacted shows no names")
            #expect(!audit.leaks(in: bytes).isEmpty, "\(format)")
        }
        for (format, bytes) in try RedactionFixture.outputs(of: redacted) {
            for name in RedactionFixture.withheldNames {
                #expect(!RedactionFixture.contains(bytes, name), "\(format) shows \(name)")
            }
            #expect(audit.leaks(in: bytes).isEmpty, "\(format): \(audit.leaks(in: bytes))")
        }
        let yaml = String(decoding: try RedactionFixture.outputs(of: redacted)[0].bytes, as: UTF8.self)
        for name in RedactionFixture.shownNames { #expect(yaml.contains(name)) }
    }

    @Test("Holders: named in tiers 2 and 3 only, N/D elsewhere; vacancies and empty posts untouched")
    func holders() throws {
        let redacted = try RedactionFixture.structure().redacted()
        let holders = Dictionary(uniqueKeysWithValues: redacted.posts.map { ($0.id.rawValue, $0.holder) })
        #expect(
            holders == [
                "CEX": "N/D", "DCS": "Percival Ashdown", "AD": "Rosalind Featherstone", "HOS": "N/D", "PA-HOS": "N/D",
                "SM-1": "N/D", "SM-2": "N/D", "SM-3": "N/D", "TM-1": "N/D", "SW-1": nil, "SP-1": "N/D",
            ])
        #expect(redacted.posts.first { $0.id == "SW-1" }?.vacant == 1)
    }

    @Test("Names hidden in titles, attributes and the description are replaced too")
    func hiddenNames() throws {
        let redacted = try RedactionFixture.structure().redacted()
        let post = { (id: String) in redacted.posts.first { $0.id.rawValue == id } }
        #expect(post("PA-HOS")?.title == "PA to N/D")
        #expect(redacted.description == "Structure reviewed with N/D in March.")
        #expect(post("TM-1")?.attributes == [Attribute(name: "Mentor", value: "N/D"), Attribute(name: "Cost Centre", value: "CC-1234")])
        // "Notes" is a personal attribute: removed, not scrubbed.
        #expect(post("SP-1")?.attributes == [])
        // A shown person's name is not scrubbed from text, only from posts outside the tiers.
        #expect(post("SM-3")?.title == "Service Manager, Fostering (acting)")
    }

    @Test("Costs and pay attributes fall to the floor of their £5,000 band")
    func costs() throws {
        let redacted = try RedactionFixture.structure().redacted()
        let costs = Dictionary(uniqueKeysWithValues: redacted.posts.map { ($0.id.rawValue, $0.cost) })
        #expect(costs["CEX"] == 185_000)
        #expect(costs["HOS"] == 85_000)
        #expect(costs["SW-1"] == 250_000)
        #expect(costs["AD"] == 115_000)
        #expect(redacted.posts.first { $0.id == "DCS" }?.attributes == [Attribute(name: "Salary", value: "130000")])
        #expect(redacted.posts.first { $0.id == "HOS" }?.attributes == [Attribute(name: "Salary", value: "65000")])
        #expect(RedactionProfile.standard.costLabel(87_654) == "£85,000–£89,999")
    }

    @Test("Personal attributes are removed, matched without regard to case")
    func personalAttributes() throws {
        let structure = Structure(posts: [
            Post(
                id: "A", tier: 2, holder: "X Y",
                attributes: [
                    Attribute(name: "employee number", value: "1"), Attribute(name: "CONTACT E-MAIL", value: "a@b"),
                    Attribute(name: "Cost Centre", value: "CC"),
                ])
        ])
        #expect(structure.redacted().posts[0].attributes == [Attribute(name: "Cost Centre", value: "CC")])
    }

    @Test("A profile file changes the tiers, placeholder, bands and attribute lists")
    func profileFile() throws {
        let profile = try RedactionProfileReader.parse(
            """
            named_tiers: [1, 2, 3, 4]
            placeholder: Withheld
            cost_band: 10000
            remove_attributes: [Cost Centre]
            band_attributes: []
            """, file: "p.yaml")
        #expect(profile.namedTiers == [1, 2, 3, 4])
        let redacted = try RedactionFixture.structure().redacted(using: profile)
        let post = { (id: String) in redacted.posts.first { $0.id.rawValue == id } }
        #expect(post("CEX")?.holder == "Octavia Brightwater")
        #expect(post("HOS")?.holder == "Thaddeus Quigley")
        #expect(post("SM-1")?.holder == "Withheld")
        #expect(post("HOS")?.cost == 80_000)
        #expect(post("PA-HOS")?.title == "PA to Thaddeus Quigley")  // tier 4 is shown now
        #expect(post("TM-1")?.attributes.map(\.name) == ["Mentor", "Contact E-mail"])
        #expect(post("TM-1")?.attributes.first?.value == "Withheld")
        #expect(post("DCS")?.attributes == [Attribute(name: "Salary", value: "131234")])
    }

    @Test("A profile of cost_band 0 keeps costs exact; an empty file keeps the defaults")
    func profileDefaults() throws {
        #expect(try RedactionProfileReader.parse("cost_band: 0", file: "p.yaml").banded(87_654) == 87_654)
        #expect(try RedactionProfileReader.parse("", file: "p.yaml") == .standard)
        #expect(RedactionProfile.standard.namedTiers == [2, 3])
        #expect(RedactionProfile.standard.placeholder == "N/D")
        #expect(RedactionProfile.standard.costBand == 5_000)
    }

    @Test(
        "Profile mistakes are located",
        arguments: [
            ("named_teirs: [2]", "p.yaml:1:1: unknown redaction profile key \"named_teirs\"; did you mean named_tiers?"),
            ("named_tiers: [two]", "p.yaml:1:14: each of named_tiers must be a whole number, not \"two\""),
            ("cost_band: -5", "p.yaml:1:12: cost_band must be 0 (exact) or a width in pounds, not -5"),
        ])
    func profileMistakes(text: String, message: String) {
        do {
            _ = try RedactionProfileReader.parse(text, file: "p.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("Names are found inside text by whole words, whatever the case and punctuation")
    func nameMatcher() {
        let matcher = NameMatcher(["Jo Bloggs", "Anne-Marie O'Neill", "Cher"])
        #expect(matcher.replacing(in: "PA to Jo Bloggs, interim", with: "N/D") == "PA to N/D, interim")
        #expect(matcher.replacing(in: "jo.bloggs@example.org", with: "N/D") == "N/D@example.org")
        #expect(matcher.replacing(in: "For ANNE-MARIE O'NEILL", with: "N/D") == "For N/D")
        #expect(matcher.replacing(in: "Jo Bloggsworth", with: "N/D") == "Jo Bloggsworth")
        #expect(matcher.replacing(in: "Cher", with: "N/D") == "N/D")
        #expect(matcher.replacing(in: "Cher Ami team", with: "N/D") == "Cher Ami team")  // one word: not in running text
        #expect(matcher.replacing(in: "Cher's team", with: "N/D") == "N/D's team")  // but before a possessive
        #expect(matcher.replacing(in: "Office of Mr Bloggs", with: "N/D") == "Office of N/D")  // a surname after a title
        #expect(matcher.replacing(in: "Dr O'Neill's clinic", with: "N/D") == "N/D's clinic")
        #expect(matcher.replacing(in: "Bloggs Street depot", with: "N/D") == "Bloggs Street depot")  // a surname alone: not a name
        #expect(matcher.replacing(in: "Cover: Bloggs, Jo", with: "N/D") == "Cover: N/D")  // surname first
        #expect(matcher.replacing(in: "Zoë and Jo Bloggs and Jo Bloggs", with: "N/D") == "Zoë and N/D and N/D")
        // Possessives and compounds still hold the name.
        #expect(matcher.replacing(in: "Practitioner (Jo Bloggs's team)", with: "N/D") == "Practitioner (N/D's team)")
        #expect(matcher.replacing(in: "Jo Bloggs’ team", with: "N/D") == "N/D’ team")
        #expect(matcher.replacing(in: "a Jo Bloggs-led team", with: "N/D") == "a N/D-led team")
        #expect(matcher.replacing(in: "Anne-Marie O'Neill's office", with: "N/D") == "N/D's office")
        #expect(matcher.replacing(in: "Anne Marie ONeill", with: "N/D") == "Anne Marie ONeill")
    }

    @Test("The audit on a generated structure finds every holder below tier 3 and nothing once redacted", arguments: [1, 2] as [UInt64])
    func generated(seed: UInt64) throws {
        var structure = StructureGenerator(posts: 400, seed: seed).generate()
        for index in structure.posts.indices { structure.posts[index].holder = "Person\(index) Surname\(index)" }
        let audit = RedactionAudit(withholdingFrom: structure, by: .standard)
        #expect(audit.withheldNames.count == structure.posts.filter { !($0.tier.map { [2, 3].contains($0) } ?? false) }.count)
        let yaml = StructureYAMLWriter().write(structure.redacted())
        #expect(audit.leaks(in: yaml).isEmpty)
        #expect(audit.leaks(in: StructureYAMLWriter().write(structure)).count == audit.withheldNames.count)
    }
}
