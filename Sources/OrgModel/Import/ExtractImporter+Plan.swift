import Foundation

extension ExtractImporter {
    /// What each column of the extract feeds, worked out once from the header.
    ///
    /// A class, so that each row shares it rather than copying its arrays.
    final class Plan: Sendable {
        let headerLine: Int
        let headerBytes: Range<Int>
        let columnCount: Int
        /// The column of each mapped field.
        let fieldColumns: [(field: PostField, index: Int, name: String)]
        /// Columns kept as attributes: index, attribute name, and whether it holds dates.
        let attributeColumns: [(index: Int, name: String, isDate: Bool)]
        let unnamed: [Int]
        let dropped: [String]
        /// Fields whose values the mapping's `values:` table translates.
        let translated: Set<PostField>
        /// For each of `fieldColumns`, whether its values are translated (a row looks it
        /// up by position, not by hashing the field).
        let translatesColumn: [Bool]

        init(
            headerLine: Int, headerBytes: Range<Int>, columnCount: Int, fieldColumns: [(field: PostField, index: Int, name: String)],
            attributeColumns: [(index: Int, name: String, isDate: Bool)], unnamed: [Int], dropped: [String], translated: Set<PostField>
        ) {
            self.headerLine = headerLine
            self.headerBytes = headerBytes
            self.columnCount = columnCount
            self.fieldColumns = fieldColumns
            self.attributeColumns = attributeColumns
            self.unnamed = unnamed
            self.dropped = dropped
            self.translated = translated
            translatesColumn = fieldColumns.map { translated.contains($0.field) }
        }

        func column(of field: PostField) -> String? { fieldColumns.first { $0.field == field }?.name }
    }
}

extension ExtractImporter.Run {
    /// Works out from the header which column feeds what, or refuses it with advice.
    mutating func readHeader(_ record: borrowing CSVRecord) throws(LoadError) {
        var names: [String] = []
        for index in 0..<record.count { names.append(text(record, index)) }
        var counts: [String: Int] = [:]
        for name in names where !name.isEmpty { counts[name, default: 0] += 1 }

        func find(_ wanted: String) -> Int? {
            if let exact = names.firstIndex(of: wanted) { return exact }
            let folded = names.indices.filter { names[$0].lowercased() == wanted.lowercased() }
            return folded.count == 1 ? folded[0] : nil
        }
        var missing: [String] = []
        // Where the first name the extract lacks is written in the mapping file.
        var firstMissingPlace: SourceLocation?
        func noteMissing(_ use: ImportMapping.ColumnUse) {
            if firstMissingPlace == nil { firstMissingPlace = mapping.places[use] }
        }
        var fieldColumns: [(PostField, Int, String)] = []
        for field in ImportMapping.mappableFields {
            guard let wanted = mapping.columns[field] else { continue }
            guard let index = find(wanted) else {
                noteMissing(.field(field))
                let near = closest(to: wanted, among: names.filter { !$0.isEmpty })
                missing.append(
                    "\(ValueParsing.quoted(wanted)) (for \(field.rawValue))"
                        + (near.map { ", did you mean \(ValueParsing.quoted($0))?" } ?? ""))
                continue
            }
            guard counts[names[index], default: 0] <= 1 else {
                throw LoadError(file: reading.file, line: record.line, .headerColumnTwice(name: names[index], field: field.rawValue))
            }
            fieldColumns.append((field, index, names[index]))
        }
        for required in [PostField.id, .reportsTo] where mapping.columns[required] == nil {
            throw LoadError(file: mapping.source ?? reading.file, .mappingWithoutColumn(field: required.rawValue))
        }
        // Columns to drop and columns of dates: each found, or a column missing.
        var found: [Set<Int>] = [[], []]
        for (list, names, use, purpose) in [
            (0, mapping.dropped, ImportMapping.ColumnUse.dropped, "to drop"),
            (1, mapping.dateColumns, ImportMapping.ColumnUse.date, "dates"),
        ] {
            for name in names {
                guard let index = find(name) else {
                    noteMissing(use(name))
                    missing.append("\(ValueParsing.quoted(name)) (\(purpose))")
                    continue
                }
                found[list].insert(index)
            }
        }
        if !missing.isEmpty { throw missingColumns(missing, names: names, line: record.line, mappingPlace: firstMissingPlace) }
        makePlan(record.line, record.byteRange, names: names, fieldColumns: fieldColumns, dropped: found[0], dates: found[1])
    }

    /// The header lacks columns the mapping names: say which, where the mapping names
    /// them, and what the header has.
    private func missingColumns(_ missing: [String], names: [String], line: Int, mappingPlace: SourceLocation?) -> LoadError {
        let wrongDelimiter = LoadProblem.delimiterSuggestion(names) != nil
        // The mistake is in the mapping (or the extract is not the one meant): name
        // the mapping line where the wrong name is written, and the header it missed.
        // A header read with the wrong delimiter is the extract's problem, not the mapping's.
        if !wrongDelimiter, let place = mappingPlace {
            return place.error(.headerLacksColumns(missing: missing, header: names, extract: reading.file, headerLine: line))
        }
        return LoadError(
            file: reading.file, line: line, .headerLacksColumns(missing: missing, header: names, extract: nil, headerLine: nil))
    }

    /// The plan of the columns found, and the pipeline with the extract's column names.
    private mutating func makePlan(
        _ line: Int, _ bytes: Range<Int>, names: [String], fieldColumns: [(PostField, Int, String)], dropped droppedIndices: Set<Int>,
        dates dateIndices: Set<Int>
    ) {
        let used = Set(fieldColumns.map(\.1))
        var attributeColumns: [(Int, String, Bool)] = []
        var unnamed: [Int] = []
        var seenAttributes: Set<String> = []
        for (index, name) in names.enumerated() where !used.contains(index) && !droppedIndices.contains(index) {
            if name.isEmpty {
                unnamed.append(index)
                continue
            }
            var attribute = name
            if !seenAttributes.insert(attribute).inserted {
                attribute = "\(name) (column \(index + 1))"
                seenAttributes.insert(attribute)
            }
            attributeColumns.append((index, attribute, dateIndices.contains(index)))
        }
        let idColumn = fieldColumns.first { $0.0 == .id }?.2 ?? "id"
        let reportsToColumn = fieldColumns.first { $0.0 == .reportsTo }?.2 ?? "reports_to"
        let compared = [PostField.title, .grade, .tier, .temporary, .service].compactMap { field in
            fieldColumns.first { $0.0 == field }.map { ImportFormat.Compared(field: field, column: $0.2) }
        }
        pipeline = ImportPipeline(
            format: ImportFormat(
                idColumn: idColumn, reportsToColumns: [reportsToColumn], noManager: "none", within: "the extract", rowNouns: ["post"],
                rowWords: ["row"], ownIDs: [true], style: .init(differenceSeparator: ", ", advisesOwnReference: false), compared: compared,
                costColumn: fieldColumns.first { $0.0 == .cost }?.2 ?? "cost", jobShares: mapping.jobShares,
                leavesOutSpoiledShares: true, costSummed: true, matching: pipeline.format.matching))
        plan = ExtractImporter.Plan(
            headerLine: line, headerBytes: bytes, columnCount: names.count,
            fieldColumns: fieldColumns, attributeColumns: attributeColumns, unnamed: unnamed,
            dropped: mapping.dropped, translated: Set(mapping.values.filter { !$0.value.isEmpty }.keys))
    }
}
