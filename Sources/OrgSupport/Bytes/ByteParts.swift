import Foundation

/// Parts of an output written one after another (a report's chunks, a file's), as one array.
package enum ByteParts {
    /// `parts` joined in order, reserved whole first.
    package static func joined(_ parts: [any ContiguousBytes & Sendable]) -> [UInt8] {
        var total = 0
        for part in parts { total += part.withUnsafeBytes { $0.count } }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        for part in parts { part.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        return bytes
    }
}
