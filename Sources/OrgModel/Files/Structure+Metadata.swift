extension Structure {
    /// Sets the metadata field `key` names from its text as a file writes it (YAML, CSV
    /// comments, an import mapping's `structure:`); `posts` is not metadata and is left alone.
    /// `field` and `location` name the value in messages.
    mutating func setMetadata(
        _ key: YAMLStructureReader.TopKey, _ text: String, field: String, at location: SourceLocation
    ) throws(LoadError) {
        switch key {
        case .name: name = text
        case .organisation: organisation = text
        case .description: description = text
        case .rules: rules = text
        case .effective: effective = try ValueParsing.day(text, field: field, at: location)
        case .state:
            guard let state = StructureState(rawValue: text) else {
                throw location.error(.stateUnknown(text: text))
            }
            self.state = state
        case .posts: break
        }
    }

    /// Each metadata field's text, nil when not set, in the order files write them.
    var metadataText: [(key: YAMLStructureReader.TopKey, text: String?)] {
        [
            (.name, name), (.organisation, organisation), (.description, description), (.state, state?.rawValue),
            (.effective, effective?.description), (.rules, rules),
        ]
    }
}
