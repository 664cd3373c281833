/// An extra named value carried with a post, such as an HR extract's column that no
/// field takes: kept so that nothing a user's data held is lost on the way through.
public struct Attribute: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
