import ArgumentParser
import Foundation
import OrgModel
import OrgSupport

/// `orgmodel export FILE --format yaml|csv|organogram`: a structure in another format,
/// redacted for publication on request.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a structure as YAML, CSV or a UK government organogram, redacted on request.",
        discussion: """
            YAML and CSV round-trip without loss, except that CSV cannot hold deviations: a \
            structure with deviations is refused as CSV. The organogram is two files, \
            NAME-senior.csv and NAME-junior.csv, written to the -o folder. Exit codes: 0 \
            written; 2 the input cannot be read; 3 the output cannot be written (CSV \
            cannot hold the structure, or a redacted output would still show a withheld name).
            """
    )

    @Argument(help: ArgumentHelp("The structure file (.yaml, .yml or .csv).", valueName: "file"))
    var file: String

    @Option(help: "yaml, csv or organogram (default: from the -o file's extension).")
    var format: ExportFormat?

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("The file to write (a folder for organogram); standard output when left out (yaml and csv).", valueName: "path"))
    var output: String?

    @OptionGroup var redaction: RedactionOptions

    func validate() throws {
        if format == nil {
            guard let output, StructureFormat(path: output) != nil else {
                throw ValidationError("give --format yaml, csv or organogram (or an -o file ending .yaml or .csv)")
            }
        }
        if format == .organogram, output == nil || output == "-" {
            throw ValidationError("--format organogram writes two files: give the folder with -o")
        }
        if let format, format != .organogram, let output, let named = StructureFormat(path: output), named.rawValue != format.rawValue {
            throw ValidationError("-o \(output) names a .\(named.rawValue) file but --format is \(format.rawValue)")
        }
    }

    func run() throws {
        let chosen: ExportFormat = format ?? (output.flatMap(StructureFormat.init(path:)) == .csv ? .csv : .yaml)
        var structure: Structure
        let profile: RedactionProfile?
        structure = try StructureFile.load(file)
        profile = try redaction.profile()
        var audit: RedactionAudit?
        if let profile {
            audit = RedactionAudit(withholdingFrom: structure, by: profile)
            structure = structure.redacted(using: profile)
        }

        switch chosen {
        case .yaml:
            let header = profile.map { [$0.summary] } ?? []
            try emit(StructureYAMLWriter(header: header).write(structure), count: structure.posts.count, audit: audit, redacted: structure)
        case .csv:
            let text: String
            do {
                text = try StructureCSVWriter().write(structure)
            } catch {
                throw error.about(file)
            }
            try emit(text, count: structure.posts.count, audit: audit, redacted: structure)
        case .organogram:
            try writeOrganogram(structure, audit: audit)
        }
    }

    /// Refuses an output in which a withheld name survived redaction: a last check, since
    /// a published file cannot be recalled.
    private func check(_ text: String, with audit: RedactionAudit?, redacted structure: Structure) throws(CommandFailure) {
        guard let audit else { return }
        let leaks = audit.leaks(in: text)
        guard !leaks.isEmpty else { return }
        throw .outputFailed(
            "\(file): redaction check failed: \(leaks.prefix(5).joined(separator: ", "))\(leaks.count > 5 ? " and \(leaks.count - 5) more" : "") still appear\(leaks.count == 1 ? "s" : "") in the output"
                + audit.placesText(of: leaks, in: [structure]) + "; nothing written. " + RedactionAudit.refusalAdvice)
    }

    private func emit(_ text: String, count: Int, audit: RedactionAudit?, redacted structure: Structure) throws {
        try check(text, with: audit, redacted: structure)
        guard let output, output != "-" else {
            try FileHandleOutput.standardOutput(text)
            return
        }
        try OutputFile.write([(output, Array(text.utf8))], inputs: [file] + redaction.files)
        try FileHandleOutput.standardOutput("wrote \(Plural.count(count, "post")) to \(output)\n")
    }

    private func writeOrganogram(_ structure: Structure, audit: RedactionAudit?) throws {
        guard let folder = output else { throw CommandFailure.usage("--format organogram writes two files: give the folder with -o") }
        let written = OrganogramWriter().write(structure)
        try check(written.senior, with: audit, redacted: structure)
        try check(written.junior, with: audit, redacted: structure)
        for note in written.notes { printError("note: \(note)") }
        try ReportOutput.prepareFolder(folder, for: "the organogram's two files")
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let senior = (folder as NSString).appendingPathComponent("\(stem)-senior.csv")
        let junior = (folder as NSString).appendingPathComponent("\(stem)-junior.csv")
        try OutputFile.write(
            [(senior, Array(written.senior.utf8)), (junior, Array(written.junior.utf8))], inputs: [file] + redaction.files)
        try FileHandleOutput.standardOutput(
            "wrote \(senior) (\(Plural.count(written.seniorRows, "senior row"))) and \(junior) (\(Plural.count(written.juniorRows, "junior row")))\n"
        )
    }
}
