import Foundation

/// Writes output files whole or not at all: each file is written to a temporary file in
/// its own directory and renamed into place only once every file of the set is written,
/// so a failed export never leaves a half-written file or one file of a pair.
public enum OutputFile {
    /// Why an output could not be written.
    public struct WriteError: Error, Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): cannot be written: \(message)" }
    }

    /// Writes one file.
    public static func write(_ bytes: [UInt8], to path: String, inputs: [String] = []) throws(WriteError) {
        try write([(path, [bytes])], inputs: inputs)
    }

    /// Writes text as UTF-8.
    public static func write(_ text: String, to path: String, inputs: [String] = []) throws(WriteError) {
        try write([(path, [Array(text.utf8)])], inputs: inputs)
    }

    /// Writes several files as one: if any cannot be written, none is.
    public static func write(_ files: [(path: String, bytes: [UInt8])], inputs: [String] = []) throws(WriteError) {
        try write(files.map { ($0.path, [$0.bytes]) }, inputs: inputs)
    }

    /// Writes several files as one, each from parts written one after another.
    public static func write(_ files: [(path: String, parts: [[UInt8]])], inputs: [String] = []) throws(WriteError) {
        try write(files.map { file in (file.path, file.parts.map { $0 as any ContiguousBytes & Sendable }) }, inputs: inputs)
    }

    /// Writes several files as one, each from parts of any contiguous bytes written one
    /// after another (a large YAML file as the chunks its writer made, never joined).
    ///
    /// - A path that is a symbolic link is written through: the file it points to is
    ///   replaced, the link stays.
    /// - A path that is a device or a pipe (`/dev/stdout`, a FIFO) is written straight
    ///   into, after every ordinary file has been staged; it cannot be taken back.
    /// - No output may be one of `inputs` (the files the command read), and no two outputs
    ///   may be the same file: either would lose what was written or read.
    ///
    /// Each file is synced to disk before it is renamed into place, and its folder after,
    /// so a file said to be written survives a power cut. A folder given to
    /// `allowCreating(folder:)` is created only here, once there is something to put in it,
    /// and removed again if the writing fails.
    public static func write(_ files: [(path: String, parts: [any ContiguousBytes & Sendable])], inputs: [String] = []) throws(WriteError) {
        let destinations = try files.map { file throws(WriteError) in try Destination(file.path) }
        try checkDistinct(destinations, inputs: inputs)
        var staging = Staging(batched: files.count > batchedSync)
        var direct: [(destination: Destination, parts: [any ContiguousBytes & Sendable])] = []
        do throws(WriteError) {
            var ordinary: [(parts: [any ContiguousBytes & Sendable], destination: Destination, path: String)] = []
            for (destination, (path, parts)) in zip(destinations, files) {
                if destination.isSpecial {
                    direct.append((destination, parts))
                } else {
                    ordinary.append((parts, destination, path))
                }
            }
            try staging.stage(ordinary)
            // Many files are synced together, one flush of their file systems, before any is
            // renamed into place: a file at a time, a review's thousands of pages took longer
            // to sync than to draw.
            if staging.batched { try staging.syncFileSystems() }
            for (destination, parts) in direct { try writeDirectly(parts, to: destination) }
            try staging.renameIntoPlace()
        } catch {
            staging.discard()
            throw error
        }
        // The renames (and any folder made) last only once their folders are on disk.
        staging.syncFolders()
    }

    /// Writes straight into a device or pipe (`/dev/stdout`, a FIFO): it cannot be taken back.
    private static func writeDirectly(_ parts: [any ContiguousBytes & Sendable], to destination: Destination) throws(WriteError) {
        let descriptor = open(destination.target, O_WRONLY | O_CLOEXEC)
        var failure = descriptor < 0 ? String(cString: strerror(errno)) : writeAll(parts, to: descriptor)
        if descriptor >= 0, close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw WriteError(path: destination.path, message: failure) }
    }

    /// Above this many files, a write syncs their file systems once instead of each file.
    static let batchedSync = 32

    /// Flushes every file written on the file system holding `folder` to disk; the
    /// system's reason when it cannot.
    static func syncFileSystem(of folder: String) -> String? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        #if os(Linux)
            return linuxSyncfs(descriptor) == 0 ? nil : String(cString: strerror(errno))
        #else
            // No syncfs: `sync` flushes every file system.
            sync()
            return nil
        #endif
    }

    /// How many bytes written make a stretch worth starting to write back on its own.
    static let writeBackFrom = 4 << 20

    /// Asks the disk to start writing what is written of the file so far, not waiting for it
    /// (`sync_file_range` with `SYNC_FILE_RANGE_WRITE`); nothing where there is none.
    static func startWriteBack(_ descriptor: Int32) {
        #if os(Linux)
            // All written so far: pages already on their way are passed over.
            _ = linuxSyncFileRange(descriptor, 0, 0, 2)
        #endif
    }

    /// Flushes a folder's entries (new names, renames) to disk; a file system that cannot
    /// sync a folder has nothing more to do.
    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Creates `path` and any missing parents; the folders made, outermost first.
    static func createFolder(_ path: String, shown: String) throws(WriteError) -> [String] {
        var missing: [String] = []
        var folder = path
        while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder) {
            missing.append(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
        var created: [String] = []
        for folder in missing.reversed() {
            guard mkdir(folder, 0o777) == 0 || errno == EEXIST else {
                let reason = String(cString: strerror(errno))
                for made in created.reversed() { rmdir(made) }
                throw WriteError(path: shown, message: "the folder \(folder) cannot be created (\(reason))")
            }
            created.append(folder)
        }
        return created
    }

    /// Folders that `write` may create when it has a file to put in them: a command
    /// names its output folder early (to refuse a file in the way before any work) but
    /// creates it only with what goes in it, so a run that fails leaves no empty folder.
    public static func allowCreating(folder path: String) {
        FolderPlan.shared.allow(path)
    }

    final class FolderPlan: @unchecked Sendable {
        static let shared = FolderPlan()
        private var folders: Set<String> = []
        private let lock = NSLock()

        func allow(_ path: String) {
            lock.lock()
            folders.insert(Self.standard(path))
            lock.unlock()
        }

        /// Whether `path` is an allowed folder (not merely inside one: a path naming a
        /// folder within it that does not exist is still a mistake).
        func allows(_ path: String) -> Bool {
            let folder = Self.standard(path)
            lock.lock()
            defer { lock.unlock() }
            return folders.contains(folder)
        }

        private static func standard(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.path
        }
    }

    /// Temporary files are named `.NAME.orgmodel-tmp-PID-RANDOM`, so that a later write of
    /// NAME can tell one left by a run that was killed (its process gone) and remove it.
    enum TemporaryName {
        static let marker = ".orgmodel-tmp-"

        static func make(for name: String) -> String {
            ".\(name)\(marker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        }

        /// The process that made a temporary file of `name`, if `entry` is one.
        static func process(of entry: String, for name: String) -> pid_t? {
            let prefix = "." + name + marker
            guard entry.hasPrefix(prefix) else { return nil }
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0,
                UInt32(rest[rest.index(after: dash)...]) != nil
            else { return nil }
            return pid
        }

        /// The names in `directory` that are temporary files (none when it cannot be read).
        static func entries(of directory: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(marker) }
        }

        /// Removes the temporary files of `name` among `entries` of `directory` whose process is gone.
        static func removeStale(for name: String, in directory: String, entries: [String]) {
            for entry in entries {
                guard let pid = process(of: entry, for: name), pid != getpid() else { continue }
                if kill(pid, 0) != 0, errno == ESRCH {
                    unlink((directory as NSString).appendingPathComponent(entry))
                }
            }
        }
    }

    /// Writes every part to `descriptor`; the system's reason when it cannot. With
    /// `writingBack`, the disk is asked to start writing what is written each 4 MB or so, so
    /// that syncing the file at the end waits only for its last part.
    public static func writeAll(_ parts: [any ContiguousBytes & Sendable], to descriptor: Int32, writingBack: Bool = false) -> String? {
        var failure: String?
        var sinceWriteBack = 0
        for part in parts where failure == nil {
            part.withUnsafeBytes { raw in
                sinceWriteBack += raw.count
                var offset = 0
                while offset < raw.count, let base = raw.baseAddress {
                    let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = String(cString: strerror(errno))
                        return
                    }
                    offset += written
                }
            }
            if writingBack, failure == nil, sinceWriteBack >= writeBackFrom {
                startWriteBack(descriptor)
                sinceWriteBack = 0
            }
        }
        return failure
    }

    /// Where an output path really leads.
    struct Destination {
        /// The path as the user gave it, for messages.
        let path: String
        /// The file to write: the path, or what its symbolic links lead to.
        let target: String
        /// A device, pipe or socket: written straight into.
        let isSpecial: Bool
        /// The existing file's identity (device, inode), to compare with inputs.
        let identity: FileIdentity?
        /// The existing file's permission bits, for the file that replaces it.
        let mode: mode_t?

        init(_ path: String) throws(WriteError) {
            self.path = path
            var target = path
            for _ in 0..<40 {
                var status = stat()
                guard lstat(target, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { break }
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let length = readlink(target, &buffer, buffer.count - 1)
                guard length > 0 else { break }
                let link = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                target =
                    link.hasPrefix("/") ? link : ((target as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
            }
            self.target = target
            var status = stat()
            if stat(target, &status) == 0 {
                let kind = status.st_mode & S_IFMT
                isSpecial = kind == S_IFCHR || kind == S_IFIFO || kind == S_IFSOCK || kind == S_IFBLK
                identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
                mode = kind == S_IFREG ? status.st_mode & 0o7777 : nil
            } else {
                isSpecial = false
                identity = nil
                mode = nil
            }
        }
    }

    struct FileIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

    }

    /// Refuses an output that is one of the inputs, or two outputs that are one file.
    private static func checkDistinct(_ destinations: [Destination], inputs: [String]) throws(WriteError) {
        var inputByIdentity: [FileIdentity: String] = [:]
        for input in inputs {
            if let identity = FileIdentity(path: input), inputByIdentity[identity] == nil { inputByIdentity[identity] = input }
        }
        var seenIdentity: [FileIdentity: String] = [:]
        var seenPath: [String: String] = [:]
        for destination in destinations where !destination.isSpecial {
            if let identity = destination.identity {
                if let input = inputByIdentity[identity] {
                    throw WriteError(
                        path: destination.path,
                        message: "it is the input \(input): writing it would replace what was read; give another output path")
                }
                if let other = seenIdentity[identity] {
                    throw WriteError(
                        path: destination.path, message: "it is the same file as the output \(other); give each output its own path")
                }
                seenIdentity[identity] = destination.path
            }
            let canonical = URL(fileURLWithPath: destination.target).standardizedFileURL.path
            if let other = seenPath[canonical] {
                throw WriteError(
                    path: destination.path, message: "it is the same file as the output \(other); give each output its own path")
            }
            seenPath[canonical] = destination.path
        }
    }
}

extension OutputFile.FileIdentity {
    /// The identity of the file at `path` (links followed); nil when there is none.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}

#if os(Linux)
    /// glibc's `syncfs(2)`, which its Swift module does not export (it is a GNU extension).
    @_silgen_name("syncfs") private func linuxSyncfs(_ descriptor: Int32) -> Int32

    /// glibc's `sync_file_range(2)`, which its Swift module does not export either.
    @_silgen_name("sync_file_range")
    private func linuxSyncFileRange(_ descriptor: Int32, _ offset: Int64, _ count: Int64, _ flags: UInt32) -> Int32
#endif
