import ArgumentParser
import Foundation
import OrgModel
import OrgSupport

/// `orgmodel import`: an HR extract through a mapping file, or a published organogram,
/// into a structure file.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn an HR extract (with a mapping file) or a published organogram into a structure file.",
        discussion: """
            orgmodel import EXTRACT.csv --map MAPPING.yaml -o OUT.yaml [--match-ids exact|case|loose]
            orgmodel import --organogram SENIOR.csv JUNIOR.csv -o OUT.yaml [--effective DATE] [--cost pay-band-midpoint] [--match-ids exact|case|loose]

            Every bad row is listed with its line and reason, and nothing is written unless \
            --skip-bad-rows is given: then the good rows are written and the bad ones go, \
            unchanged, to a reject file. Exit codes: 0 imported; 2 an input cannot be read \
            or has bad rows; 3 an output cannot be written.
            """
    )

    @Argument(help: ArgumentHelp("The HR extract (CSV); with --organogram, the senior file and then the junior file.", valueName: "file"))
    var files: [String]

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "The mapping file (YAML): which column feeds which field; with --organogram, a tiers: table only.", valueName: "mapping"))
    var mapping: String?

    @Flag(help: "Read a published UK government organogram (senior and junior CSV files).")
    var organogram = false

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp(
            "The structure file to write (.yaml, .yml or .csv); standard output (YAML) when left out or -.", valueName: "file"))
    var output: String?

    /// The file to write; nil for standard output (no -o, or -o -).
    private var destination: String? { output == "-" ? nil : output }

    @Option(help: ArgumentHelp("The extract's field separator, e.g. ';' or tab (default: the mapping's, else a comma).", valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("The inputs' encoding: auto, utf-8 or windows-1252 (default: the mapping's, else auto).", valueName: "name"))
    var encoding: String?

    @Flag(
        name: .customLong("skip-bad-rows"), help: "Write the good rows and put the bad rows in a reject file, instead of writing nothing.")
    var skipBadRows = false

    @Option(help: ArgumentHelp("Where the reject file goes (default: beside the output, named after the input).", valueName: "file"))
    var rejects: String?

    @Option(
        help: ArgumentHelp(
            "With --organogram: the snapshot's date, YYYY-MM-DD (default: a date in the senior file's name).", valueName: "date"))
    var effective: Day?

    @Option(
        help: ArgumentHelp(
            "With --organogram: estimate each post's cost; pay-band-midpoint is the midpoint of the published pay figures.",
            valueName: "estimate"))
    var cost: OrganogramImporter.CostEstimate?

    @Option(
        name: .customLong("match-ids"),
        help: ArgumentHelp(
            "How a manager's reference must agree with a post's id (a Post Unique Reference): exact, case (ignore case) or loose (also blanks and leading zeros).",
            valueName: "how"))
    var matchIDs: IDMatching = .exact

    func validate() throws {
        if organogram {
            guard (1...2).contains(files.count) else {
                throw ValidationError("--organogram takes the senior file and then the junior file")
            }
            if rejects != nil, files.count > 1 {
                throw ValidationError("--rejects names one file; with two organogram files the reject files are named after each input")
            }
        } else {
            if effective != nil || cost != nil {
                throw ValidationError(
                    "--effective and --cost are for --organogram; an HR extract's mapping sets effective under structure:")
            }
            guard files.count == 1 else { throw ValidationError("give one HR extract (or --organogram SENIOR.csv JUNIOR.csv)") }
            guard mapping != nil else {
                throw ValidationError("an HR extract needs --map MAPPING.yaml to say which column feeds which field")
            }
        }
        if let output = destination, StructureFormat(path: output) == nil {
            throw ValidationError("cannot tell the output format from \(output): name it .yaml, .yml or .csv")
        }
    }

    func run() throws {
        let result: ImportResult
        let source: String
        do {  // whatever cannot be read here is a LoadError: exit 2
            let textEncoding = try chosenEncoding()
            let map = try mapping.map { path throws(LoadError) in try ImportMappingReader.load(path) }
            if organogram {
                var tiers = GradeTierTable.seniorCivilService
                if let map {
                    if map.tiers.isEmpty {
                        printError("note: \(mapping ?? "the mapping") has no tiers: table; the Senior Civil Service grades give the tiers")
                    } else {
                        tiers = map.tiers
                    }
                }
                result = try OrganogramImporter(
                    tiers: tiers, encoding: textEncoding, effective: effective, costEstimate: cost, matching: matchIDs
                )
                .load(senior: files[0], junior: files.count > 1 ? files[1] : nil)
                source = files.joined(separator: " and ")
            } else if let map {
                let separator = try delimiter.map { text throws(LoadError) in
                    try ImportMappingReader.delimiter(text, at: SourceLocation(file: "--delimiter"))
                }
                result = try ExtractImporter(mapping: map, delimiter: separator, encoding: textEncoding, matching: matchIDs).load(files[0])
                source = "\(files[0]) with \(mapping ?? "")"
            } else {
                throw LoadError(file: files[0], .noMapping)
            }
        }

        for note in result.notes { printError("note: \(note)") }
        if !result.rejected.isEmpty, !skipBadRows {
            let faulty = result.faultyRows
            var listing = faulty.map(\.description)
            let following = result.rejected.count - faulty.count
            if following > 0 {
                listing.append(
                    "(\(Plural.count(following, "more row")), under \(faulty.count == 1 ? "it" : "them") or job shares of \(faulty.count == 1 ? "it" : "them"), would be left out as well)"
                )
            }
            throw CommandFailure(
                Exit.unreadableInput,
                "\(Plural.count(faulty.count, "bad row")): nothing written; fix \(faulty.count == 1 ? "it" : "them"), or give --skip-bad-rows to write the good rows and put the bad ones in a reject file",
                listing: listing)
        }
        for row in result.rejected { printError("skipped \(row.description)") }
        guard !result.structure.posts.isEmpty else {
            throw CommandFailure.unreadableInput("no row of \(source) could be imported: nothing written")
        }

        let structure = result.structure
        let parts: [any ContiguousBytes & Sendable]
        if let output = destination, StructureFormat(path: output) == .csv {
            do { parts = [Array(try StructureCSVWriter().write(structure).utf8)] } catch { throw error.about(output) }
        } else {
            parts = StructureYAMLWriter(header: ["Imported by orgmodel from \(source)."]).writeParts(structure)
        }
        var writes: [(path: String, parts: [any ContiguousBytes & Sendable])] = []
        if let output = destination { writes.append((output, parts)) }
        var rejectPaths: [(String, Int)] = []
        for file in result.rejectFiles {
            let path = rejects ?? rejectPath(for: file.source)
            writes.append((path, [file.bytes]))
            rejectPaths.append((path, file.rowCount))
        }
        try OutputFile.write(writes, inputs: files + (mapping.map { [$0] } ?? []))
        let summary =
            "imported \(Plural.count(structure.posts.count, "post")) from \(source)"
            + (destination.map { " into \($0)" } ?? "")
            + rejectPaths.map { "; \(Plural.count($0.1, "bad row")) in \($0.0)" }.joined()
        if destination != nil {
            try FileHandleOutput.standardOutput(summary + "\n")
        } else {
            for part in parts { try FileHandleOutput.standardOutput(bytes: part) }
            printError(summary)
        }
    }

    private func chosenEncoding() throws(LoadError) -> TextEncoding? {
        guard let encoding, encoding.lowercased() != "auto" else { return nil }
        guard let known = TextEncoding(name: encoding) else {
            throw LoadError(file: "--encoding", .encodingOption(text: encoding))
        }
        return known
    }

    /// `DIR/INPUT.rejected.csv`, in the output's folder (the working folder without one).
    private func rejectPath(for input: String) -> String {
        let stem = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
        let folder = destination.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        let name = "\(stem).rejected.csv"
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }
}
