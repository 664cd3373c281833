import Foundation
import Testing

@testable import OrgModel

/// Every published organogram pair kept beside the project (`../shared/samples/organogram`,
/// real files, read here and never copied into the tests) imports, with its bad rows set
/// aside as `--skip-bad-rows` does, and what the import gives loads back as the same
/// structure from YAML and from CSV.
@Suite("Published organogram samples import and load back")
struct OrganogramSamplesTests {
    static let folder = RoundTrip.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/samples/organogram")

    /// The senior files of every pair, in the folder and its `series/`, sorted.
    static func seniorFiles() -> [String] {
        var files: [String] = []
        for sub in ["", "series"] {
            let path = sub.isEmpty ? folder.path : folder.appendingPathComponent(sub).path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files += names.filter { $0.hasSuffix("-senior.csv") }.map { (path as NSString).appendingPathComponent($0) }
        }
        return files.sorted()
    }

    @Test("Each sample pair imports and its YAML and CSV load back to the same structure")
    func samplesLoadBack() throws {
        let seniors = Self.seniorFiles()
        guard !seniors.isEmpty else {
            print("note: skipped: no organogram samples in \(Self.folder.path) (the shared folder beside the clone)")
            return
        }
        var imported = 0
        for senior in seniors {
            let junior = String(senior.dropLast("-senior.csv".count)) + "-junior.csv"
            let result = try OrganogramImporter().load(
                senior: senior, junior: FileManager.default.fileExists(atPath: junior) ? junior : nil)
            #expect(!result.structure.posts.isEmpty, "\(senior): nothing imported")
            let fromYAML = try RoundTrip.yaml(StructureYAMLWriter().write(result.structure))
            #expect(
                RoundTrip.firstDifference(result.structure, fromYAML) == nil,
                "\(senior) through YAML: \(RoundTrip.firstDifference(result.structure, fromYAML) ?? "")")
            let fromCSV = try RoundTrip.csv(StructureCSVWriter().write(result.structure))
            #expect(
                RoundTrip.firstDifference(result.structure, fromCSV) == nil,
                "\(senior) through CSV: \(RoundTrip.firstDifference(result.structure, fromCSV) ?? "")")
            imported += 1
        }
        #expect(imported == seniors.count)
    }
}
