/// The span of control a tier's managers should have: a headcount of direct reports.
public struct SpanRule: Hashable, Sendable, CustomStringConvertible {
    public var min: Int
    public var max: Int

    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    public func contains(_ span: Int) -> Bool { span >= min && span <= max }

    /// "4–8", as the papers write it.
    public var description: String { "\(min)–\(max)" }
}
