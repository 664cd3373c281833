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
