import OrgSupport

/// One thing the tool says about its input or its work: a stable code, a severity, a place
/// and typed arguments, with the English made in one place per domain (its message enum's
/// `english`), not where the thing happens. A caller can count, filter or translate
/// diagnostics by code without parsing sentences; JSON gives the code and the arguments
/// beside the English.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// A decision made on the user's behalf, or something worth knowing.
        case note
        /// Something that may be wrong but did not stop the work.
        case warning
        /// Something that stopped a file, a row or a step.
        case error
    }

    public var severity: Severity
    /// The file (and line) the diagnostic is about; nil for the work as a whole.
    public var location: SourceLocation?
    /// What was said, as its domain's typed message.
    public let message: any DiagnosticMessage

    public init(_ message: some DiagnosticMessage, severity: Severity, location: SourceLocation? = nil) {
        self.message = message
        self.severity = severity
        self.location = location
    }

    /// A stable, namespaced identifier: `load.no-such-file`, `import.job-shares`,
    /// `row.unknown-manager`, `compare.matched-by-title`, `delayer.remove-post`.
    public var code: String { message.code }
    /// The message's arguments by name, in order.
    public var arguments: [DiagnosticArgument] { message.arguments }
    /// The sentence printed for it.
    public var text: String { message.english }

    /// The message as its domain's type, when it is one.
    public func message<Message: DiagnosticMessage>(as _: Message.Type) -> Message? { message as? Message }

    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.severity == rhs.severity && lhs.location == rhs.location && lhs.code == rhs.code && lhs.arguments == rhs.arguments
            && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(location)
        hasher.combine(code)
        hasher.combine(arguments)
    }
}

/// A domain's typed message: each domain words all of its messages in one `english`
/// switch. `code` and `arguments` default to the enum case's name (kebab-case, after the
/// domain's `codeNamespace`) and its associated values by label, so a new case has a code
/// and arguments the moment it is added.
public protocol DiagnosticMessage: Sendable {
    /// `load`, `import`, `row`, `compare`, `delayer`.
    static var codeNamespace: String { get }
    /// `namespace.case-name`.
    var code: String { get }
    /// The associated values by name, in order.
    var arguments: [DiagnosticArgument] { get }
    /// The one English wording of the message.
    var english: String { get }
}

extension DiagnosticMessage {
    public var code: String { Self.codeNamespace + "." + DiagnosticCode.caseName(self) }
    public var arguments: [DiagnosticArgument] { DiagnosticArgument.reflecting(self) }
}

/// How codes are made from case names.
package enum DiagnosticCode {
    /// `unknownManager` as `unknown-manager`.
    package static func caseName(_ value: Any) -> String {
        let name = Mirror(reflecting: value).children.first?.label ?? String(describing: value)
        return kebab(name)
    }

    /// `unknownManager` as `unknown-manager`, `readAsWindows1252` as `read-as-windows1252`;
    /// an initialism is one word: `notYAMLText` as `not-yaml-text`, `repeatedIDs` as
    /// `repeated-ids`, `jobShareFTE` as `job-share-fte`.
    package static func kebab(_ name: String) -> String {
        let characters = Array(name)
        var code = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let afterNext = index + 2 < characters.count ? characters[index + 2] : nil
                let startsWord = !previous.isUppercase || (next?.isLowercase == true && afterNext?.isLowercase == true)
                if startsWord { code.append("-") }
            }
            code.append(contentsOf: character.lowercased())
        }
        return code
    }
}
