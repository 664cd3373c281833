import Foundation
import OrgSupport

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
        var failure = descriptor < 0 ? String(cString: strerror(errno)) : OutputFile.writeAll([bytes], to: descriptor)
        if descriptor >= 0, close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: failure])
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

    /// Appends `value` to `out` as a frame: its length (`number`), then its bytes.
    static func appendFrame(_ value: some Collection<UInt8>, to out: inout [UInt8]) {
        out += number(value.count)
        out.append(contentsOf: value)
    }

    /// Reads what `appendFrame` and `number` wrote, in order, each read checked against
    /// the bytes left.
    struct Frames {
        let bytes: [UInt8]
        private(set) var at = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// Whether every byte was read.
        var atEnd: Bool { at == bytes.count }

        /// The next number; nil when fewer than 8 bytes are left, or it is larger than the
        /// bytes themselves (no count or length can be).
        mutating func number() -> Int? {
            guard at + 8 <= bytes.count else { return nil }
            let value = SecondProcess.integer(bytes[at..<(at + 8)])
            at += 8
            return value <= UInt64(bytes.count) ? Int(value) : nil
        }

        /// The next frame's bytes; nil when they are not all there.
        mutating func frame() -> ArraySlice<UInt8>? {
            guard let count = number(), at + count <= bytes.count else { return nil }
            defer { at += count }
            return bytes[at..<(at + count)]
        }
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
