import ArgumentParser
import Foundation
import OrgAnalysis
import OrgChart
import OrgModel
import OrgSupport

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso8601: argument) }
}

extension Day {
    /// Today in the machine's time zone.
    static var today: Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? Day(year: 2000, month: 1, day: 1)!
    }
}

/// Reads a structure and the rule set it answers to (`--rules` overriding the file's);
/// a `LoadError` (exit 2) when either cannot be read.
func loadStructure(_ file: String, rules: String?) throws -> (structure: Structure, rules: RuleSet) {
    try loadStructures([file], rules: rules)[0]
}

/// A structure read, with the rule set it answers to.
typealias LoadedStructure = (structure: Structure, rules: RuleSet)

/// Reads each structure and the rule set it answers to. Every file is tried, and each
/// that cannot be read is named: `Failures` of them all (exit 2).
func loadStructures(_ files: [String], rules: String?) throws(Failures) -> [LoadedStructure] {
    let read = readStructures(files, rules: rules)
    let failures: [any OrgModelFailure] = read.compactMap { if case .failure(let error) = $0.loaded { error } else { nil } }
    guard failures.isEmpty else { throw Failures(all: failures) }
    return read.compactMap { try? $0.loaded.get() }
}

/// Each structure with the rule set it answers to, or why it cannot be read, in the order
/// given: for the commands that report on every file they can read and name the rest.
func readStructures(_ files: [String], rules: String?) -> [(file: String, loaded: Result<LoadedStructure, LoadError>)] {
    // Each file is read on a core of its own: a review or compare reads two or more.
    ParallelWork.map(files.count) { slot in
        let loaded = Result { () throws(LoadError) in
            let structure = try StructureFile.load(files[slot])
            return (structure: structure, rules: try RuleSetReader.ruleSet(for: structure, override: rules))
        }
        return (files[slot], loaded)
    }
}

/// The rules files the structures were read with (built-in rule sets by name): inputs
/// too, which no output may be written over.
func ruleFiles(_ loaded: [LoadedStructure]) -> [String] {
    loaded.map(\.rules.source)
}

extension PrintSettings.Paper: ExpressibleByArgument {}

extension IDMatching: ExpressibleByArgument {}

/// Stops a command (exit 2) when a file holds two posts whose ids `matching` reads as one:
/// which of them another file's post is cannot be told.
func refuseAmbiguousIDs(_ files: [(name: String, structure: Structure)], matching: IDMatching) throws(Failures) {
    var failures: [any OrgModelFailure] = []
    let differ = matching == .case ? "case" : "case, blanks or leading zeros"
    for (name, structure) in files {
        for group in StructureDiff.ambiguousIDs(in: structure, matching: matching) {
            let ids = group.map(\.rawValue)
            failures.append(
                CommandFailure.unreadableInput(
                    "\(name): posts \(ids.dropLast().joined(separator: ", ")) and \(ids.last ?? "") differ only in \(differ), "
                        + "so --match-ids \(matching.rawValue) cannot tell which is which: "
                        + "give one of them another id, or use --match-ids exact"))
        }
    }
    guard failures.isEmpty else { throw Failures(all: failures) }
}

extension OrganogramImporter.CostEstimate: ExpressibleByArgument {}
