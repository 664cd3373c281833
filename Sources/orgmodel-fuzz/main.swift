import Foundation
import OrgModelFuzz

/// The long fuzz run: `swift run -c release orgmodel-fuzz --seconds 1200 --seed 1`.
/// Prints runs per reader and outcome, and every failing case (saved under --out).
var seconds = 60.0
var seed: UInt64 = 1
var structures = "Structures"
var out = "fuzz-failures"
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--seconds": seconds = Double(arguments.next() ?? "") ?? seconds
    case "--seed": seed = UInt64(arguments.next() ?? "") ?? seed
    case "--structures": structures = arguments.next() ?? structures
    case "--out": out = arguments.next() ?? out
    default:
        FileHandle.standardError.write(Data("usage: orgmodel-fuzz [--seconds N] [--seed N] [--structures DIR] [--out DIR]\n".utf8))
        exit(64)
    }
}
try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
var fuzzer = try Fuzzer(seeds: try .bundled(structuresFolder: structures), lastCasePath: out + "/last-case")
let start = Date()
fuzzer.run(seed: seed, seconds: seconds) { done, failures in
    print("\(done) cases, \(Int(Date().timeIntervalSince(start))) s, \(failures) failures")
    fflush(nil)
}
print(fuzzer.summary)
for (number, failure) in fuzzer.failures.enumerated() {
    let path = "\(out)/failure-\(number).\(failure.target.rawValue)"
    try Data(failure.input).write(to: URL(fileURLWithPath: path))
    print("FAILED \(path): \(String(failure.problem.prefix(600)))")
}
exit(fuzzer.failures.isEmpty ? 0 : 1)
