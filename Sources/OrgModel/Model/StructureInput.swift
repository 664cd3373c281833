/// A structure as a command was given it: the file as the user named it, the structure
/// read from it, and the rule set it is judged by. What `trend` and `review` take.
public struct StructureInput: Sendable {
    public var file: String
    public var structure: Structure
    public var rules: RuleSet

    public init(file: String, structure: Structure, rules: RuleSet) {
        self.file = file
        self.structure = structure
        self.rules = rules
    }
}
