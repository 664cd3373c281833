import Foundation

/// JSON as the newer reports write it: keys snake_case from the Swift property names (so
/// no hand-written `CodingKeys`), sorted, pretty-printed, slashes as they are, a final
/// newline; an encoding failure (a figure that is not finite) is thrown, not swallowed.
enum SnakeCaseJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
