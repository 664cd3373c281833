import OrgSupport

/// One named argument of a diagnostic: `posts = 3`, `grades = ["G7", "G6"]`.
public struct DiagnosticArgument: Sendable, Hashable {
    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    /// An argument's value: text, a whole number, a decimal or a list of texts.
    public enum Value: Sendable, Hashable, Encodable {
        case string(String)
        case integer(Int)
        case decimal(Double)
        case strings([String])

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .decimal(let value): try container.encode(value)
            case .strings(let value): try container.encode(value)
            }
        }
    }

    /// The associated values of an enum case, by label (`value` when unlabelled; `value1`,
    /// `value2` for an unlabelled tuple); an absent optional is left out.
    package static func reflecting(_ message: Any) -> [DiagnosticArgument] {
        guard let payload = Mirror(reflecting: message).children.first?.value else { return [] }
        let mirror = Mirror(reflecting: payload)
        guard mirror.displayStyle == .tuple else { return argument("value", payload).map { [$0] } ?? [] }
        return mirror.children.enumerated().flatMap { offset, child in
            let label = child.label.map { $0.hasPrefix(".") ? "value\(offset + 1)" : $0 } ?? "value\(offset + 1)"
            return arguments(label, child.value)
        }
    }

    /// One argument, or several for a value that gives its facts by name, or none for an
    /// absent optional.
    private static func arguments(_ name: String, _ value: Any) -> [DiagnosticArgument] {
        if let fields = value as? any DiagnosticArgumentFields { return fields.arguments(named: name) }
        return argument(name, value).map { [$0] } ?? []
    }

    private static func argument(_ name: String, _ value: Any) -> DiagnosticArgument? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return argument(name, wrapped)
        }
        switch value {
        case let number as Int: return DiagnosticArgument(name, .integer(number))
        case let number as Double: return DiagnosticArgument(name, .decimal(number))
        default: break
        }
        if mirror.displayStyle == .collection || mirror.displayStyle == .set {
            return DiagnosticArgument(name, .strings(mirror.children.map { text($0.value) }))
        }
        return DiagnosticArgument(name, .string(text(value)))
    }

    /// A value as argument text: its own argument text, a raw value, a case name.
    package static func text(_ value: Any) -> String {
        switch value {
        case let text as String: return text
        case let convertible as any DiagnosticArgumentText: return convertible.argumentText
        case let raw as any RawRepresentable: return "\(raw.rawValue)"
        case let flag as Bool: return flag ? "true" : "false"
        default: break
        }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .enum, mirror.children.isEmpty { return DiagnosticCode.kebab(String(describing: value)) }
        if let describable = value as? any CustomStringConvertible { return describable.description }
        return String(describing: value)
    }
}

/// A value that says itself as a diagnostic argument (a place as `file:line`).
package protocol DiagnosticArgumentText {
    var argumentText: String { get }
}

/// A value that gives its facts as arguments of their own, named after the argument
/// (a post as `post` and `post_title`, a cost as `cost` and `cost_unknown_posts`).
package protocol DiagnosticArgumentFields {
    func arguments(named name: String) -> [DiagnosticArgument]
}

extension SourceLocation: DiagnosticArgumentText {
    package var argumentText: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// A diagnostic as JSON: the code, the arguments (an object keyed by name) and the
/// English as `message`.
package struct DiagnosticJSON: Encodable, Sendable {
    package var code: String
    package var arguments: Arguments
    package var message: String

    package init(_ message: some DiagnosticMessage) {
        self.init(code: message.code, arguments: message.arguments, message: message.english)
    }

    package init(code: String, arguments: [DiagnosticArgument], message: String) {
        self.code = code
        self.arguments = Arguments(list: arguments)
        self.message = message
    }

    package struct Arguments: Encodable, Sendable {
        package var list: [DiagnosticArgument]

        package init(list: [DiagnosticArgument]) { self.list = list }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for argument in list { try container.encode(argument.value, forKey: Key(stringValue: argument.name)) }
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
