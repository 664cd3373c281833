import OrgSupport

/// How an HR extract's columns become posts: the mapping file that `orgmodel import
/// --map` reads (format in the README; `ImportMappingReader` parses it).
///
/// Every HR system names its columns its own way ("Position ID", "Parent Position",
/// "Employee Name"), so the mapping says which column feeds which post field. Columns it
/// does not use are kept, per post, as attributes named after the column, so an import
/// loses nothing unless the mapping drops a column on purpose.
public struct ImportMapping: Sendable, Equatable {
    /// The extract column that feeds each post field (never `deviations` or `attributes`).
    public var columns: [PostField: String]
    /// Tiers by grade, used for posts whose tier column is absent or empty.
    public var tiers: GradeTierTable
    /// Per field, extract values to read as other values before parsing, e.g. a
    /// `Contract Type` of `Fixed Term` read as `temporary: true`. Keys match without
    /// regard to case or surrounding blanks.
    public var values: [PostField: [String: String]]
    /// Holder values that mean nobody holds the post ("Vacant"): the post is read as
    /// vacant with no holder. Matched without regard to case.
    public var vacantHolders: [String]
    /// Columns left out altogether rather than kept as attributes (personal data the
    /// structure has no business holding, such as a National Insurance number).
    public var dropped: [String]
    /// Columns of dates, read as `YYYY-MM-DD` or `DD/MM/YYYY` and kept as ISO attributes.
    public var dateColumns: [String]
    /// Whether a repeated id is a job share (one post, FTE and cost summed, holders
    /// listed) rather than a bad row.
    public var jobShares: Bool
    /// The extract's field separator, when it is not a comma.
    public var delimiter: UInt8?
    /// The extract's encoding; nil reads UTF-8 when the bytes are valid UTF-8 and
    /// Windows-1252 otherwise.
    public var encoding: TextEncoding?
    /// Metadata for the structure written: name, organisation, description, state,
    /// effective date and rules (posts are ignored).
    public var structure: Structure
    /// The mapping file, for messages.
    public var source: String?
    /// Where in the mapping file each column name is written (the field's column, each
    /// dropped and each date column), so that a name the extract lacks is reported there.
    public var places: [ColumnUse: SourceLocation] = [:]

    /// A column name's role in the mapping, to find where it is written.
    public enum ColumnUse: Hashable, Sendable {
        case field(PostField)
        case dropped(String)
        case date(String)
    }

    public init(
        columns: [PostField: String] = [:], tiers: GradeTierTable = GradeTierTable(),
        values: [PostField: [String: String]] = [:], vacantHolders: [String] = ["Vacant"],
        dropped: [String] = [], dateColumns: [String] = [], jobShares: Bool = false,
        delimiter: UInt8? = nil, encoding: TextEncoding? = nil, structure: Structure = Structure(),
        source: String? = nil
    ) {
        self.columns = columns
        self.tiers = tiers
        self.values = values
        self.vacantHolders = vacantHolders
        self.dropped = dropped
        self.dateColumns = dateColumns
        self.jobShares = jobShares
        self.delimiter = delimiter
        self.encoding = encoding
        self.structure = structure
        self.source = source
    }

    /// The post fields a mapping may name, in the order the README lists them.
    public static let mappableFields: [PostField] = PostField.allCases.filter { $0 != .deviations && $0 != .attributes }

    /// The value `text` is read as for `field`, after the mapping's `values:` table.
    func translated(_ text: String, for field: PostField) -> String {
        guard let table = values[field], !table.isEmpty else { return text }
        return table[Self.valueKey(text)] ?? text
    }

    static func valueKey(_ text: String) -> String { text.trimmingBlanks().lowercased() }
}
