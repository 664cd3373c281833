import ArgumentParser
import Foundation
import GraphvizRender
import OrgChart

/// A second `orgmodel` process that lays out a pair's side-by-side trial pages while this
/// one lays out its change pages (`MeasureAhead`). Graphviz lays out one page at a time in
/// a process; the planner's trials are most of a large review's time. Requests and answers
/// go through pipes: a page's DOT text (its length, then its bytes) one way, and its size
/// (or Graphviz's words) back.
final class MeasureWorker: MeasureAhead {
    private let process: Process
    private let requests: FileHandle
    private let answers: FileHandle

    /// Posts in a pair below which planning stays in one process: starting a second one
    /// costs more than it saves.
    static let smallestPair = 2_000

    /// A worker for a pair of `posts` posts, or nil when planning should stay in one process
    /// (a small pair, or `ORGMODEL_ONE_PROCESS` set). Exit 3 when it cannot be started.
    static func start(posts: Int) throws -> MeasureWorker? {
        guard posts >= smallestPair, !SecondProcess.disabled else { return nil }
        // A worker that dies must not take this process with it when it is written to.
        signal(SIGPIPE, SIG_IGN)
        let process = SecondProcess.process([MeasurePagesCommand.name])
        let requests = Pipe()
        let answers = Pipe()
        process.standardInput = requests
        process.standardOutput = answers
        do {
            try process.run()
        } catch {
            throw CommandFailure.outputFailed("could not start a second orgmodel process to lay out pages: \(error.localizedDescription)")
        }
        return MeasureWorker(process: process, requests: requests.fileHandleForWriting, answers: answers.fileHandleForReading)
    }

    private init(process: Process, requests: FileHandle, answers: FileHandle) {
        self.process = process
        self.requests = requests
        self.answers = answers
    }

    func start(_ dot: String) throws {
        // The length, then the text, in one array made once.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + dot.utf8.count)
        SecondProcess.appendFrame(dot.utf8, to: &bytes)
        do {
            try requests.write(contentsOf: bytes)
        } catch {
            throw failed("it stopped reading")
        }
    }

    var hasAnswer: Bool {
        var request = pollfd(fd: answers.fileDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) != 0
    }

    func result() throws -> (width: Double, height: Double) {
        let started = PhaseTimes.now()
        defer { PhaseTimes.shared.add("plan: waiting for the second process", since: started) }
        guard let status = try read(1).first else { throw failed("it sent nothing") }
        if status == 0 {
            let size = try read(16)
            return (Self.double(size[0..<8]), Self.double(size[8..<16]))
        }
        let message = String(decoding: try read(Int(SecondProcess.integer(try read(8)))), as: UTF8.self)
        throw CommandFailure.outputFailed(message)
    }

    /// Ends the worker: it reads the end of its requests and exits.
    func finish() {
        try? requests.close()
        process.waitUntilExit()
    }

    private func read(_ count: Int) throws -> [UInt8] {
        guard let bytes = answers.readExactly(count) else { throw failed("it stopped") }
        return bytes
    }

    private func failed(_ what: String) -> CommandFailure {
        .outputFailed("the second orgmodel process laying out pages failed (\(what)); nothing was written")
    }

    /// A size's number from its 8 bytes.
    static func double(_ bytes: some Collection<UInt8>) -> Double { Double(bitPattern: SecondProcess.integer(bytes)) }
}

/// The second process's command (not listed in help): lays out each page read from
/// standard input and answers with its size, until the input ends.
struct MeasurePagesCommand: ParsableCommand {
    static let name = "measure-pages"
    static let configuration = CommandConfiguration(
        commandName: name, abstract: "Lay out chartbook pages for another orgmodel process.", shouldDisplay: false)

    func run() throws {
        let input = FileHandle.standardInput
        let output = FileHandle.standardOutput
        while let length = input.readExactly(8), let dot = input.readExactly(Int(SecondProcess.integer(length))) {
            // The size is sent as soon as it is known: the other process waits on it, not on
            // the graph being freed.
            var unsent: (any Error)?
            do {
                try GraphvizRenderer.measure(dot: String(decoding: dot, as: UTF8.self)) { size in
                    var answer: [UInt8] = [0] + SecondProcess.number(Int(bitPattern: UInt(size.width.bitPattern)))
                    answer += SecondProcess.number(Int(bitPattern: UInt(size.height.bitPattern)))
                    do { try output.write(contentsOf: answer) } catch { unsent = error }
                }
            } catch {
                let message = Array("\(error)".utf8)
                try output.write(contentsOf: [1] + SecondProcess.number(message.count) + message)
            }
            if let unsent { throw unsent }
        }
    }
}
