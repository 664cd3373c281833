import OrgModel

/// Every report reaches the user through here: rendered in one place
/// (`Report.rendered`), and a report that cannot be put into the format (a figure JSON
/// cannot hold) said on standard error with exit 3, nothing written.
func rendered(_ report: some Report, as format: OutputFormat) throws -> [UInt8] {
    do {
        return try report.rendered(format)
    } catch {
        printError("orgmodel: \(error)")
        throw Exit.outputFailed
    }
}

/// The report format a `--format` value names (`table` is text); nil for a chart format.
func outputFormat(_ name: String) -> OutputFormat? {
    OutputFormat(rawValue: name == "table" ? "text" : name)
}
