import Foundation
import OrgSupport

/// The formats a structure file may be written in, chosen by its extension.
public enum StructureFormat: String, Sendable, CaseIterable {
    case yaml, csv

    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "csv": self = .csv
        default: return nil
        }
    }
}

/// Reading structure files from disk, whichever format they are in.
public enum StructureFile {
    /// Reads the structure at `path` (YAML or CSV, by extension).
    public static func load(_ path: String) throws(LoadError) -> Structure {
        guard let format = StructureFormat(path: path) else {
            throw LoadError(file: path, .formatUnknown)
        }
        let bytes = try readText(path)
        return try parse(bytes, format: format, file: path)
    }

    /// Parses a structure from the bytes of a file named `file`.
    public static func parse(_ bytes: [UInt8], format: StructureFormat, file: String) throws(LoadError) -> Structure {
        try checkText(bytes, file: file)
        switch format {
        case .csv:
            return try CSVStructureReader(file: file).read(bytes)
        case .yaml:
            let text = String(decoding: bytes, as: UTF8.self)
            return try YAMLStructureReader(file: file).read(text)
        }
    }

    /// The bytes of a text file, or a clear error when it is missing, unreadable or empty.
    /// `kind` names what the file should be, in messages ("structure file", "rules file").
    public static func readText(_ path: String, kind: String = "structure file") throws(LoadError) -> [UInt8] {
        try readBytes(path, kind: kind, advice: true)
    }

    /// The bytes of the file at `path`, read straight into one array (a large file is not
    /// copied through `Data`), or the reason it cannot be read. `kind` names what the file
    /// should be, and `advice` adds to a missing file's message how to name one.
    static func readBytes(_ path: String, kind: String, advice: Bool) throws(LoadError) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw errno == ENOENT
                ? LoadError(file: path, .noSuchFile(path: path, advice: advice))
                : LoadError(file: path, .unreadable(reason: String(cString: strerror(errno))))
        }
        guard (status.st_mode & S_IFMT) != S_IFDIR else { throw LoadError(file: path, .isDirectory(kind: kind)) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw LoadError(file: path, .unreadable(reason: nil))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        let expected = Int(status.st_size)
        var failure: Int32 = 0
        bytes = [UInt8](unsafeUninitializedCapacity: max(expected, 1)) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            // A large file is read in halves side by side: copying it from the system's cache
            // and the first touch of each page of the array take a core's time.
            let halves = expected >= parallelReadBytes ? 2 : 1
            let size = (expected + halves - 1) / halves
            let target = SharedPointer(base)
            let read = ParallelWork.map(halves) { half -> (got: Int, failure: Int32) in
                let start = half * size
                let length = max(0, min(expected, start + size) - start)
                var got = 0
                while got < length {
                    let step = pread(descriptor, target.pointer + start + got, length - got, off_t(start + got))
                    if step < 0, errno == EINTR { continue }
                    if step < 0 { return (got, errno) }
                    if step == 0 { break }
                    got += step
                }
                return (got, 0)
            }
            // The bytes read without a gap (a file that shrank while being read ends early).
            count = 0
            for (half, part) in read.enumerated() {
                if part.failure != 0 { failure = part.failure }
                count = half * size + part.got
                if part.failure != 0 || part.got < max(0, min(expected, (half + 1) * size) - half * size) { break }
            }
        }
        guard failure == 0 else {
            throw LoadError(file: path, .unreadable(reason: String(cString: strerror(failure))))
        }
        // A file that grew while being read (or reports no size, like a pipe): the rest.
        if expected > 0 { lseek(descriptor, off_t(bytes.count), SEEK_SET) }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            bytes += chunk[0..<got]
        }
        return bytes
    }

    /// The text of a settings file (rules, mapping, redaction profile), read and checked as a
    /// structure file is: `kind` names it in messages.
    static func readCheckedText(_ path: String, kind: String) throws(LoadError) -> String {
        let bytes = try readText(path, kind: kind)
        try checkText(bytes, file: path, kind: kind)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Rejects empty, binary and non-UTF-8 input before any parser sees it.
    static func checkText(_ bytes: [UInt8], file: String, kind: String = "structure file") throws(LoadError) {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw LoadError(file: file, .fileEmpty(kind: kind))
        }
        let halves = textHalves(bytes)
        let scanned = ParallelWork.map(halves.count) { scan(bytes, halves[$0]) }
        let nulOffset = scanned.lazy.compactMap(\.nul).first
        let allASCII = scanned.allSatisfy(\.allASCII)
        if nulOffset != nil {
            // A binary file has no lines worth naming.
            throw LoadError(file: file, .binaryFile(kind: kind))
        }
        if !allASCII, String(validating: body, as: UTF8.self) == nil {
            let line = firstInvalidUTF8Line(bytes)
            throw LoadError(file: file, line: line, .invalidUTF8(advice: .saveAsUTF8))
        }
        // Refused characters, each half looked through on a core of its own; the halves meet
        // at a line break, which no refused character's bytes hold.
        let refused = bytes.withUnsafeBufferPointer { buffer in
            ParallelWork.map(halves.count) { half -> (offset: Int, scalar: Unicode.Scalar)? in
                let range = halves[half]
                return RefusedCharacters.first(inUTF8: UnsafeBufferPointer(rebasing: buffer[range]), leadingMark: half == 0)
                    .map { (range.lowerBound + $0.offset, $0.scalar) }
            }
        }
        if let (offset, scalar) = refused.lazy.compactMap({ $0 }).first {
            throw bytes.withUnsafeBufferPointer { RefusedCharacters.error(scalar, at: offset, in: $0, file: file, what: "the text") }
        }
    }

    /// Files at least this large are read and checked in halves, side by side.
    static let parallelReadBytes = 8 << 20

    /// The stretches a text is checked in: two halves meeting just after a line break for a
    /// large text, else the whole.
    static func textHalves(_ bytes: [UInt8]) -> [Range<Int>] {
        guard bytes.count >= parallelReadBytes, let middle = bytes[(bytes.count / 2)...].firstIndex(of: 0x0A) else {
            return [0..<bytes.count]
        }
        return [0..<(middle + 1), (middle + 1)..<bytes.count]
    }

    /// The first NUL byte of `range` and whether every byte there is ASCII, in one pass a
    /// word at a time: a million-post file is checked in milliseconds.
    private static func scan(_ bytes: [UInt8], _ range: Range<Int>) -> (nul: Int?, allASCII: Bool) {
        bytes.withUnsafeBytes { whole -> (Int?, Bool) in
            let raw = UnsafeRawBufferPointer(rebasing: whole[range])
            let nul = raw.baseAddress.flatMap { base in
                memchr(base, 0, raw.count).map { range.lowerBound + ($0 - UnsafeMutableRawPointer(mutating: base)) }
            }
            var high: UInt64 = 0
            let words = raw.count / 8
            for index in 0..<words { high |= raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) }
            for index in (words * 8)..<raw.count { high |= UInt64(raw[index]) }
            return (nul, high & 0x8080_8080_8080_8080 == 0)
        }
    }

    static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var line = 1
        for piece in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: piece, as: UTF8.self) == nil { return line }
            line += 1
        }
        return nil
    }
}
