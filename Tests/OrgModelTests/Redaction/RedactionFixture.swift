import Foundation

@testable import OrgModel

/// The shared redaction test data (`Fixtures/redaction-sample.yaml`) and the names it
/// must never show once redacted under the default profile. Tests of other targets read
/// the same file by path and check their outputs with `RedactionAudit`.
enum RedactionFixture {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/redaction-sample.yaml").path

    static func structure() throws -> Structure { try StructureFile.load(path) }

    /// Written out by hand from the file's comment, so the audit is checked too.
    static let withheldNames = [
        "Barnaby Lockhart", "Cornelius Pettigrew", "Ignatius Fairweather", "Octavia Brightwater", "Ottoline Marchbanks",
        "Philippa Dunmore", "Thaddeus Quigley", "Wilhelmina Crabtree",
    ]

    static let shownNames = ["Percival Ashdown", "Rosalind Featherstone"]

    /// Each output format the core writes, by name, from a structure.
    static func outputs(of structure: Structure) throws -> [(format: String, bytes: [UInt8])] {
        let organogram = OrganogramWriter().write(structure)
        return [
            ("YAML", Array(StructureYAMLWriter().write(structure).utf8)),
            ("CSV", Array(try StructureCSVWriter().write(structure).utf8)),
            ("organogram senior CSV", Array(organogram.senior.utf8)),
            ("organogram junior CSV", Array(organogram.junior.utf8)),
        ]
    }

    /// Where `name` appears in `bytes`: as written, or in any letter case.
    static func contains(_ bytes: [UInt8], _ name: String) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains(name) || text.lowercased().contains(name.lowercased())
            || text.lowercased().contains(name.lowercased().replacingOccurrences(of: " ", with: "."))
    }
}
