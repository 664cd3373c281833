import OrgSupport

/// Writes a structure as a UK government organogram: the senior and junior CSV files in
/// the published column order.
///
/// Senior rows are the posts that have a tier, manage anyone, report to nobody or carry a
/// column only the senior file has (pay floor, contact details, Job/Team Function: an
/// imported senior post with a grade the tier table did not know); every other post is a
/// junior row under its manager (junior rows carry no names). A job share
/// gets a row per holder again. Senior pay is published in £5,000 bands: the `Actual Pay
/// Floor (£)` attribute rounded down to its band, the ceiling that floor plus £4,999.
/// Columns the structure has nothing for are written `N/D` (not disclosed) where the
/// format expects a value, and left empty where it does not. Costs are not pay: a post's
/// `cost` (on-costs included) never stands in for pay or for Salary Cost of Reports.
public struct OrganogramWriter: Sendable {
    /// Line ends, CRLF as RFC 4180 and spreadsheets expect.
    public var lineEnd: String

    public init(lineEnd: String = "\r\n") { self.lineEnd = lineEnd }

    /// The two files' text, and what the writer had to decide.
    public struct Output: Sendable, Hashable {
        public var senior: String
        public var junior: String
        public var seniorRows: Int
        public var juniorRows: Int
        public var notes: [String]
    }

    /// The attributes the organogram's columns take.
    static let writtenAttributes: Set<String> = {
        let cols = OrganogramFormat.self
        return [
            cols.payscaleMinimum, cols.payscaleMaximum, cols.payFloor, cols.payCeiling, cols.contactPhone, cols.contactEmail,
            cols.salaryCostOfReports, cols.organisation, cols.parentDepartment, "Professional/Occupational Group",
            "Job/Team Function", "Notes", "Valid?", JobShare.fteAttribute,
        ]
    }()

    public func write(_ structure: Structure) -> Output {
        let cols = OrganogramFormat.self
        let index = StructureIndex(structure)
        let posts = structure.posts
        let isSenior = Self.isSenior(posts, index: index)
        let organisation = Self.inherited(cols.organisation, in: structure, index: index)
        let parentDepartment = Self.inherited(cols.parentDepartment, in: structure, index: index)

        var output = Output(
            senior: CSVText.row(cols.seniorColumns, lineEnd: lineEnd), junior: CSVText.row(cols.juniorColumns, lineEnd: lineEnd),
            seniorRows: 0, juniorRows: 0, notes: [])
        var withoutPay = 0
        var withDeviations = 0
        for position in posts.indices {
            let post = posts[position]
            if !post.deviations.isEmpty { withDeviations += 1 }
            if isSenior[position] {
                if Self.attribute(cols.payFloor, of: post) == nil { withoutPay += 1 }
                output.seniorRows += appendSeniorRows(
                    of: post, organisation: organisation[position], parentDepartment: parentDepartment[position], to: &output.senior)
            } else {
                output.junior += juniorRow(of: post, organisation: organisation[position], parentDepartment: parentDepartment[position])
                output.juniorRows += 1
            }
        }
        if withoutPay > 0 {
            output.notes.append(
                "\(withoutPay) senior post\(withoutPay == 1 ? " has" : "s have") no pay figures (attribute \"\(cols.payFloor)\"): pay written as N/D"
            )
        }
        if withDeviations > 0 {
            output.notes.append(
                "deviations are not part of the organogram format: those of \(Plural.count(withDeviations, "post")) are not written")
        }
        if let note = Self.unwrittenFieldsNote(posts, isSenior: isSenior) { output.notes.append(note) }
        if let note = Self.unwrittenAttributesNote(posts) { output.notes.append(note) }
        return output
    }

    /// Whether each post is a senior row: it has a tier, manages anyone, reports to nobody or
    /// carries a column only the senior file has.
    private static func isSenior(_ posts: [Post], index: StructureIndex) -> [Bool] {
        let cols = OrganogramFormat.self
        let seniorOnly: Set<String> = [cols.payFloor, cols.salaryCostOfReports, cols.contactEmail, cols.contactPhone, "Job/Team Function"]
        return posts.indices.map { position in
            posts[position].tier != nil || index.isManager(position) || index.manager[position] == nil
                || posts[position].attributes.contains { seniorOnly.contains($0.name) }
        }
    }

    /// Each post's value of the attribute `name` (Organisation, Parent Department): its own,
    /// else its manager's, else the structure's organisation (the importer keeps them only
    /// where they change).
    private static func inherited(_ name: String, in structure: Structure, index: StructureIndex) -> [String] {
        let posts = structure.posts
        var values = [String](repeating: structure.organisation ?? "", count: posts.count)
        for position in index.topDownOrder {
            if let own = attribute(name, of: posts[position]) {
                values[position] = own
            } else if let manager = index.manager[position] {
                values[position] = values[manager]
            }
        }
        return values
    }

    /// The value of a post's first attribute called `name`.
    private static func attribute(_ name: String, of post: Post) -> String? {
        post.attributes.first { $0.name == name }?.value
    }

    /// A junior row: the post as a line under its manager, without names.
    private func juniorRow(of post: Post, organisation: String, parentDepartment: String) -> String {
        let cols = OrganogramFormat.self
        func attribute(_ name: String) -> String? { Self.attribute(name, of: post) }
        return CSVText.row(
            [
                parentDepartment, organisation, post.service ?? "", post.reportsTo?.rawValue ?? cols.topMarker,
                post.grade ?? cols.notDisclosed, attribute(cols.payscaleMinimum) ?? cols.notDisclosed,
                attribute(cols.payscaleMaximum) ?? cols.notDisclosed, post.displayTitle,
                NumberText.format(post.fte ?? Double(post.count)), attribute("Professional/Occupational Group") ?? "",
            ], lineEnd: lineEnd)
    }

    /// Appends a senior post's rows, one for each holder of a job share; how many.
    private func appendSeniorRows(of post: Post, organisation: String, parentDepartment: String, to senior: inout String) -> Int {
        let cols = OrganogramFormat.self
        let holders: [(name: String, fte: String)]
        if let shares = JobShare.rows(of: post) {
            holders = shares.map { share in
                (share.vacant ? "Vacant" : share.holder ?? cols.notDisclosed, share.fte.map(NumberText.format) ?? "1")
            }
        } else {
            let name = post.isVacant ? "Vacant" : post.holder ?? cols.notDisclosed
            holders = [(name, NumberText.format(post.fte ?? Double(post.count)))]
        }
        for (row, holder) in holders.enumerated() {
            // A job share's rows may differ (contact details, notes): each gets its own.
            func value(_ name: String) -> String? {
                Self.attribute(name, of: post).map { JobShare.value($0, row: row, of: holders.count) }
            }
            let (floor, ceiling) = pay(floor: value(cols.payFloor), ceiling: value(cols.payCeiling))
            senior += CSVText.row(
                [
                    post.id.rawValue, holder.name, post.grade ?? cols.notDisclosed, post.displayTitle,
                    value("Job/Team Function") ?? "", parentDepartment, organisation,
                    post.service ?? "", value(cols.contactPhone) ?? cols.notDisclosed, value(cols.contactEmail) ?? cols.notDisclosed,
                    post.reportsTo?.rawValue ?? cols.topMarker, value(cols.salaryCostOfReports) ?? cols.notDisclosed, holder.fte,
                    floor, ceiling, "", value("Professional/Occupational Group") ?? "", value("Notes") ?? "",
                    value("Valid?") ?? "",
                ], lineEnd: lineEnd)
        }
        return holders.count
    }

    /// The note naming the fields the format has no column for, and for how many posts;
    /// nil when every field the posts use is written.
    private static func unwrittenFieldsNote(_ posts: [Post], isSenior: [Bool]) -> String? {
        var unwrittenFields: [String] = []
        func count(_ name: String, _ test: (Post) -> Bool) {
            let n = posts.filter(test).count
            if n > 0 { unwrittenFields.append("\(name) (\(Plural.grouped(n, "post")))") }
        }
        // A tier the default import would read back from the grade is not lost.
        count("tier") { post in post.tier != nil && post.grade.flatMap(GradeTierTable.seniorCivilService.tier(for:)) != post.tier }
        count("cost") { $0.cost != nil }
        count("temporary") { $0.temporary }
        count("assistant") { $0.assistant }
        count("dotted_to") { !$0.dottedTo.isEmpty }
        count("replaces") { $0.replaces != nil }
        let vacantLines = posts.indices.filter { !isSenior[$0] && posts[$0].vacant > 0 }.count
        if vacantLines > 0 { unwrittenFields.append("vacancies of junior lines (\(Plural.grouped(vacantLines, "line")))") }
        guard !unwrittenFields.isEmpty else { return nil }
        return
            "the organogram format has no column for \(unwrittenFields.joined(separator: ", ")): not written (export as YAML or CSV to keep them)"
    }

    /// The note naming the attributes no organogram column takes (an extract's own columns,
    /// a published file's extra ones), so nothing goes without a word; nil when there are none.
    private static func unwrittenAttributesNote(_ posts: [Post]) -> String? {
        var unwritten: [String: Int] = [:]
        for post in posts {
            for name in Set(post.attributes.map(\.name)) where !Self.writtenAttributes.contains(name) { unwritten[name, default: 0] += 1 }
        }
        guard !unwritten.isEmpty else { return nil }
        let names = unwritten.keys.sorted()
        return
            "\(Plural.noun(names.count, "attribute")) \(names.prefix(8).map { "\"\($0)\"" }.joined(separator: ", "))\(names.count > 8 ? ", …" : "") "
            + "\(names.count == 1 ? "has" : "have") no organogram column and \(names.count == 1 ? "is" : "are") not written (export as YAML or CSV to keep \(names.count == 1 ? "it" : "them"))"
    }

    /// The published floor and ceiling: a number is banded, anything else ("N/D", a
    /// publisher's 0 for not disclosed) written as given.
    private func pay(floor: String?, ceiling: String?) -> (String, String) {
        guard let floor else { return (OrganogramFormat.notDisclosed, ceiling ?? OrganogramFormat.notDisclosed) }
        guard case .success(let amount) = ExtractValues.number(floor, column: ""), amount > 0 else {
            return (floor, ceiling ?? OrganogramFormat.notDisclosed)
        }
        let band = PayBand(containing: amount)
        return (String(band.floor), String(band.ceiling))
    }
}
