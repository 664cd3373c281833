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

    /// Writes `bytes` to a new file at `url` (replacing any), straight from the array.
    static func write(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let done = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if done < 0 && errno == EINTR { continue }
            guard done > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
            written += done
        }
    }

    /// The whole of the file at `url`, read straight into an array; nil when it cannot be read.
    static func read(_ url: URL) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? handle.close() }
        var status = stat()
        guard fstat(handle.fileDescriptor, &status) == 0 else { return nil }
        return handle.readExactly(Int(status.st_size))
    }

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
