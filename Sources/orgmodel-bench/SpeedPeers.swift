import Foundation

/// A program an analyst would write instead of running `orgmodel analyse --format csv`,
/// run with python3 on the same file in the same run, writing the same per-post CSV.
struct Peer {
    /// The library it is written with, also the module it needs (`polars`, `networkx`).
    var module: String
    var script: URL
    /// How many times slower than orgmodel it should be, at least.
    var ratioTarget: Double

    /// The polars peer kept with the shared peers.
    static let polars = Peer(module: "polars", script: BenchmarkPaths.peers.appendingPathComponent("polars_spans.py"), ratioTarget: 2.5)

    /// The networkx peer, written into `scratch` from `networkxScript`.
    static func networkx(scratch: URL) throws -> Peer {
        let script = scratch.appendingPathComponent("networkx_spans.py")
        try Data(networkxScript.utf8).write(to: script)
        return Peer(module: "networkx", script: script, ratioTarget: 20)
    }

    /// Why the peer cannot run here, or nil when it can. A missing peer is skipped with
    /// this note, never a failure: the figures of orgmodel stand on their own.
    func missing(python: URL?) -> String? {
        guard let python else { return "no python3 on the PATH" }
        guard FileManager.default.fileExists(atPath: script.path) else { return "no \(script.path)" }
        guard Self.canImport(module, python: python) else { return "python3 has no \(module) module (pip install \(module))" }
        return nil
    }

    /// `python3` on the PATH, or nil.
    static func python(searching path: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        for folder in (path ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func canImport(_ module: String, python: URL) -> Bool {
        (try? ChartbookBenchmark.once(python, ["-c", "import \(module)"])) != nil
    }

    /// An analyst's straightforward networkx script for the per-post columns (span, layer,
    /// remits), with the definitions of `polars_spans.py`: posts are nodes numbered by row,
    /// an edge from each post's manager (the first post with that id, never itself),
    /// layers from a breadth-first walk from the posts without a manager, remits added up
    /// from the deepest layer. Posts in or below a reporting loop are never reached, so they
    /// have no layer or remits.
    ///
    /// Kept here as a string and written into scratch rather than as a file beside the
    /// benchmark: an executable target's stray file would need a resource or exclude entry
    /// in Package.swift, and the copy in scratch (kept with `--keep`) is exactly what ran.
    static let networkxScript = #"""
        #!/usr/bin/env python3
        """Spans, layers and remits of every post with networkx: orgmodel-bench's networkx peer.

        usage: networkx_spans.py STRUCTURE.csv -o PER-POST.csv
        Writes orgmodel's per-post CSV (id,tier,span,layer,remit_headcount,remit_fte,remit_cost).
        Assumes a well-formed file (orgmodel validate refuses bad values).
        """
        import csv, re, sys
        import networkx as nx

        GUARD = re.compile(r"^'*[=+\-@\t\r]")  # orgmodel's spreadsheet-formula guard


        def cell(row, name):
            value = (row.get(name) or "").strip(" \t")
            if value.startswith("'") and GUARD.match(value[1:]):
                value = value[1:]
            return value


        def fmt2(x):
            """orgmodel's number cell: at most two decimals, no trailing zeros."""
            h = int(abs(x) * 100 + 0.5)
            text = str(h // 100) + ("" if h % 100 == 0 else ("." + f"{h % 100:02d}").rstrip("0"))
            return "-" + text if x < 0 and h else text


        def main():
            path, out = sys.argv[1], sys.argv[sys.argv.index("-o") + 1]
            with open(path, newline="") as f:
                rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
            first = {}
            for i, row in enumerate(rows):
                first.setdefault(cell(row, "id"), i)
            graph = nx.DiGraph()
            for i, row in enumerate(rows):
                count = int(cell(row, "count") or 1)
                cost = cell(row, "cost")
                graph.add_node(i, count=count, fte=float(cell(row, "fte") or count), cost=float(cost) if cost else None,
                               assistant=cell(row, "assistant").lower() in ("true", "yes"))
                manager = first.get(cell(row, "reports_to"))
                if manager is not None and manager != i:
                    graph.add_edge(manager, i)
            roots = [n for n in graph if graph.in_degree(n) == 0]
            layer = {n: depth for depth, nodes in enumerate(nx.bfs_layers(graph, roots)) for n in nodes} if roots else {}
            remit = {n: [0, 0.0, 0.0, 0] for n in layer}  # headcount, FTE, cost, headcount without a cost
            for n in sorted(layer, key=layer.get, reverse=True):
                node, own = graph.nodes[n], remit[n]
                for manager in graph.predecessors(n):
                    total = remit[manager]
                    total[0] += node["count"] + own[0]
                    total[1] += node["fte"] + own[1]
                    total[2] += (node["cost"] or 0.0) + own[2]
                    total[3] += (node["count"] if node["cost"] is None else 0) + own[3]
            with open(out, "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "tier", "span", "layer", "remit_headcount", "remit_fte", "remit_cost"])
                for n, row in enumerate(rows):
                    span = sum(graph.nodes[c]["count"] for c in graph.successors(n) if not graph.nodes[c]["assistant"])
                    post, r = cell(row, "id"), remit.get(n)
                    w.writerow(["'" + post if GUARD.match(post) else post, cell(row, "tier"), span, layer.get(n, ""),
                                r[0] if r else "", fmt2(r[1]) if r else "", fmt2(r[2]) if r and not r[3] else ""])


        main()

        """#
}

/// Whether two outputs (orgmodel's per-post CSV and a peer's) are the same byte for byte,
/// and if not, the first line where they part.
enum OutputAgreement: Equatable {
    case identical(lines: Int)
    /// `line` counts from 1; a file that has ended reads as nil there.
    case differ(line: Int, first: String?, second: String?)

    static func compare(_ first: Data, _ second: Data) -> OutputAgreement {
        let newline = UInt8(ascii: "\n")
        if first == second { return .identical(lines: first.count { $0 == newline }) }
        let firstLines = first.split(separator: newline, omittingEmptySubsequences: false)
        let secondLines = second.split(separator: newline, omittingEmptySubsequences: false)
        var index = 0
        while index < firstLines.count, index < secondLines.count, firstLines[index] == secondLines[index] { index += 1 }
        // Equal lines throughout means the files differ only in their last line being
        // empty or not, which the split shows as one file having a line more.
        let text = { (lines: [Data]) in index < lines.count ? String(decoding: lines[index], as: UTF8.self) : nil }
        return .differ(line: index + 1, first: text(firstLines), second: text(secondLines))
    }

    static func compare(_ first: URL, _ second: URL) throws -> OutputAgreement {
        compare(try Data(contentsOf: first), try Data(contentsOf: second))
    }

    /// A sentence for the benchmark's output, naming the two sides.
    func describe(_ firstName: String, _ secondName: String) -> String {
        switch self {
        case .identical(let lines):
            return "per-post CSVs of \(firstName) and \(secondName) byte-identical (\(lines) lines)"
        case .differ(let line, let first, let second):
            return "per-post CSVs of \(firstName) and \(secondName) DIFFER at line \(line): "
                + "\(firstName) \(first.map { "\"\($0)\"" } ?? "has ended"), \(secondName) \(second.map { "\"\($0)\"" } ?? "has ended")"
        }
    }
}
