import Foundation
import OrgModel
import OrgSupport

/// Issue 5's target: import a 1,000,000-row HR extract through a mapping file in ≤ 3 s
/// wall and ≤ 1.5 GiB peak memory, release build. The measured step is what `orgmodel
/// import EXTRACT.csv --map MAPPING.yaml -o OUT.yaml` does: read the mapping and the
/// extract, build the posts, check every reporting line, and write the YAML whole.
enum ImportBenchmark {
    /// Generates the extract and the mapping, then measures the import in a child process.
    static func run(scratch: URL, posts: Int, seed: UInt64) throws {
        let structure = StructureGenerator(posts: posts, seed: seed).generate()
        let extract = scratch.appendingPathComponent("hr-extract-\(structure.posts.count).csv")
        let mapping = scratch.appendingPathComponent("hr-mapping.yaml")
        let output = scratch.appendingPathComponent("hr-import.yaml")
        try writeInput(extractText(structure), to: extract)
        try writeInput(mappingText, to: mapping)
        let size = (try? FileManager.default.attributesOfItem(atPath: extract.path)[.size] as? Int) ?? 0
        let measured = try Measurement.inChild("import", [extract.path, mapping.path, output.path])
        printResult(
            "import \(structure.posts.count)-row HR extract (\(size / 1_000_000) MB) with a mapping, YAML written",
            seconds: measured.seconds, target: 3, peakMiB: measured.peakMiB, memoryTarget: 1536, note: measured.note)
    }

    /// The measured step: `--child import EXTRACT MAPPING OUTPUT`.
    static func child(_ arguments: [String]) throws {
        guard arguments.count == 3 else { throw BenchmarkFailure("import needs EXTRACT MAPPING OUTPUT") }
        let start = DispatchTime.now().uptimeNanoseconds
        let (result, reading) = try Measurement.time { () throws -> ImportResult in
            let mapping = try ImportMappingReader.load(arguments[1])
            return try ExtractImporter(mapping: mapping).load(arguments[0])
        }
        guard result.rejected.isEmpty else {
            throw BenchmarkFailure("\(result.rejected.count) bad rows, first \(result.rejected[0])")
        }
        let (_, writing) = try Measurement.time {
            let parts = StructureYAMLWriter(header: ["Imported by orgmodel-bench."]).writeParts(result.structure)
            try OutputFile.write([(arguments[2], parts)])
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        Measurement.report(
            seconds: seconds,
            note: String(format: "import %.2f s, YAML written %.2f s; %d posts", reading, writing, result.structure.posts.count))
    }

    static let mappingText = """
        columns:
          id: Position ID
          reports_to: Parent Position
          title: Job Title
          holder: Employee Name
          grade: Grade
          fte: FTE
          cost: Annual Cost
          count: Establishment
          vacant: Vacancies
          temporary: Contract Type
          service: Service
        tiers:
          ED: 2
          AD: 3
          M3: 4
          M1: 5
          PO7: 6
        values:
          temporary:
            Fixed Term: yes
            Permanent: no
        dates: [Start Date]
        drop: [National Insurance Number]
        structure:
          name: Benchmark import
          rules: childrens-social-care
        """

    /// The structure as an HR system would export it: its own column names, money as
    /// `£42,000`, UK dates, extra columns (employee number, cost centre, a personal
    /// column to drop), and titles that need quoting.
    static func extractText(_ structure: Structure) -> String {
        var out =
            "Position ID,Parent Position,Job Title,Employee Name,Employee Number,Grade,FTE,Annual Cost,"
            + "Establishment,Vacancies,Contract Type,Service,Start Date,Cost Centre,National Insurance Number\r\n"
        out.reserveCapacity(structure.posts.count * 130)
        for (index, post) in structure.posts.enumerated() {
            let single = post.count == 1
            let cost = Int(post.cost ?? 0)
            var cells: [String] = []
            cells.append(post.id.rawValue)
            cells.append(post.reportsTo?.rawValue ?? "")
            cells.append(index % 7 == 0 ? "\"\(post.title), East\"" : post.title)
            cells.append(single && !post.isVacant ? "Person \(index) Example" : "")
            cells.append(single ? "E\(100_000 + index)" : "")
            cells.append(post.grade ?? "")
            cells.append(post.fte.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "")
            cells.append(index % 3 == 0 ? "\"£\(cost / 1000),\(String(format: "%03d", cost % 1000))\"" : String(cost))
            cells.append(single ? "" : String(post.count))
            cells.append(post.vacant > 0 ? String(post.vacant) : "")
            cells.append(post.temporary ? "Fixed Term" : "Permanent")
            cells.append(post.service ?? "Children's Services")
            cells.append(single ? String(format: "%02d/%02d/%04d", index % 28 + 1, index % 12 + 1, 2000 + index % 24) : "")
            cells.append("CC\(index % 500)")
            cells.append(single ? "QQ\(String(format: "%06d", index % 1_000_000))C" : "")
            out += cells.joined(separator: ",")
            out += "\r\n"
        }
        return out
    }
}
