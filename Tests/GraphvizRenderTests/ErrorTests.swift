import Testing

@testable import GraphvizRender

/// Failures come back as typed errors carrying Graphviz's own explanation.
@Suite struct ErrorTests {
    @Test func badDOTThrowsSyntaxErrorWithGraphvizText() {
        #expect {
            try GraphvizRenderer.render(dot: "digraph { a -> }", format: .svg)
        } throws: { error in
            guard case .syntax(let message) = error as? GraphvizError else { return false }
            return message.contains("syntax error") && message.contains("line 1")
        }
    }

    @Test func syntaxErrorLineNumbersRestartForEachRender() throws {
        _ = try? GraphvizRenderer.render(dot: "digraph {\n\n\n a -> \n}", format: .svg)
        do {
            _ = try GraphvizRenderer.render(dot: "digraph { a -> }", format: .svg)
            Issue.record("expected a syntax error")
        } catch {
            #expect(error == .syntax(message: "syntax error in line 1 near '}'"))
        }
    }

    @Test func parserRecoversAfterAnError() throws {
        _ = try? GraphvizRenderer.render(dot: "digraph { a -> }", format: .svg)
        let svg = try GraphvizRenderer.render(dot: Fixtures.orgChart, format: .svg)
        #expect(svg.count > 0)
    }

    @Test func emptyTextIsASyntaxError() {
        #expect(throws: GraphvizError.syntax(message: "the DOT text contains no graph")) {
            try GraphvizRenderer.render(dot: "  \n", format: .svg)
        }
    }

    @Test func secondGraphIsRejectedAndDoesNotLeakIntoTheNextRender() throws {
        #expect {
            try GraphvizRenderer.render(dot: "digraph A { a } digraph B { b }", format: .json)
        } throws: { error in
            guard case .syntax(let message) = error as? GraphvizError else { return false }
            return message.contains("2 graphs")
        }
        let json = try GraphvizRenderer.render(dot: "digraph C { c }", format: .json)
        #expect(String(decoding: json, as: UTF8.self).contains("\"name\": \"C\""))
    }

    @Test func unknownEngineThrowsLayoutError() {
        #expect {
            try GraphvizRenderer.render(dot: Fixtures.orgChart, format: .svg, engine: "nosuchengine")
        } throws: { error in
            guard case .layout(let engine, let message) = error as? GraphvizError else { return false }
            return engine == "nosuchengine" && message.contains("not recognized")
        }
    }

    @Test func unknownFormatThrowsRenderError() {
        #expect {
            try GraphvizRenderer.render(dot: Fixtures.orgChart, graphvizFormat: "nosuchformat", engine: "dot")
        } throws: { error in
            guard case .render(let format, let message) = error as? GraphvizError else { return false }
            return format == "nosuchformat" && message.contains("nosuchformat")
        }
    }

    @Test func errorsThatLetLayoutFinishStillFail() {
        #expect {
            try GraphvizRenderer.render(dot: "digraph { a [label=<<b>unclosed>] }", format: .svg)
        } throws: { error in
            guard case .layout(_, let message) = error as? GraphvizError else { return false }
            return message.contains("mismatched tag")
        }
    }

    @Test func stockPluginNotRecognizedMeansPluginMissing() {
        let layout = PluginCatalog.layoutFailure(
            engine: "dot", message: "Layout type: \"dot\" not recognized. Use one of:")
        #expect(layout == .pluginMissing(kind: .layout, name: "dot"))
        let render = PluginCatalog.renderFailure(format: "pdf", message: "renderer for pdf is unavailable")
        #expect(render == .pluginMissing(kind: .format, name: "pdf"))
        let other = PluginCatalog.renderFailure(format: "pdf", message: "out of memory")
        #expect(other == .render(format: "pdf", message: "out of memory"))
    }

    @Test func descriptionsAreSingleLinesAndPluginHintMentionsDotC() {
        let errors: [GraphvizError] = [
            .syntax(message: "syntax error in line 1 near '}'"),
            .layout(engine: "dot", message: "trouble"),
            .render(format: "svg", message: "trouble"),
            .pluginMissing(kind: .format, name: "pdf"),
        ]
        for error in errors {
            #expect(!error.description.contains("\n"))
        }
        #expect(GraphvizError.pluginMissing(kind: .layout, name: "dot").description.contains("dot -c"))
    }

    @Test func diagnosticTranscriptIsSplitBySeverity() {
        let log = DiagnosticLog.parse("Warning: using box\nError: mismatched tag in line 1 \n... x ...\nin label of node c\n")
        #expect(log.warnings == ["using box"])
        #expect(log.errors == ["mismatched tag in line 1 ... x ... in label of node c"])
    }
}
