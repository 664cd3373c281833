import Foundation
import OrgModel

/// `orgmodel-bench --child generate POSTS SEED PATH`: writes a synthetic structure (CSV or
/// YAML by extension), for profiling a step by hand.
func generateStructure(_ arguments: [String]) throws {
    guard arguments.count == 3, let posts = Int(arguments[0]), let seed = UInt64(arguments[1]) else {
        throw BenchmarkFailure("usage: --child generate POSTS SEED PATH")
    }
    let structure = StructureGenerator(posts: posts, seed: seed).generate()
    try writeStructure(structure, to: arguments[2])
    print("wrote \(structure.posts.count) posts to \(arguments[2])")
}

/// `orgmodel-bench --child convert FROM TO`: a structure file written again as CSV or YAML
/// (by TO's extension), in a child so that the benchmark itself stays small.
func convertStructure(_ arguments: [String]) throws {
    guard arguments.count == 2 else { throw BenchmarkFailure("usage: --child convert FROM TO") }
    try writeStructure(try StructureFile.load(arguments[0]), to: arguments[1])
}

/// Writes `structure` as CSV or YAML by the extension of `path`, and waits until it is on disk.
func writeStructure(_ structure: Structure, to path: String) throws {
    let text = path.hasSuffix(".csv") ? try StructureCSVWriter().write(structure) : StructureYAMLWriter().write(structure)
    try writeInput(text, to: URL(fileURLWithPath: path))
}
