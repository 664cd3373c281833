import Foundation

extension OutputFile {
    /// The ordinary files of one write, each staged as a temporary file beside its target
    /// until all are written; then renamed into place, or on a failure taken back.
    struct Staging {
        /// Whether the files are synced together, one flush of their file systems, not each.
        let batched: Bool
        var staged: [(temporary: String, path: String, shown: String)] = []
        /// The folders made for the files, outermost first.
        var createdFolders: [String] = []
        /// Each folder's temporary files, listed once a write, not once a file: a review writes thousands.
        var listedFolders: [String: [String]] = [:]

        /// Writes each file's `parts` to a new temporary file beside its destination's target
        /// (`path` is the path as the user gave it). The folders are made ready and the
        /// temporary names chosen in order; then many files are written on two threads, as
        /// much of writing a review's thousands of files is the system copying their bytes.
        mutating func stage(
            _ files: [(parts: [any ContiguousBytes & Sendable], destination: Destination, path: String)]
        ) throws(WriteError) {
            var temporaries: [String] = []
            for file in files {
                let url = URL(fileURLWithPath: file.destination.target)
                let directory = url.deletingLastPathComponent().path
                try prepareFolder(directory, for: file.destination, shown: file.path)
                if listedFolders[directory] == nil { listedFolders[directory] = TemporaryName.entries(of: directory) }
                TemporaryName.removeStale(for: url.lastPathComponent, in: directory, entries: listedFolders[directory] ?? [])
                temporaries.append((directory as NSString).appendingPathComponent(TemporaryName.make(for: url.lastPathComponent)))
            }
            let batched = self.batched
            let put = { (index: Int) -> (created: Bool, failure: String?) in
                Self.put(files[index].parts, in: temporaries[index], mode: files[index].destination.mode, syncing: !batched)
            }
            // Files of many parts (large files made as they are written) are written side by
            // side however few, so that each is written as its parts are made.
            let large = files.count > 1 && files.allSatisfy { $0.parts.count >= Self.largeFileParts }
            let outcomes =
                files.count >= Self.parallelFiles || large
                ? ParallelWork.array(count: files.count, parts: large ? files.count : 2) { put($0) } : files.indices.map { put($0) }
            // Every file made is staged, so that a failure takes them all back.
            for (index, outcome) in outcomes.enumerated() where outcome.created {
                staged.append((temporaries[index], files[index].destination.target, files[index].path))
            }
            for (index, outcome) in outcomes.enumerated() {
                guard let failure = outcome.failure else { continue }
                throw WriteError(
                    path: files[index].path,
                    message: outcome.created
                        ? failure
                        : "the directory \((temporaries[index] as NSString).deletingLastPathComponent) is not writable (\(failure))")
            }
        }

        /// From this many files on, they are written on two threads.
        static let parallelFiles = 64

        /// Files of this many parts or more are large ones, made as they are written.
        static let largeFileParts = 16

        /// Writes `parts` to the new file `temporary` (with `mode` when given, synced when
        /// `syncing`): whether it was made, and the system's reason when it failed.
        static func put(
            _ parts: [any ContiguousBytes & Sendable], in temporary: String, mode: mode_t?, syncing: Bool
        ) -> (created: Bool, failure: String?) {
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return (false, String(cString: strerror(errno))) }
            // A file written over keeps its permissions (an HR extract kept private stays so).
            if let mode { _ = fchmod(descriptor, mode) }
            // A file synced alone has its large parts sent to disk as they are written.
            var failure = writeAll(parts, to: descriptor, writingBack: syncing)
            if failure == nil, syncing, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
            if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
            return (true, failure)
        }

        /// Creates the target's folder when it is missing and allowed; refuses a folder that
        /// is still missing, or a target that is a directory.
        private mutating func prepareFolder(_ directory: String, for destination: Destination, shown path: String) throws(WriteError) {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: directory), FolderPlan.shared.allows(directory) {
                createdFolders += try createFolder(directory, shown: path)
            }
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw WriteError(path: path, message: "the directory \(directory) does not exist")
            }
            if FileManager.default.fileExists(atPath: destination.target, isDirectory: &isDirectory), isDirectory.boolValue {
                throw WriteError(path: path, message: "it is a directory")
            }
        }

        /// Flushes the file systems holding the staged files, each once.
        func syncFileSystems() throws(WriteError) {
            var synced: [String] = []
            for file in staged {
                let folder = (file.path as NSString).deletingLastPathComponent
                guard !synced.contains(folder) else { continue }
                synced.append(folder)
                if let failure = syncFileSystem(of: folder.isEmpty ? "." : folder) { throw WriteError(path: file.shown, message: failure) }
            }
        }

        /// Renames every staged file into place, in order.
        func renameIntoPlace() throws(WriteError) {
            for (index, file) in staged.enumerated() where rename(file.temporary, file.path) != 0 {
                // Files renamed already stay: only a rename racing another process fails here.
                let written = index > 0 ? " (\(index) of the \(staged.count) files were written)" : ""
                throw WriteError(path: file.shown, message: String(cString: strerror(errno)) + written)
            }
        }

        /// Removes the temporary files, and the folders made for them; deepest first, and a
        /// folder something else has put a file into stays.
        func discard() {
            for file in staged { unlink(file.temporary) }
            for folder in createdFolders.reversed() { rmdir(folder) }
        }

        /// Syncs the folders the files were renamed into, and those the made folders are in.
        func syncFolders() {
            var folders: [String] = []
            for file in staged {
                let folder = (file.path as NSString).deletingLastPathComponent
                if !folders.contains(folder) { folders.append(folder) }
            }
            for folder in createdFolders {
                let parent = (folder as NSString).deletingLastPathComponent
                if !folders.contains(parent) { folders.append(parent) }
            }
            for folder in folders { syncFolder(folder.isEmpty ? "." : folder) }
        }
    }
}
