import ArgumentParser
import Foundation
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
    do {
        let structure = try StructureFile.load(file)
        return (structure, try RuleSetReader.ruleSet(for: structure, override: rules))
    } catch {
        printError("orgmodel: \(error)")
        throw Exit.unreadableInput
    }
}
