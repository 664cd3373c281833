import Testing

@testable import OrgChart
@testable import OrgModel

/// A chart's title names its structure: the name trimmed, else the file's name.
@Suite struct ChartTextNameTests {
    @Test("A structure's name is trimmed of the spaces round it, and kept as it is otherwise")
    func namesAreTrimmed() {
        var structure = StructureGenerator(posts: 5, seed: 1).generate()
        for (name, shown) in [
            ("County Council", "County Council"), ("  County Council\n", "County Council"), ("Café", "Café"),
            ("\u{A0}Ville de Paris", "Ville de Paris"), ("x", "x"),
        ] {
            structure.name = name
            #expect(ChartText.name(of: structure) == shown, "\(name)")
        }
        structure.name = "   "
        structure.source = "Structures/county.yaml"
        #expect(ChartText.name(of: structure) == "county.yaml")
        structure.name = nil
        structure.source = nil
        #expect(ChartText.name(of: structure) == "Structure")
    }
}
