/// The UK government organogram: two CSV files per organisation and date, published as
/// open data. Senior posts are one row per post (a job share is a row per holder); junior
/// posts are counts by grade and title under a senior post. The column lists here are the
/// published order, which the writer follows and the reader recognises in any order.
public enum OrganogramFormat {
    /// Senior staff columns in published order; the sixteenth has no name.
    public static let seniorColumns = [
        "Post Unique Reference", "Name", "Grade (or equivalent)", "Job Title", "Job/Team Function",
        "Parent Department", "Organisation", "Unit", "Contact Phone", "Contact E-mail",
        "Reports to Senior Post", "Salary Cost of Reports (£)", "FTE", "Actual Pay Floor (£)",
        "Actual Pay Ceiling (£)", "", "Professional/Occupational Group", "Notes", "Valid?",
    ]

    /// Junior staff columns in published order.
    public static let juniorColumns = [
        "Parent Department", "Organisation", "Unit", "Reporting Senior Post", "Grade",
        "Payscale Minimum (£)", "Payscale Maximum (£)", "Generic Job Title", "Number of Posts in FTE",
        "Professional/Occupational Group",
    ]

    // Columns the reader turns into post fields or uses itself; the others it keeps as
    // attributes under their published names.
    static let postUniqueReference = "Post Unique Reference"
    static let name = "Name"
    static let grade = "Grade (or equivalent)"
    static let juniorGrade = "Grade"
    static let jobTitle = "Job Title"
    static let unit = "Unit"
    static let reportsTo = "Reports to Senior Post"
    static let fte = "FTE"
    static let reportingSeniorPost = "Reporting Senior Post"
    static let genericJobTitle = "Generic Job Title"
    static let numberOfPosts = "Number of Posts in FTE"

    /// Attributes the reader keeps under these published names.
    public static let parentDepartment = "Parent Department"
    public static let organisation = "Organisation"
    public static let payFloor = "Actual Pay Floor (£)"
    public static let payCeiling = "Actual Pay Ceiling (£)"
    public static let payscaleMinimum = "Payscale Minimum (£)"
    public static let payscaleMaximum = "Payscale Maximum (£)"
    public static let salaryCostOfReports = "Salary Cost of Reports (£)"
    public static let contactPhone = "Contact Phone"
    public static let contactEmail = "Contact E-mail"

    /// `Reports to Senior Post` of the top post.
    public static let topMarker = "XX"
    /// `Name` of a post whose holder is not disclosed.
    public static let notDisclosed = "N/D"

    /// A header folded for matching: no parenthesised part ("(£)", "(or equivalent)"),
    /// lower case, letters and digits only. Published files vary in exactly these ways,
    /// and a file read in the wrong encoding turns "£" into "Â£" inside the brackets.
    static func key(_ header: String) -> String {
        var depth = 0
        var folded = String.UnicodeScalarView()
        for scalar in header.lowercased().unicodeScalars {
            if scalar == "(" {
                depth += 1
                continue
            }
            if scalar == ")" {
                depth = max(0, depth - 1)
                continue
            }
            if depth == 0, scalar.properties.isAlphabetic || scalar.properties.numericType != nil { folded.append(scalar) }
        }
        return String(folded)
    }

    /// The published name of a header, or nil when it is not one of the format's.
    static func canonical(_ header: String, among columns: [String]) -> String? {
        let wanted = key(header)
        guard !wanted.isEmpty else { return nil }
        return columns.first { !$0.isEmpty && key($0) == wanted }
    }
}
