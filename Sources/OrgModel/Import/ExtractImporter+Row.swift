import Foundation

extension ExtractImporter.Run {
    /// One row as its fields are read: the post so far, the values checked once all are
    /// in, and every problem found.
    struct RowReading {
        var post: Post
        var tierText: String?
        var fteColumn = "fte"
        var vacancyText: (text: String, column: String)?
        var problems: [ImportProblem] = []
    }

    /// Reads one row into a post for the pipeline, or rejects it with every reason.
    mutating func readRow(_ record: borrowing CSVRecord) {
        guard let plan else { return }
        rowCount += 1
        let line = record.line
        guard record.count == plan.columnCount else {
            pipeline.reject(
                line: line, bytes: record.byteRange, id: nil,
                [
                    .fieldCount(found: record.count, expected: plan.columnCount, headerLine: plan.headerLine, quoting: true)
                ])
            return
        }
        for column in plan.unnamed where !unnamedWithValues.contains(column) && !record.isEmpty(column) {
            unnamedWithValues.insert(column)
        }
        var row = RowReading(post: Post(id: PostID(""), line: line))
        row.post.attributes.reserveCapacity(plan.attributeColumns.count)
        readFields(record, plan: plan, into: &row)
        check(&row, plan: plan)
        readAttributes(record, plan: plan, into: &row)
        guard row.problems.isEmpty else {
            pipeline.reject(line: line, bytes: record.byteRange, id: row.post.id.rawValue.isEmpty ? nil : row.post.id, row.problems)
            return
        }
        pipeline.add(&row.post, bytes: record.byteRange)
    }

    /// The mapped fields of a row.
    private mutating func readFields(_ record: borrowing CSVRecord, plan: ExtractImporter.Plan, into row: inout RowReading) {
        for fieldColumn in plan.fieldColumns.indices {
            let (field, index) = (plan.fieldColumns[fieldColumn].field, plan.fieldColumns[fieldColumn].index)
            var column: String { plan.fieldColumns[fieldColumn].name }
            let translates = plan.translatesColumn[fieldColumn]
            // Money and FTE straight from the bytes when written plainly: no string.
            if field == .fte || field == .cost, reading.encoding == .utf8, !translates,
                let number = record.withTrimmedBytes(index, ExtractValues.quickNumber) ?? nil
            {
                if field == .fte {
                    row.post.fte = number
                    row.fteColumn = column
                } else {
                    row.post.cost = number
                }
                continue
            }
            var value = text(record, index)
            if translates { value = translated(value, for: field) }
            if value.isEmpty { continue }
            read(value, field: field, column: column, into: &row)
        }
    }

    /// One field's value.
    private func read(_ value: String, field: PostField, column: String, into row: inout RowReading) {
        func parsed<T>(_ result: Result<T, RowProblem>, _ use: (T) -> Void) {
            switch result {
            case .success(let value): use(value)
            case .failure(let problem): row.problems.append(.value(problem.message))
            }
        }
        switch field {
        case .id: row.post.id = PostID(value)
        case .title: row.post.title = value
        case .tier: row.tierText = value
        case .reportsTo: row.post.reportsTo = PostID(value)
        case .holder:
            if value.utf8.count < 64, vacantHolderLengths & (1 << UInt64(value.utf8.count)) != 0,
                vacantHolderKeys.contains(value.lowercased())
            {
                row.vacancyText = ("true", column)
            } else {
                row.post.holder = value
            }
        case .grade: row.post.grade = value
        case .fte:
            row.fteColumn = column
            parsed(ExtractValues.number(value, column: column)) { row.post.fte = $0 }
        case .cost: parsed(ExtractValues.number(value, column: column)) { row.post.cost = $0 }
        case .count:
            parsed(ExtractValues.integer(value, column: column)) { count in
                if count >= 1 { row.post.count = count } else { row.problems.append(.countBelowOne(column: column, count: count)) }
            }
        case .vacant: row.vacancyText = (value, column)
        case .temporary: parsed(ExtractValues.boolean(value, column: column)) { row.post.temporary = $0 }
        case .assistant: parsed(ExtractValues.boolean(value, column: column)) { row.post.assistant = $0 }
        case .service: row.post.service = value
        case .dottedTo:
            row.post.dottedTo = value.split(separator: ";").map { PostID(String($0).trimmingBlanks()) }.filter { !$0.rawValue.isEmpty }
        case .replaces: row.post.replaces = PostID(value)
        case .deviations, .attributes: break
        }
    }

    /// What needs the whole row: the id, the tier, the vacancy and the limits.
    private mutating func check(_ row: inout RowReading, plan: ExtractImporter.Plan) {
        if row.post.id.rawValue.isEmpty { row.problems.append(.empty(column: pipeline.format.idColumn)) }
        if let boss = row.post.reportsTo, boss == row.post.id, !row.post.id.rawValue.isEmpty {
            row.problems.append(.reportsToItself(column: pipeline.format.reportsToColumns[0], id: boss))
        }
        if let tierText = row.tierText {
            let column = plan.column(of: .tier) ?? "tier"
            switch ExtractValues.integer(tierText, column: column) {
            case .success(let tier) where tier >= 1: row.post.tier = tier
            case .success(let tier): row.problems.append(.tierBelowOne(column: column, tier: tier))
            case .failure(let problem): row.problems.append(.value(problem.message))
            }
        } else if !mapping.tiers.isEmpty, let grade = row.post.grade {
            if let tier = tier(for: grade) { row.post.tier = tier }
        }
        if let (text, column) = row.vacancyText { readVacancy(text, column: column, into: &row) }
        // Checked before any message is made: this runs for every row.
        let post = row.post
        if let cost = post.cost, cost > PostLimits.maximumCost,
            let problem = PostLimits.costProblem(cost, field: pipeline.format.costColumn)
        {
            row.problems.append(.value(problem))
        }
        if post.count > PostLimits.maximumCount,
            let problem = PostLimits.countProblem(post.count, field: plan.column(of: .count) ?? "count")
        {
            row.problems.append(.value(problem))
        }
        if let fte = post.fte, fte > Double(post.count) + 1e-9 {
            row.problems.append(
                .fteOverCount(column: row.fteColumn, fte: fte, count: post.count, countColumn: plan.column(of: .count) != nil))
        }
    }

    private func readVacancy(_ text: String, column: String, into row: inout RowReading) {
        let lowered = text.lowercased()
        if ["true", "yes", "y"].contains(lowered) {
            row.post.vacant = row.post.count
        } else if ["false", "no", "n"].contains(lowered) {
            row.post.vacant = 0
        } else if let vacant = Int(lowered), vacant >= 0 {
            if vacant > row.post.count {
                row.problems.append(.vacantOverCount(column: column, vacant: vacant, count: row.post.count))
            } else {
                row.post.vacant = vacant
            }
        } else {
            row.problems.append(.vacancyUnreadable(column: column, text: text))
        }
    }

    /// The columns kept as attributes, dates written as dates.
    private func readAttributes(_ record: borrowing CSVRecord, plan: ExtractImporter.Plan, into row: inout RowReading) {
        for (index, name, isDate) in plan.attributeColumns {
            let value = text(record, index)
            if value.isEmpty { continue }
            if isDate {
                switch ExtractValues.day(value, column: name) {
                case .success(let day): row.post.attributes.append(Attribute(name: name, value: ExtractValues.iso(day)))
                case .failure(let problem): row.problems.append(.value(problem.message))
                }
            } else {
                row.post.attributes.append(Attribute(name: name, value: value))
            }
        }
    }
}
