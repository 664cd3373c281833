import Foundation

extension OrganogramImporter.Run {
    mutating func readSenior(_ table: DelimitedTable) throws(LoadError) {
        let cols = OrganogramFormat.self
        let columns = try columns(of: table, senior: true)
        if let note = unnamedNote(columns.unnamed, table) { unnamedNotes.append(note) }
        // References that several rows share without being one post: placeholders, or
        // rows that all say "Not in post".
        var rowsByReference: [String: [DelimitedTable.Row]] = [:]
        for row in table.rows where row.fields.count == table.header.count {
            rowsByReference[columns.value(cols.postUniqueReference, in: row), default: []].append(row)
        }
        var placeholders: [String: [Int]] = [:]
        for (reference, rows) in rowsByReference where rows.count > 1 && !reference.isEmpty {
            let notInPost = rows.allSatisfy { OrganogramImporter.nameWord(columns.value(cols.name, in: $0)) == "not in post" }
            if PlaceholderReference.isPlaceholder(reference) || notInPost { placeholders[reference] = rows.map(\.line) }
        }
        pipeline.declarePlaceholders(placeholders)
        readRows(table) { run, row in run.readSeniorRow(row, columns) }
    }

    /// Reads each row with as many fields as the header; rejects the others.
    private mutating func readRows(_ table: DelimitedTable, _ read: (inout Self, DelimitedTable.Row) -> Void) {
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                pipeline.reject(
                    line: row.line, bytes: row.bytes, id: nil,
                    [
                        .fieldCount(found: row.fields.count, expected: table.header.count, headerLine: table.headerLine, quoting: false)
                    ])
                continue
            }
            read(&self, row)
        }
    }

    private mutating func readSeniorRow(_ row: DelimitedTable.Row, _ columns: OrganogramImporter.Columns) {
        let cols = OrganogramFormat.self
        var problems: [ImportProblem] = []
        let reference = columns.value(cols.postUniqueReference, in: row)
        let name = columns.value(cols.name, in: row)
        let bossText = columns.value(cols.reportsTo, in: row)
        if reference.isEmpty { problems.append(.empty(column: cols.postUniqueReference)) }
        var boss: PostID?
        if bossText.isEmpty {
            problems.append(.noManagerMarker(column: cols.reportsTo))
        } else if bossText.uppercased() != cols.topMarker, bossText != reference {
            boss = PostID(bossText)
            if let problem = pipeline.placeholderProblem(column: cols.reportsTo, reference: bossText) { problems.append(problem) }
        }
        var fte: Double?
        let fteText = columns.value(cols.fte, in: row)
        if !fteText.isEmpty, fteText.uppercased() != cols.notDisclosed {
            switch ExtractValues.number(fteText, column: "FTE") {
            case .success(let value): fte = value
            case .failure(let problem): problems.append(.value(problem.message))
            }
        }
        let id = pipeline.ownID(reference, line: row.line)
        if let fte, fte > 1 + 1e-9 { problems.append(.fteOverOnePost(fte: fte)) }
        guard problems.isEmpty else {
            pipeline.reject(line: row.line, bytes: row.bytes, id: reference.isEmpty ? nil : id, problems)
            return
        }
        let word = OrganogramImporter.nameWord(name)
        if word == "eliminated" {
            if eliminated[id] == nil { eliminatedOrder.append(id) }
            eliminated[id] = (boss, row.line)
            return
        }
        var post = Post(id: PostID(reference), title: columns.value(cols.jobTitle, in: row), reportsTo: boss, fte: fte, line: row.line)
        let grade = columns.value(cols.grade, in: row)
        // "N/D" is what the format writes for a grade not known: no grade.
        if !grade.isEmpty, !OrganogramImporter.meansNotDisclosed(grade) {
            post.grade = grade
            if let tier = tiers.tier(for: grade) { post.tier = tier } else { gradesWithoutTier[grade, default: 0] += 1 }
        }
        let unit = columns.value(cols.unit, in: row)
        if !unit.isEmpty { post.service = unit }
        switch word {
        case _ where OrganogramImporter.meansNotDisclosed(name), "": break
        case "vacant", "vacancy": post.vacant = 1
        default: post.holder = name
        }
        if boss == nil, bossText == reference { selfReporting.append((id, row.line)) }
        if costEstimate == .payBandMidpoint {
            post.cost = Self.midpoint(columns.value(cols.payFloor, in: row), columns.value(cols.payCeiling, in: row))
        }
        post.attributes = attributes(row, columns)
        pipeline.add(&post, bytes: row.bytes)
    }

    mutating func readJunior(_ table: DelimitedTable) throws(LoadError) {
        let columns = try columns(of: table, senior: false)
        if let note = unnamedNote(columns.unnamed, table) { unnamedNotes.append(note) }
        readRows(table) { run, row in run.readJuniorRow(row, columns) }
    }

    private mutating func readJuniorRow(_ row: DelimitedTable.Row, _ columns: OrganogramImporter.Columns) {
        let cols = OrganogramFormat.self
        var problems: [ImportProblem] = []
        let bossText = columns.value(cols.reportingSeniorPost, in: row)
        if bossText.isEmpty { problems.append(.empty(column: cols.reportingSeniorPost)) }
        if let problem = pipeline.placeholderProblem(column: cols.reportingSeniorPost, reference: bossText, seniorRows: true) {
            problems.append(problem)
        }
        let fteText = columns.value(cols.numberOfPosts, in: row)
        var fte = 0.0
        if fteText.isEmpty {
            problems.append(.empty(column: cols.numberOfPosts))
        } else {
            switch ExtractValues.number(fteText, column: cols.numberOfPosts) {
            case .success(let value): fte = value
            case .failure(let problem): problems.append(.value(problem.message))
            }
        }
        if fte > Double(PostLimits.maximumCount) { problems.append(.lineOverMaximum(column: cols.numberOfPosts, fte: fte)) }
        guard problems.isEmpty else {
            pipeline.reject(line: row.line, bytes: row.bytes, id: nil, problems)
            return
        }
        let boss = PostID(bossText)
        let number = juniorCount[boss, default: 0] + 1
        juniorCount[boss] = number
        var id = PostID("\(bossText)-J\(number)")
        var bump = 1
        while pipeline.positionByID[id] != nil || pipeline.rejectedLineByID[id] != nil {
            bump += 1
            id = PostID("\(bossText)-J\(number)-\(bump)")
        }
        let count = max(1, Int((fte - 1e-9).rounded(.up)))
        if fte != fte.rounded() { fractionalLines += 1 }
        var post = Post(
            id: id, title: columns.value(cols.genericJobTitle, in: row), reportsTo: boss, fte: fte, count: count, line: row.line)
        let grade = columns.value(cols.juniorGrade, in: row)
        if !grade.isEmpty, !OrganogramImporter.meansNotDisclosed(grade) { post.grade = grade }
        let unit = columns.value(cols.unit, in: row)
        if !unit.isEmpty { post.service = unit }
        if costEstimate == .payBandMidpoint,
            let midpoint = Self.midpoint(columns.value(cols.payscaleMinimum, in: row), columns.value(cols.payscaleMaximum, in: row))
        {
            post.cost = (midpoint * fte).rounded()
        }
        post.attributes = attributes(row, columns)
        // Published files sometimes repeat a junior row whole: each is kept as a line
        // (the file says so many people), and the pipeline counts them for a note.
        pipeline.addLine(&post, bytes: row.bytes)
    }
}
