import PDFBook

/// One-page chart PDFs rendered by `dot`, shared by the tests (rendered once per test run).
enum Charts {
    /// Page 1: a post linking to page 2 ("p2"), one linking out to the web, and a plain post.
    static let first: Result<[UInt8], Error> = Result {
        try Tool.chart(
            """
            digraph {
              node [shape=box];
              director [label="Director", href="p2"];
              web [label="Council website", href="https://example.org/council"];
              plain [label="Plain post"];
              director -> web; director -> plain;
            }
            """)
    }

    /// Page 2: a post linking back to page 1 ("p1").
    static let second: Result<[UInt8], Error> = Result {
        try Tool.chart(
            """
            digraph { node [shape=box]; back [label="Back to the top", href="p1"]; team [label="Team Manager"]; back -> team; }
            """)
    }

    /// Page 3: wider than A4 landscape, to check a drawing larger than the paper keeps its size.
    static let wide: Result<[UInt8], Error> = Result {
        let nodes = (1...24).map { "n\($0) [label=\"Social Worker \($0)\"];" }.joined(separator: " ")
        let edges = (1...24).map { "root -> n\($0);" }.joined(separator: " ")
        return try Tool.chart("digraph { node [shape=box]; root [label=\"Wide team\"]; \(nodes) \(edges) }")
    }

    /// Page 4: taller than A4 landscape, to check the same downwards.
    static let tall: Result<[UInt8], Error> = Result {
        let chain = (1...14).map { "n\($0) -> n\($0 + 1);" }.joined(separator: " ")
        return try Tool.chart("digraph { node [shape=box]; \(chain) }")
    }

    /// The four charts as book pages on A4 landscape.
    static func a4Pages() throws -> [PDFBookPage] {
        try [first, second, wide, tall].map { PDFBookPage(pdf: try $0.get(), paperWidth: 842, paperHeight: 595) }
    }
}
