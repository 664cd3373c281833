import Foundation
import OrgModelFuzz

// libFuzzer over the structure readers, with the seeded fuzzer's checks (issue 10): a case
// fails when the reader's refusal does not name the file and a line it has, or when what it
// accepts does not survive every command's core and read back unchanged from YAML, CSV and
// the organogram. A failed check aborts, so libFuzzer keeps the input as a crash.
//
// Built with the sanitizer (see the README, "Fuzzing"):
//   swift build -c release --scratch-path .build/libfuzzer --product orgmodel-libfuzzer \
//     -Xswiftc -sanitize=fuzzer -Xswiftc -DLIBFUZZER
//   ORGMODEL_FUZZ_TARGET=structure-csv .build/libfuzzer/release/orgmodel-libfuzzer CORPUS…
// A plain `swift build` makes a replayer instead: `orgmodel-libfuzzer TARGET FILE…` runs
// each saved input through the same checks, without libFuzzer.

/// The reader a case goes to: `structure-yaml` (the default) or `structure-csv`, or any
/// other of the seeded fuzzer's targets that takes one file.
func fuzzTarget(_ name: String?) -> Fuzzer.Target? {
    guard let name, !name.isEmpty else { return .structureYAML }
    guard let target = Fuzzer.Target(rawValue: name), ![.extract, .organogram].contains(target) else { return nil }
    return target
}

/// One fuzzer for the process (it reads the built-in rules once). Seeds matter only to the
/// rules and redaction targets, which apply what they read to a seed structure.
nonisolated(unsafe) var fuzzer = try? Fuzzer(seeds: Fuzzer.Seeds(), slowCase: 10)

/// Runs one input through `target`'s checks; the problems found, none when it passed.
func problems(_ target: Fuzzer.Target, _ input: [UInt8]) -> [String] {
    guard let before = fuzzer?.failures.count else { return ["the built-in rule set cannot be read"] }
    fuzzer?.replay(target, input)
    return fuzzer?.failures[before...].map(\.problem) ?? []
}

#if LIBFUZZER
    /// libFuzzer's driver, from its runtime (`-sanitize=fuzzer` links it).
    @_silgen_name("LLVMFuzzerRunDriver")
    func runDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// The process's entry: SwiftPM links an executable target with `main` defined as
    /// `<target>_main`, so libFuzzer's own `main` is not used; this one starts its driver.
    @_cdecl("orgmodel_libfuzzer_main")
    public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return runDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let name = ProcessInfo.processInfo.environment["ORGMODEL_FUZZ_TARGET"]
        guard let target = fuzzTarget(name) else {
            FileHandle.standardError.write(Data("orgmodel-libfuzzer: no target \(name ?? "")\n".utf8))
            exit(64)
        }
        let found = problems(target, Array(UnsafeBufferPointer(start: data, count: size)))
        guard found.isEmpty else {
            FileHandle.standardError.write(Data("orgmodel-libfuzzer: \(target.rawValue): \(found.joined(separator: "; "))\n".utf8))
            abort()
        }
        return 0
    }
#else
    @main struct Replay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard arguments.count >= 2, let target = fuzzTarget(arguments[0]) else {
                FileHandle.standardError.write(
                    Data("usage: orgmodel-libfuzzer TARGET FILE… (a build without -DLIBFUZZER replays saved inputs)\n".utf8))
                exit(64)
            }
            var failed = 0
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("\(path): cannot be read")
                    failed += 1
                    continue
                }
                let found = problems(target, [UInt8](data))
                print("\(path): " + (found.isEmpty ? "passes" : found.joined(separator: "; ")))
                if !found.isEmpty { failed += 1 }
            }
            exit(failed == 0 ? 0 : 1)
        }
    }
#endif
