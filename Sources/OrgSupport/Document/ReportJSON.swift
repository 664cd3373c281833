import Foundation

/// Why a report could not be put into a format: a figure JSON cannot hold (a mean over
/// nothing, an infinite ratio), or a format the report does not come in. The command
/// says so and exits 3 (an output that could not be written); nothing is written.
public struct ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// JSON as every report writes it: keys snake_case, derived by one key strategy from the
/// Swift names a report gives them (property names, or the keys an object lists, which no
/// report spells in snake_case), sorted, pretty-printed, slashes as they are, a final
/// newline. An encoding failure is thrown, never swallowed.
package enum ReportJSON {
    package static func encode<T: Encodable>(_ value: T, what: String) throws(ReportError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw ReportError("\(what) could not be written as JSON: \(reason(error))")
        }
    }

    /// "tiers[2].spans.mean is not a finite number", from the encoder's error.
    static func reason(_ error: any Error) -> String {
        guard case EncodingError.invalidValue(let value, let context) = error else { return "\(error)" }
        let path = context.codingPath.reduce("") { path, key in
            if let index = key.intValue { return path + "[\(index)]" }
            return path.isEmpty ? key.stringValue : path + "." + key.stringValue
        }
        let what = path.isEmpty ? "a value" : path
        if let number = value as? Double, !number.isFinite { return "\(what) is \(number), not a finite number" }
        return "\(what) cannot be written (\(context.debugDescription))"
    }

    /// A JSON key made of an identifier that may hold dashes ("made-permanent" →
    /// "made_permanent"), for keys taken from data rather than property names.
    package static func key(_ name: String) -> String {
        name.replacingOccurrences(of: "-", with: "_")
    }
}

/// An optional value written as `null` when absent, rather than left out, so every
/// object of a list has every key.
// swift-format-ignore: UseSynthesizedInitializer
@propertyWrapper
package struct JSONNull<Value: Encodable>: Encodable {
    package var wrappedValue: Value?

    // The explicit initialiser is what lets `@JSONNull var x: T? = nil` take a plain optional.
    package init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension JSONNull: Equatable where Value: Equatable {}
extension JSONNull: Sendable where Value: Sendable {}
