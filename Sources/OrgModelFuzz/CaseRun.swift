import Foundation
import OrgAnalysis
import OrgModel
import OrgReports
import OrgSupport

/// One fuzz case: read the input as its target does, and check what follows.
struct CaseRun {
    let fuzzer: Fuzzer
    let problems: (String) -> Void

    func run(_ target: Fuzzer.Target, _ input: [UInt8], partner: [UInt8]?) -> Fuzzer.Outcome {
        switch target {
        case .structureYAML: return structure(input, format: .yaml, file: "fuzz.yaml")
        case .structureCSV: return structure(input, format: .csv, file: "fuzz.csv")
        case .rules:
            return reading(input, file: "fuzz-rules.yaml") { () throws(LoadError) in
                try RuleSetReader.parse(String(decoding: input, as: UTF8.self), source: "fuzz-rules.yaml")
            } then: { rules in
                if let structure = try? StructureFile.parse(fuzzer.seeds.structuresYAML[0], format: .yaml, file: "seed.yaml") {
                    commands(structure, rules: rules)
                }
            }
        case .mapping:
            return reading(input, file: "fuzz-mapping.yaml") { () throws(LoadError) in
                try ImportMappingReader.parse(String(decoding: input, as: UTF8.self), file: "fuzz-mapping.yaml")
            }
        case .extract:
            return importing(input, file: "fuzz-extract.csv", partner: partner, partnerFile: "fuzz-mapping.yaml") { () throws(LoadError) in
                let mapping = try ImportMappingReader.parse(String(decoding: partner ?? [], as: UTF8.self), file: "fuzz-mapping.yaml")
                return try ExtractImporter(mapping: mapping).importExtract(input, file: "fuzz-extract.csv")
            }
        case .organogram:
            return importing(input, file: "fuzz-senior.csv", partner: partner, partnerFile: "fuzz-junior.csv") { () throws(LoadError) in
                try OrganogramImporter().importFiles(
                    senior: input, seniorFile: "fuzz-senior.csv", junior: partner, juniorFile: "fuzz-junior.csv")
            }
        case .redaction:
            return reading(input, file: "fuzz-profile.yaml") { () throws(LoadError) in
                try RedactionProfileReader.parse(String(decoding: input, as: UTF8.self), file: "fuzz-profile.yaml")
            } then: { profile in
                for yaml in fuzzer.seeds.structuresYAML.prefix(2) {
                    guard let structure = try? StructureFile.parse(yaml, format: .yaml, file: "seed.yaml") else { continue }
                    roundTrips(structure.redacted(using: profile), what: "the redacted structure")
                }
            }
        }
    }

    /// The lines of a file as an editor shows them: a line feed, a carriage return, or the
    /// two together each end one (the readers number lines the same way).
    static func lineCount(_ input: [UInt8]) -> Int {
        var lines = 1
        var previous: UInt8 = 0
        for byte in input {
            if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { lines += 1 }
            previous = byte
        }
        return lines
    }

    /// A refusal must name one of `files`, and a line the file has.
    func refused(_ error: LoadError, files: [String], _ input: [UInt8]) -> Fuzzer.Outcome {
        if !files.contains(error.file) { problems("a refusal names \(error.file), not the input: \(error)") }
        if let line = error.line {
            let lines = Self.lineCount(input)
            if line < 1 || line > lines + 1 { problems("a refusal names line \(line) of a file of \(lines) lines: \(error)") }
        }
        if error.message.isEmpty { problems("a refusal with no message") }
        return .refused
    }

    /// An import of `input`, read as `file`, with its `partner` file (a mapping, the junior
    /// posts): a refusal names one of the two, and a line of the file it names.
    func importing(
        _ input: [UInt8], file: String, partner: [UInt8]?, partnerFile: String, _ run: () throws(LoadError) -> ImportResult
    ) -> Fuzzer.Outcome {
        let result: ImportResult
        do {
            result = try run()
        } catch {
            return refused(error, files: [file, partnerFile], error.file == partnerFile ? (partner ?? []) : input)
        }
        imported(result, file: file, input)
        return .accepted
    }

    func structure(_ input: [UInt8], format: StructureFormat, file: String) -> Fuzzer.Outcome {
        reading(input, file: file) { () throws(LoadError) in
            try StructureFile.parse(input, format: format, file: file)
        } then: { structure in
            roundTrips(structure, what: "the structure")
            commands(structure, rules: fuzzer.rules)
        }
    }

    /// What `read` makes of `input` (the file named `file`) goes on to `then`; a refusal
    /// names the file and a line it has.
    func reading<Value>(
        _ input: [UInt8], file: String, _ read: () throws(LoadError) -> Value, then: (Value) -> Void = { _ in }
    ) -> Fuzzer.Outcome {
        let value: Value
        do {
            value = try read()
        } catch {
            return refused(error, files: [file], input)
        }
        then(value)
        return .accepted
    }

    /// What an import writes (YAML) reads back unchanged, and the structure goes through
    /// every command; the rows it rejects name the file and a line it has.
    func imported(_ result: ImportResult, file: String, _ input: [UInt8]) {
        let lines = Self.lineCount(input)
        for row in result.rejected where row.line < 1 || (row.file == file && row.line > lines + 1) {
            problems("a rejected row names line \(row.line) of \(row.file)")
        }
        guard !result.structure.posts.isEmpty else { return }
        roundTrips(result.structure, what: "the imported structure")
        commands(result.structure, rules: fuzzer.rules)
    }

    /// The structure written as YAML, CSV and an organogram reads back unchanged.
    func roundTrips(_ structure: Structure, what: String) {
        let yaml = StructureYAMLWriter().write(structure)
        do {
            let back = try StructureFile.parse(Array(yaml.utf8), format: .yaml, file: "written.yaml")
            if let difference = Self.difference(structure, back) { problems("\(what) written as YAML reads back changed: \(difference)") }
        } catch {
            problems("\(what) written as YAML is refused: \(error)")
        }
        var plain = structure
        for index in plain.posts.indices { plain.posts[index].deviations = [] }
        do {
            let csv = try StructureCSVWriter().write(plain)
            do {
                let back = try StructureFile.parse(Array(csv.utf8), format: .csv, file: "written.csv")
                if let difference = Self.difference(plain, back) { problems("\(what) written as CSV reads back changed: \(difference)") }
            } catch {
                problems("\(what) written as CSV is refused: \(error)")
            }
        } catch {
            // A dotted line to an id the CSV cell cannot hold is refused, said and named:
            // nothing is written that would read back changed.
            if error.postsWithUnwritableDottedLines.isEmpty {
                problems("\(what) without deviations cannot be written as CSV: \(error)")
            }
        }
        let organogram = OrganogramWriter().write(plain)
        do {
            let back = try OrganogramImporter().importFiles(
                senior: Array(organogram.senior.utf8), seniorFile: "written-senior.csv", junior: Array(organogram.junior.utf8),
                juniorFile: "written-junior.csv")
            // An organogram has no place for tier, cost or vacancies and gives junior lines
            // its own ids, so what reads back is another structure: it must still be one
            // that YAML holds. (Rows the importer rejects, such as a senior line of several
            // posts or a broken reporting line the structure already had, are reported by
            // the importer with their lines; they are not counted here.)
            let yaml = StructureYAMLWriter().write(back.structure)
            if !back.structure.posts.isEmpty {
                do {
                    _ = try StructureFile.parse(Array(yaml.utf8), format: .yaml, file: "written.yaml")
                } catch {
                    problems("\(what) written as an organogram and imported is written as YAML that is refused: \(error)")
                }
            }
        } catch {
            problems("\(what) written as an organogram is refused: \(error)")
        }
    }

    /// A report of a structure that was read must encode: a figure JSON cannot hold is a bug.
    func json(_ report: some Report) {
        do {
            _ = try report.jsonBytes()
        } catch {
            problems("\(report.reportName) is refused as JSON: \(error)")
        }
    }

    /// Every command's core, to the end of its reports.
    func commands(_ structure: Structure, rules: RuleSet) {
        let validation = Validator(rules: rules, asOf: fuzzer.asOf).validate(structure)
        _ = ValidationReport(entries: [.validated(file: "fuzz", result: validation)]).text()
        json(ValidationReport(entries: [.validated(file: "fuzz", result: validation)]))
        let analysis = AnalysisReport(StructureAnalysis(structure, rules: rules), file: "fuzz")
        _ = analysis.text()
        json(analysis)
        _ = analysis.csvBytes()
        var proposed = structure
        if !proposed.posts.isEmpty { proposed.posts.removeLast() }
        let comparison = ComparisonReport(
            StructureComparison(current: structure, proposed: proposed, currentRules: rules, proposedRules: rules, asOf: fuzzer.asOf))
        _ = comparison.text()
        json(comparison)
        if let result = try? DelayeringPlanner(rules: rules, asOf: fuzzer.asOf).options(for: structure) {
            let report = DelayeringReport(result, file: "fuzz")
            _ = report.text()
            json(report)
            for option in result.options {
                let optionStructure = OptionFiles.structure(
                    for: option.unmeasured, original: structure, rulesReference: nil, referenceBase: nil, folder: "out")
                let yaml = OptionFiles.yaml(for: option.unmeasured, structure: optionStructure, from: "fuzz.yaml")
                do {
                    _ = try StructureFile.parse(Array(yaml.utf8), format: .yaml, file: "option.yaml")
                } catch {
                    problems("delayer option \(option.number) is written as YAML that is refused: \(error)")
                }
            }
        }
    }

    /// The first difference between two structures, ignoring what a format may change
    /// (line numbers, file name, attribute order).
    static func difference(_ a: Structure, _ b: Structure) -> String? {
        func comparable(_ structure: Structure) -> Structure {
            var result = structure
            result.source = nil
            for index in result.posts.indices {
                result.posts[index].line = 0
                for d in result.posts[index].deviations.indices { result.posts[index].deviations[d].line = 0 }
                result.posts[index].attributes.sort { $0.name < $1.name }
            }
            return result
        }
        let (x, y) = (comparable(a), comparable(b))
        if x == y { return nil }
        if x.posts.count != y.posts.count { return "\(x.posts.count) posts became \(y.posts.count)" }
        for (p, q) in zip(x.posts, y.posts) where p != q {
            return "post \(String(reflecting: p.id.rawValue)): \(String(reflecting: p)) became \(String(reflecting: q))"
        }
        return
            "metadata: \(String(reflecting: (x.name, x.organisation, x.description, x.rules))) became \(String(reflecting: (y.name, y.organisation, y.description, y.rules)))"
    }
}
