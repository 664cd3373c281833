import Foundation
import OrgSupport

extension ExtractImporter {
    /// How an extract's bytes are read: the file its messages name, the text encoding
    /// (given or detected) and the field separator.
    struct Reading {
        let file: String
        let encoding: TextEncoding
        let delimiter: UInt8
    }

    /// The state of one import as rows stream past: the plan the header gave, what this
    /// format keeps of its own (translations, tiers by grade, unnamed columns), and the
    /// shared pipeline the rows go to.
    struct Run {
        let reading: Reading
        let mapping: ImportMapping
        var plan: Plan?
        var pipeline: ImportPipeline
        var rowCount = 0
        /// Unnamed columns found holding a value: those are worth a note, empty ones not.
        var unnamedWithValues: Set<Int> = []
        var gradesWithoutTier: [String: Int] = [:]
        var vacantHolderKeys: Set<String> = []
        /// Lengths of the vacant-holder words (as bits), so most names skip lower-casing.
        var vacantHolderLengths: UInt64 = 0
        /// Tiers by grade as met: an extract has a few dozen grades over a million rows,
        /// and comparing against each is cheaper than hashing every row's.
        var tierByGrade: [(grade: String, tier: Int?, posts: Int)] = []
        /// Translations through the mapping's `values:` as met, by field.
        var translations: [(field: PostField, from: String, to: String)] = []

        init(reading: Reading, mapping: ImportMapping, matching: IDMatching) {
            self.reading = reading
            self.mapping = mapping
            // The header names the columns the format speaks of; until it is read, the defaults.
            pipeline = ImportPipeline(
                format: ImportFormat(
                    idColumn: "id", reportsToColumns: ["reports_to"], noManager: "none", within: "the extract", rowNouns: ["post"],
                    rowWords: ["row"], ownIDs: [true], style: .init(differenceSeparator: ", ", advisesOwnReference: false), compared: [],
                    jobShares: mapping.jobShares, leavesOutSpoiledShares: true, costSummed: true, matching: matching))
            vacantHolderKeys = Set(mapping.vacantHolders.map { $0.lowercased() })
            for holder in mapping.vacantHolders where holder.utf8.count < 64 { vacantHolderLengths |= 1 << UInt64(holder.utf8.count) }
        }

        mutating func translated(_ value: String, for field: PostField) -> String {
            if let known = translations.first(where: { $0.field == field && $0.from == value }) { return known.to }
            let result = mapping.translated(value, for: field).trimmingBlanks()
            if translations.count < 256 { translations.append((field, value, result)) }
            return result
        }

        /// The tier for a grade, counting the posts of each grade the table lacks.
        mutating func tier(for grade: String) -> Int? {
            if let index = tierByGrade.firstIndex(where: { $0.grade == grade }) {
                tierByGrade[index].posts += 1
                return tierByGrade[index].tier
            }
            let tier = mapping.tiers.tier(for: grade)
            if tierByGrade.count < 256 {
                tierByGrade.append((grade, tier, 1))
            } else if tier == nil {
                gradesWithoutTier[grade, default: 0] += 1
            }
            return tier
        }

        func text(_ record: borrowing CSVRecord, _ index: Int) -> String {
            switch reading.encoding {
            case .utf8: record.trimmedString(index)
            case .windows1252: reading.encoding.decode(record.bytes(index)).trimmingBlanks()
            }
        }

        /// Appends the rows a later part of the file read, whose ids are not this part's.
        mutating func absorb(_ other: Run) {
            pipeline.absorb(other.pipeline)
            rowCount += other.rowCount
            unnamedWithValues.formUnion(other.unnamedWithValues)
            gradesWithoutTier.merge(other.gradesWithoutTier, uniquingKeysWith: +)
            for entry in other.tierByGrade {
                if let index = tierByGrade.firstIndex(where: { $0.grade == entry.grade }) {
                    tierByGrade[index].posts += entry.posts
                } else {
                    tierByGrade.append(entry)
                }
            }
        }
    }
}
