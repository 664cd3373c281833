import CGraphviz

/// Parses DOT text into a cgraph graph so that the result never depends on earlier renders.
///
/// This replaces `agmemread`, which in Graphviz 2.4x has three process-state leaks that break
/// "same input, same bytes" in a long-lived process:
/// - anonymous graphs (`digraph { ... }`) get IDs from a process-wide counter, so the SVG/JSON
///   title reads `%3` on the first render and `%7` on a later one;
/// - named objects use the *address* of their interned name as ID, and subgraphs are iterated in
///   ID order, so cluster order (and hence the layout) depends on where malloc put the strings;
/// - text after the first graph stays in the lexer's buffer and is parsed by the *next* read.
/// The ID discipline below numbers objects per graph in creation order, and `read` consumes the
/// whole text, rejecting a second graph.
enum GraphReader {
    /// What happened when reading DOT text.
    enum Outcome {
        /// Exactly one graph was read; the caller owns it and must `agclose` it.
        case graph(UnsafeMutablePointer<Agraph_t>, warnings: [String])
        /// Parsing failed; the message explains why (Graphviz's words when it gave any).
        case failed(String)
    }

    /// Reads exactly one graph from `dot`. Call only with `GraphvizSession`'s lock held.
    static func read(_ dot: String) -> Outcome {
        let bytes = Array(dot.utf8)
        if bytes.contains(0) {
            return .failed("the DOT text contains a NUL character")
        }
        let source = DotSource(bytes: bytes)
        return withExtendedLifetime(source) {
            let channel = Unmanaged.passUnretained(source).toOpaque()
            let discipline = Disciplines.shared.graph
            agsetfile(nil)  // resets the lexer's line counter so messages number lines from 1
            guard let graph = agread(channel, discipline) else {
                return .failed(DiagnosticLog.shared.take().errorText ?? "the DOT text contains no graph")
            }
            // Drain the rest so nothing lingers in the lexer for the next caller.
            var extraGraphs = 0
            while let extra = agread(channel, discipline) {
                extraGraphs += 1
                agclose(extra)
            }
            agsetfile(nil)
            let log = DiagnosticLog.shared.take()
            if let trailingError = log.errorText {
                agclose(graph)
                return .failed(trailingError)
            }
            if extraGraphs > 0 {
                agclose(graph)
                return .failed("the DOT text contains \(extraGraphs + 1) graphs; exactly one is supported")
            }
            return .graph(graph, warnings: log.warnings)
        }
    }
}

/// The DOT bytes being read, and how far the lexer has got; passed to cgraph as its "channel".
private final class DotSource {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }
}

/// Per-graph ID allocation state: creation-ordered IDs and the interned names behind them.
private final class IDState {
    let graph: UnsafeMutablePointer<Agraph_t>?
    /// Counters for the next anonymous and named IDs. cgraph wants odd IDs for anonymous objects
    /// (printed as "%n") and even ones for named objects. Named IDs start high so that, as with
    /// stock cgraph (small counter vs. heap addresses), anonymous subgraphs such as
    /// `{ rank=same; ... }` are visited before named ones; dot's ranking depends on that order.
    /// Anonymous IDs start at 3, where a fresh `dot` process starts, so our output matches
    /// `dot -T<format>` byte for byte (checked for svg, json and png).
    var anonymousCount: IDTYPE = 1
    var namedCount: IDTYPE = 0
    static let firstNamedID: IDTYPE = 1 << 40

    var idsByName: [UnsafeMutablePointer<CChar>: IDTYPE] = [:]
    var namesByID: [IDTYPE: UnsafeMutablePointer<CChar>] = [:]

    init(graph: UnsafeMutablePointer<Agraph_t>?) { self.graph = graph }

    static func from(_ state: UnsafeMutableRawPointer?) -> IDState? {
        guard let state else { return nil }
        return Unmanaged<IDState>.fromOpaque(state).takeUnretainedValue()
    }
}

/// The C discipline tables; cgraph keeps pointers to them inside every graph, so they live forever.
private struct Disciplines: @unchecked Sendable {
    let graph: UnsafeMutablePointer<Agdisc_t>

    // Immutable after creation, so sharing the pointers across threads is safe.
    static let shared = Disciplines()

    private init() {
        let ids = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        ids.initialize(
            to: Agiddisc_t(
                open: { graph, _ in Unmanaged.passRetained(IDState(graph: graph)).toOpaque() },
                map: { state, _, name, id, create in
                    guard let ids = IDState.from(state), let id else { return 0 }
                    guard let name else {
                        id.pointee = ids.anonymousCount * 2 + 1
                        ids.anonymousCount += 1
                        return 1
                    }
                    if let interned = agstrbind(ids.graph, name), let known = ids.idsByName[interned] {
                        id.pointee = known
                        return 1
                    }
                    guard create != 0 else {
                        id.pointee = 0  // like cgraph's default: "no such name", never a real ID
                        return 1
                    }
                    // Interned in the graph's own string pool, so it lives exactly as long as the graph.
                    guard let interned = agstrdup(ids.graph, name) else { return 0 }
                    let newID = IDState.firstNamedID + ids.namedCount * 2
                    ids.namedCount += 1
                    ids.idsByName[interned] = newID
                    ids.namesByID[newID] = interned
                    id.pointee = newID
                    return 1
                },
                alloc: { _, _, _ in 0 },  // callers may not choose IDs, as with cgraph's default
                free: { _, _, _ in },  // names stay interned until the graph closes
                print: { state, _, id in IDState.from(state)?.namesByID[id] },
                close: { state in
                    if let state { Unmanaged<IDState>.fromOpaque(state).release() }
                },
                idregister: { _, _, _ in }
            ))

        let io = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        io.initialize(
            to: Agiodisc_t(
                afread: { channel, buffer, size in
                    guard let channel, let buffer, size > 0 else { return 0 }
                    let source = Unmanaged<DotSource>.fromOpaque(channel).takeUnretainedValue()
                    // One line at a time, like agmemread's reader.
                    var count = 0
                    while count < Int(size), source.position < source.bytes.count {
                        let byte = source.bytes[source.position]
                        buffer[count] = CChar(bitPattern: byte)
                        source.position += 1
                        count += 1
                        if byte == UInt8(ascii: "\n") { break }
                    }
                    return Int32(count)
                },
                putstr: { _, _ in -1 },  // never used for writing: Graphviz's own writers swap in theirs
                flush: { _ in 0 }
            ))

        let discipline = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        // mem: nil selects cgraph's default allocator (AgMemDisc) without touching that C global.
        discipline.initialize(to: Agdisc_t(mem: nil, id: ids, io: io))
        graph = discipline
    }
}
