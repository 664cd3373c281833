import Testing

@testable import GraphvizRender

/// A stand-in label carries its HTML label's size in its text, and lays a node out to the
/// size the HTML gives it, margin and all.
@Suite struct SizedLabelsTests {
    static let defaults = "node [shape=box, fontname=\"Helvetica\", fontsize=10, margin=\"0.10,0.05\"];"

    @Test("A node with a stand-in label lays out as the node with its HTML label")
    func standInLaysOutAsTheLabel() throws {
        let labels = [
            "<FONT FACE=\"Helvetica-Bold\">Service Manager 25</FONT><BR/><FONT POINT-SIZE=\"9\">M1 · 1 FTE · leads 7</FONT>",
            "<TABLE BORDER=\"0\" CELLSPACING=\"8\" CELLPADDING=\"0\"><TR><TD BORDER=\"1\">Team Manager 4</TD><TD>x</TD></TR></TABLE>",
            "<FONT POINT-SIZE=\"11\">Wide text, on one line, set at eleven points</FONT>",
        ]
        let sizes = try SizedLabels.sizes(of: labels, nodeDefaults: Self.defaults)
        #expect(sizes.count == 3)
        for (label, size) in zip(labels, sizes) {
            #expect(size.width > 20 && size.height > 10)
            for shape in ["box", "plain"] {
                let real = try GraphvizRenderer.measure(
                    dot: "digraph { \(Self.defaults) a [shape=\(shape), label=<\(label)>]; b; a -> b; }")
                let standIn = try GraphvizRenderer.measure(
                    dot:
                        "digraph { \(Self.defaults) a [shape=\(shape), label=\(SizedLabels.standIn(width: size.width, height: size.height))];"
                        + " b; a -> b; }")
                #expect(real == standIn, "\(shape): \(label)")
            }
        }
        // A different size lays out differently: the test can tell.
        let wider = try GraphvizRenderer.measure(
            dot: "digraph { \(Self.defaults) a [label=\(SizedLabels.standIn(width: sizes[0].width + 40, height: sizes[0].height))]; }")
        let real = try GraphvizRenderer.measure(dot: "digraph { \(Self.defaults) a [label=<\(labels[0])>]; }")
        #expect(wider.width > real.width + 30)
    }

    @Test("Only a stand-in's text is read as a size")
    func onlyStandInsCarrySizes() {
        let text = SizedLabels.text(width: 123.456, height: 0.1)
        let size = text.withCString { SizedLabels.size(of: $0) }
        #expect(size?.x == 123.456 && size?.y == 0.1)
        for other in [
            "Team Manager", "\u{1}", "\u{1}zz", String(text.dropLast()), text + "0",
            "\u{1}" + String(repeating: "g", count: 16) + ":" + String(repeating: "0", count: 16),
        ] {
            #expect(other.withCString { SizedLabels.size(of: $0) } == nil, "\(other)")
        }
    }
}

/// A page's drawing size is set so that Graphviz's scale (the size over the padded extent)
/// is the one asked for, to the last bit.
@Suite struct ExactScaleTests {
    @Test("The size set divides by the extent to the scale asked for")
    func sizesDivideToTheScale() {
        var exact = 0
        var total = 0
        for width in stride(from: 37.3, to: 2_400, by: 13.7) {
            let extent = (width: width, height: width * 0.613 + 91.1)
            for hundredths in 40..<100 {
                let scale = Double(hundredths) / 100
                let size = GraphvizRenderer.exactSize(extent, scale: scale)
                // What Graphviz works out from the size.
                let made = min(size.width / extent.width, size.height / extent.height)
                #expect(made >= scale && made <= scale.nextUp.nextUp, "\(extent) at \(scale)")
                if made == scale { exact += 1 }
                total += 1
            }
        }
        #expect(exact * 100 >= total * 97, "\(exact) of \(total) exact")
        #expect(GraphvizRenderer.exactSide(0, scale: 0.5) == 0)
    }
}
