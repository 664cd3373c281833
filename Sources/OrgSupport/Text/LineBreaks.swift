extension String {
    /// The text with its line breaks (LF, CR, CR LF, VT, FF, NEL, U+2028, U+2029) replaced
    /// by `separator`: each break, or (`collapsing`) each run of them, with none kept at
    /// either end. The one place text is put on one line: a report's log lines and a file's
    /// comment lines. Most text holds no break, and a byte scan says so
    /// (`ReportLog.mayHoldLineBreak`) before any character is looked at.
    package func replacingLineBreaks(with separator: String, collapsing: Bool) -> String {
        var text = self
        guard text.withUTF8(ReportLog.mayHoldLineBreak) else { return self }
        return split(omittingEmptySubsequences: collapsing, whereSeparator: \.isNewline).joined(separator: separator)
    }
}
