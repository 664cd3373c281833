/// Keeps a spreadsheet from running a cell as a formula (CSV injection): a text cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading
/// apostrophe, which Excel, LibreOffice and Google Sheets show as text and do not keep.
///
/// The rule is reversible, so round trips stay lossless: a cell that already starts with
/// apostrophes followed by one of those characters gains one more, and `unguarded`, used
/// by the readers of orgmodel's own CSV (structure files and organograms), takes exactly
/// one off such a cell and leaves every other cell alone.
public enum FormulaGuard {
    /// The cell as written to a CSV file.
    public static func guarded(_ text: String) -> String {
        needsGuard(text.utf8) ? "'" + text : text
    }

    /// The text a guarded cell stood for.
    public static func unguarded(_ text: String) -> String {
        guard text.utf8.first == apostrophe, needsGuard(text.utf8.dropFirst()) else { return text }
        return String(text.dropFirst())
    }

    /// Whether the bytes, after any leading apostrophes, start with a formula's first character.
    static func needsGuard<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first(where: { $0 != apostrophe }) else { return false }
        return triggers.contains(first)
    }

    private static let apostrophe = UInt8(ascii: "'")
    private static let triggers: [UInt8] = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]
}
