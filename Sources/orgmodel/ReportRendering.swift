import OrgModel
import OrgSupport

/// The report format a `--format` value names (`table` is text); nil for a chart format.
/// Every report is rendered in one place, `Report.rendered`; one that cannot be put into
/// the format (a figure JSON cannot hold) throws a `ReportError`, exit 3, nothing written.
func outputFormat(_ name: String) -> OutputFormat? {
    OutputFormat(rawValue: name == "table" ? "text" : name)
}
