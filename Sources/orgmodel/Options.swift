import ArgumentParser
import Foundation
import OrgChart
import OrgModel

/// How a report is printed.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

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
/// when either cannot be read, says why on standard error and exits 2.
func loadStructure(_ file: String, rules: String?) throws -> (Structure, RuleSet) {
    let loaded = try loadStructures([file], rules: rules)[0]
    return (loaded.structure, loaded.rules)
}

/// Reads each structure and the rule set it answers to. Every file is tried, and each
/// that cannot be read is named on standard error; then, if any could not, exits 2.
func loadStructures(_ files: [String], rules: String?) throws -> [(structure: Structure, rules: RuleSet)] {
    var loaded: [(structure: Structure, rules: RuleSet)] = []
    for file in files {
        do {
            let structure = try StructureFile.load(file)
            let ruleSet = try RuleSetReader.ruleSet(for: structure, override: rules)
            InputFiles.shared.record(ruleSet.source)
            loaded.append((structure, ruleSet))
        } catch {
            printError("orgmodel: \(error)")
        }
    }
    guard loaded.count == files.count else { throw Exit.unreadableInput }
    return loaded
}

/// Writes every file whole, or none of them, never over one of `inputs`; when that cannot
/// be done, says why on standard error and exits 3.
func writeOutputs(_ files: [(path: String, bytes: [UInt8])], inputs: [String]) throws {
    let started = PhaseTimes.now()
    defer { PhaseTimes.shared.add("files written", since: started) }
    do {
        try OutputFile.write(files, inputs: inputs + InputFiles.shared.all)
    } catch {
        printError("orgmodel: \(error)")
        throw Exit.outputFailed
    }
}

/// Makes sure `path` is a folder to write `what` into, creating it when missing; when it
/// cannot be (a file in the way, no permission), says why and exits 3.
func prepareOutputFolder(_ path: String, for what: String) throws {
    do {
        try ReportOutput.prepareFolder(path, for: what)
    } catch {
        printError("orgmodel: \(error)")
        throw Exit.outputFailed
    }
}

/// Every file this run has read besides those a command names itself (rules files,
/// redaction profiles), so that no output is written over one of them.
final class InputFiles: @unchecked Sendable {
    static let shared = InputFiles()
    private var paths: [String] = []
    private let lock = NSLock()

    func record(_ path: String) {
        lock.lock()
        if !paths.contains(path) { paths.append(path) }
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths
    }
}

extension PrintSettings.Paper: ExpressibleByArgument {}

extension IDMatching: ExpressibleByArgument {}

/// Stops a command (exit 2) when a file holds two posts whose ids `matching` reads as one:
/// which of them another file's post is cannot be told.
func refuseAmbiguousIDs(_ files: [(name: String, structure: Structure)], matching: IDMatching) throws {
    var refused = false
    for (name, structure) in files {
        for group in StructureDiff.ambiguousIDs(in: structure, matching: matching) {
            let ids = group.map(\.rawValue)
            printError("orgmodel: \(name): posts \(ids.dropLast().joined(separator: ", ")) and \(ids.last ?? "") differ only in \(matching == .case ? "case" : "case, blanks or leading zeros"), so --match-ids \(matching.rawValue) cannot tell which is which: give one of them another id, or use --match-ids exact")
            refused = true
        }
    }
    if refused { throw Exit.unreadableInput }
}

extension OrganogramImporter.CostEstimate: ExpressibleByArgument {}

/// Checks shared by the commands that print charts.
enum PrintOptions {
    /// --min-text: the charts set their smallest text at 9 points, so a floor above that
    /// cannot be met, and one below 4 is no floor.
    static func check(minText: Double) throws {
        guard minText.isFinite, minText >= 4, minText <= PrintSettings.smallestType else {
            throw ValidationError("--min-text takes 4 to 9 points (the charts' smallest text is 9 pt, printed no larger than drawn)")
        }
    }
}
