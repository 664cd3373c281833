import Foundation

/// What the two helper processes (`PageWorker`, `MeasureWorker`) share: this program
/// started again on a hidden command, the switch that keeps everything in one process, and
/// the little-endian 64-bit counts their messages are framed with.
enum SecondProcess {
    /// `ORGMODEL_ONE_PROCESS` set: no second process is started.
    static var disabled: Bool { ProcessInfo.processInfo.environment["ORGMODEL_ONE_PROCESS"] != nil }

    /// This program, as the operating system started it.
    static var executable: URL {
        let own = URL(fileURLWithPath: "/proc/self/exe")
        if FileManager.default.fileExists(atPath: own.path) { return own.resolvingSymlinksInPath() }
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    /// This program on `arguments`, not yet started. Its own timings are left off: its time
    /// is the phase this process spends waiting on it.
    static func process(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ORGMODEL_TIMINGS"] = nil
        process.environment = environment
        return process
    }

    /// `value` as 8 little-endian bytes.
    static func number(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt64(value).littleEndian) { Array($0) } }

    /// 8 little-endian bytes as a number.
    static func integer(_ bytes: some Collection<UInt8>) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }
}

extension FileHandle {
    /// Exactly `count` bytes, waiting for them; nil when the input ends first (or cannot be
    /// read). Read straight from the descriptor: `read(upToCount:)` looks the file up and
    /// allocates a large buffer each call, which for the planner's thousands of 17-byte
    /// answers cost more than the reading.
    func readExactly(_ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fileDescriptor, buffer.baseAddress! + filled, count - filled)
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            filled += got
        }
        return bytes
    }
}
