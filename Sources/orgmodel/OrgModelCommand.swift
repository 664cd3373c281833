import ArgumentParser

/// The `orgmodel` command: checks, measures and draws management structures.
@main
struct OrgModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgmodel",
        abstract: "Check, measure and draw an organisation's management structure.",
        discussion: """
            Structures are YAML or CSV files of posts in tiers (see the README). Exit codes: \
            0 success; 1 the structure has errors; 2 input cannot be read; 3 output cannot be \
            written; 64 the command line is wrong.
            """,
        version: "0.1.0",
        subcommands: [
            ReviewCommand.self, ValidateCommand.self, AnalyseCommand.self, CompareCommand.self, DelayerCommand.self, DeviationsCommand.self,
            TrendCommand.self, ImportCommand.self, ExportCommand.self, RenderCommand.self, DrawPagesCommand.self,
            MeasurePagesCommand.self,
        ]
    )

    /// The one place a failure becomes words on standard error and an exit code: commands
    /// throw an `OrgModelFailure`; anything else (help, a wrong command line, a
    /// `validate()` refusal) is ArgumentParser's to say, as it would without this.
    static func main() {
        MemoryPolicy.apply()
        PhaseTimes.reportAtExit()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as any OrgModelFailure {
            for line in failure.lines { printError(line) }
            exit(withError: failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
