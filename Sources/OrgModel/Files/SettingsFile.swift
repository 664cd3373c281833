import Yams

/// One of the small YAML files of settings read beside the structures (a rules file, an
/// import's mapping file, an export's redaction profile), composed and checked alike: its
/// nodes, for values with their places, and its top-level node.
struct SettingsFile {
    let nodes: YAMLNodes
    let root: Node

    /// The file's text composed; nil when it holds nothing (no document, or null), which
    /// each kind of file answers in its own way.
    init?(_ text: String, file: String) throws(LoadError) {
        let nodes = YAMLNodes(file: file, text: text)
        guard let root = try YAMLStructureReader.compose(text, file: file), !nodes.isNull(root) else { return nil }
        self.nodes = nodes
        self.root = root
    }
}

/// A reader of a settings file that a command names by path (an import's mapping file,
/// an export's redaction profile).
public protocol SettingsFileReader {
    associatedtype Settings

    /// The file as messages name it: "mapping file".
    static var fileKind: String { get }

    /// Parses the file's text; `file` names it in messages.
    static func parse(_ text: String, file: String) throws(LoadError) -> Settings
}

extension SettingsFileReader {
    /// Reads the file at `path`, checked as a structure file is.
    public static func load(_ path: String) throws(LoadError) -> Settings {
        try parse(StructureFile.readCheckedText(path, kind: fileKind), file: path)
    }
}
