import Foundation
import OrgModel

/// `orgmodel-bench --child generate POSTS SEED PATH`: writes a synthetic structure (CSV or
/// YAML by extension), for profiling a step by hand.
func generateStructure(_ arguments: [String]) throws {
    guard arguments.count == 3, let posts = Int(arguments[0]), let seed = UInt64(arguments[1]) else {
        throw BenchmarkFailure("usage: --child generate POSTS SEED PATH")
    }
    let structure = StructureGenerator(posts: posts, seed: seed).generate()
    let path = arguments[2]
    let text = path.hasSuffix(".csv") ? try StructureCSVWriter().write(structure) : StructureYAMLWriter().write(structure)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    print("wrote \(structure.posts.count) posts to \(path)")
}
