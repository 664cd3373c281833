import Foundation
import OrgAnalysis
import OrgModel
import OrgSupport

/// The review's `index.html`: one self-contained page a leadership team opens from the
/// file system — the headline and the options side by side first, then each option's key
/// differences (tables that sort and filter), findings, the deviations it relies on, its
/// change chartbook (pan and zoom, with the structure as a nested list beside it), a layer
/// pyramid and a span-band chart. Styles, script and charts are inline: nothing is fetched.
/// A print stylesheet makes the browser's Print a committee appendix on A4.
enum ReviewPage {
    /// One option's part of the page.
    struct Option {
        var review: Review
        /// The SVG pages of its change chartbook, in page order (contents pages left out).
        var chartPages: [(number: Int, svg: [UInt8])]
    }

    static func html(title: String, currentFile: String, options: [Option], comparison: OptionsComparison, register: DeviationRegister)
        -> String
    {
        var body = ""
        body.reserveCapacity(options.reduce(0) { $0 + chartBytes($1) } + (1 << 20))
        body +=
            "<header><h1>\(e(title))</h1><p class=\"muted\">Current structure: <code>\(e(currentFile))</code>; "
            + (options.count == 1 ? "proposed: <code>\(e(options[0].review.proposedFile))</code>" : "\(options.count) options")
            + ".</p></header>\n"
        body += "<nav class=\"contents\"><strong>Contents:</strong> <a href=\"#options\">The options side by side</a>"
        for (number, option) in options.enumerated() {
            body += " · <a href=\"#option-\(number + 1)\">\(e(name(option, number: number, count: options.count)))</a>"
        }
        body += " · <a href=\"#deviations\">Deviations</a></nav>\n"

        body += "<section id=\"headline\"><h2>Headline</h2>"
        for (number, option) in options.enumerated() {
            if options.count > 1 { body += "<h3>\(e(name(option, number: number, count: options.count)))</h3>" }
            body += "<ul>" + option.review.headline().map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        }
        body += "</section>\n"

        body += "<section id=\"options\">" + comparison.document().html(headingOffset: 1) + "</section>\n"

        for (number, option) in options.enumerated() {
            section(option, number: number, count: options.count, comparison: comparison, into: &body)
        }
        body += "<section id=\"deviations\">" + register.document().html(headingOffset: 1) + "</section>\n"

        // The page made in one string of its whole size: the body is copied once more.
        var page = ""
        page.reserveCapacity(body.utf8.count + style.utf8.count + script.utf8.count + 1_024)
        page += """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title>
            <style>\(style)</style>
            </head>
            <body>

            """
        page += body
        page += "<script>" + script + "</script>\n</body>\n</html>\n"
        return page
    }

    /// About how many bytes an option's chart pages take on the page (as base64).
    static func chartBytes(_ option: Option) -> Int {
        option.chartPages.reduce(0) { $0 + ($1.svg.count + 2) / 3 * 4 + 512 }
    }

    static func name(_ option: Option, number: Int, count: Int) -> String {
        let file = ((option.review.proposedFile as NSString).lastPathComponent as NSString).deletingPathExtension
        return count == 1 ? "The proposal (\(file))" : "Option \(number + 1) (\(file))"
    }

    /// Appends an option's section to `out` (whose room for the chart pages, as base64, is
    /// made by the caller: they are most of the page).
    static func section(_ option: Option, number: Int, count: Int, comparison: OptionsComparison, into out: inout String) {
        let review = option.review
        let c = review.comparison
        out += "<section class=\"option\" id=\"option-\(number + 1)\"><h2>\(e(name(option, number: number, count: count)))</h2>"
        out += "<p class=\"muted\"><code>\(e(review.proposedFile))</code></p>"
        out += "<ul>" + review.headline().map { "<li>\(e($0))</li>" }.joined() + "</ul>"

        out += "<h3>Key differences</h3>"
        out += ComparisonReport(c, currentFile: review.currentFile, proposedFile: review.proposedFile).document().html(headingOffset: 2)

        out += "<h3>Findings</h3>"
        func list(_ title: String, _ findings: [Finding]) -> String {
            guard !findings.isEmpty else { return "<p><strong>\(e(title)):</strong> none.</p>" }
            return "<p><strong>\(e(title)) (\(findings.count)):</strong></p><ul>"
                + findings.map { "<li><code>\(e($0.rule.rawValue))</code> \(e($0.post?.rawValue ?? "")): \(e($0.message))</li>" }.joined()
                + "</ul>"
        }
        out += list("Fixed", c.findingChanges.fixed)
        out += list("Accepted under a deviation", c.findingChanges.accepted)
        out += list("Introduced", c.findingChanges.introduced)

        out += "<h3>Deviations it relies on</h3>"
        let reliedOn = comparison.options.indices.contains(number) ? comparison.options[number].measures.reliedOn : []
        out +=
            reliedOn.isEmpty
            ? "<p>None.</p>"
            : "<ul>"
                + reliedOn.map { finding in
                    "<li><code>\(e(finding.rule.rawValue))</code> at \(e(finding.post?.rawValue ?? "")): \(e(finding.deviation?.statedRationale ?? "no rationale"))</li>"
                }.joined() + "</ul>"

        out += "<h3>Layers and spans</h3><div class=\"bars\">"
        out += pyramid(before: c.before, after: c.after)
        out += bands(
            before: comparison.current, after: comparison.options.indices.contains(number) ? comparison.options[number].measures : nil)
        out += "</div>"

        out += "<h3>The changes, page by page</h3>"
        out +=
            "<p class=\"muted controls\">Drag a chart to move it, use the wheel or the buttons to zoom. The PDF "
            + "<a href=\"\(e(review.prefix))changes.pdf\">\(e(review.prefix))changes.pdf</a> holds the same pages with links between them.</p>"
        for page in option.chartPages {
            // Appended piece by piece: the page's data is copied once, into the page.
            out += "<figure class=\"chart\"><div class=\"viewport\">"
            out += "<img alt=\"The changes, page \(page.number)\" src=\"data:image/svg+xml;base64,"
            out += Data(page.svg).base64EncodedString()
            out +=
                "\"></div><figcaption>Page \(page.number) <span class=\"controls\"><button type=\"button\" data-zoom=\"1.25\">+</button>"
                + "<button type=\"button\" data-zoom=\"0.8\">−</button><button type=\"button\" data-zoom=\"0\">fit</button></span></figcaption></figure>"
        }
        out += "<details class=\"outline\"><summary>The proposed structure as a list (a text alternative to the charts)</summary>"
        out += nestedList(c.after.index) + "</details>"
        out += "</section>\n"
    }

    /// The structure as nested lists, from each top post down: title, id, tier, headcount.
    static func nestedList(_ index: StructureIndex) -> String {
        func item(_ position: Int) -> String {
            let post = index.posts[position]
            var text = "\(e(post.displayTitle)) <span class=\"muted\">\(e(post.id.rawValue))"
            if let tier = post.tier { text += " · tier \(tier)" }
            if post.count > 1 { text += " · \(post.count) posts" }
            if post.isVacant { text += " · vacant" }
            return text + "</span>"
        }
        var out = "<ul class=\"tree\">"
        // An explicit stack (a structure can be a million levels deep); -1 closes a list.
        var stack: [Int] = index.roots.reversed()
        var seen = Set<Int>()
        while let position = stack.popLast() {
            if position < 0 {
                out += "</ul></li>"
                continue
            }
            guard seen.insert(position).inserted else { continue }
            let reports = Array(index.reports(of: position))
            if reports.isEmpty {
                out += "<li>\(item(position))</li>"
            } else {
                out += "<li>\(item(position))<ul>"
                stack.append(-1)
                stack.append(contentsOf: reports.reversed())
            }
        }
        return out + "</ul>"
    }

    /// Posts in each management layer, current beside proposed, as horizontal bars.
    static func pyramid(before: StructureAnalysis, after: StructureAnalysis) -> String {
        let layers = max(before.layers.profile.count, after.layers.profile.count)
        guard layers > 0 else { return "" }
        func posts(_ analysis: StructureAnalysis, _ layer: Int) -> Int {
            analysis.layers.profile.first { $0.layer == layer }?.posts ?? 0
        }
        let all = before.layers.profile.map(\.layer) + after.layers.profile.map(\.layer)
        let low = all.min() ?? 0
        let high = all.max() ?? 0
        let rows = Array(low...high).map { ("Layer \($0)", posts(before, $0), posts(after, $0)) }
        return barChart(title: "Posts by layer (a pyramid)", rows: rows)
    }

    /// Managers in each span band, current beside proposed.
    static func bands(before: OptionsComparison.Measures, after: OptionsComparison.Measures?) -> String {
        guard let after else { return "" }
        let rows = SpanBand.allCases.compactMap { band -> (String, Int, Int)? in
            let a = before.spanBands[band, default: 0]
            let b = after.spanBands[band, default: 0]
            return a == 0 && b == 0 ? nil : ("Span \(band.rawValue)", a, b)
        }
        return barChart(title: "Managers by span band", rows: rows)
    }

    /// A small inline SVG bar chart: a pair of bars (current, proposed) a row.
    static func barChart(title: String, rows: [(label: String, current: Int, proposed: Int)]) -> String {
        let maximum = max(1, rows.map { max($0.current, $0.proposed) }.max() ?? 1)
        let rowHeight = 30.0
        let labelWidth = 110.0
        let barWidth = 260.0
        let top = 28.0
        let height = top + Double(rows.count) * rowHeight + 24
        var svg =
            "<svg role=\"img\" aria-label=\"\(e(title))\" viewBox=\"0 0 \(Int(labelWidth + barWidth + 60)) \(Int(height))\" width=\"\(Int(labelWidth + barWidth + 60))\" height=\"\(Int(height))\">"
        svg += "<title>\(e(title))</title><text x=\"0\" y=\"16\" class=\"chart-title\">\(e(title))</text>"
        for (number, row) in rows.enumerated() {
            let y = top + Double(number) * rowHeight
            svg += "<text x=\"0\" y=\"\(y + 16)\" class=\"label\">\(e(row.label))</text>"
            for (offset, value) in [row.current, row.proposed].enumerated() {
                let width = barWidth * Double(value) / Double(maximum)
                let barY = y + Double(offset) * 12
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(barY)\" width=\"\(String(format: "%.1f", width))\" height=\"10\" class=\"\(offset == 0 ? "current" : "proposed")\"><title>\(offset == 0 ? "Current" : "Proposed"): \(value)</title></rect>"
                svg += "<text x=\"\(String(format: "%.1f", labelWidth + width + 4))\" y=\"\(barY + 9)\" class=\"value\">\(value)</text>"
            }
        }
        svg +=
            "<rect x=\"0\" y=\"\(height - 14)\" width=\"10\" height=\"10\" class=\"current\"/><text x=\"14\" y=\"\(height - 5)\" class=\"value\">Current</text>"
        svg +=
            "<rect x=\"80\" y=\"\(height - 14)\" width=\"10\" height=\"10\" class=\"proposed\"/><text x=\"94\" y=\"\(height - 5)\" class=\"value\">Proposed</text>"
        return "<figure class=\"bar-chart\">" + svg + "</svg></figure>"
    }

    static func e(_ text: String) -> String { HTMLText.escaped(text) }

    static let style = """
        :root { --ink: #222; --muted: #666; --line: #ccc; --accent: #1565C0; }
        body { font-family: Helvetica, Arial, "Liberation Sans", sans-serif; color: var(--ink); margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; line-height: 1.4; }
        h1 { font-size: 1.7rem; margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid var(--line); padding-bottom: 0.2rem; margin-top: 2rem; }
        .muted { color: var(--muted); } code { font-size: 0.9em; }
        nav.contents { background: #f4f6f8; padding: 0.5rem 0.8rem; border-radius: 4px; }
        table.data { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
        table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        table.data th { background: #f4f6f8; cursor: pointer; user-select: none; }
        table.data th[aria-sort="ascending"]::after { content: " ▲"; } table.data th[aria-sort="descending"]::after { content: " ▼"; }
        table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
        input.filter { margin: 0.3rem 0; padding: 0.2rem 0.4rem; font: inherit; font-size: 0.85rem; width: 16rem; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.1rem 1rem; } dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
        .bars { display: flex; flex-wrap: wrap; gap: 2rem; } figure { margin: 0.5rem 0; }
        svg .chart-title { font-weight: bold; font-size: 13px; } svg .label, svg .value { font-size: 11px; fill: var(--ink); }
        svg rect.current { fill: #9E9E9E; } svg rect.proposed { fill: var(--accent); }
        figure.chart { border: 1px solid var(--line); border-radius: 4px; }
        .viewport { overflow: hidden; height: 34rem; cursor: grab; background: #fff; position: relative; }
        .viewport img { transform-origin: 0 0; user-select: none; -webkit-user-drag: none; max-width: none; }
        figcaption { padding: 0.2rem 0.6rem; border-top: 1px solid var(--line); font-size: 0.85rem; color: var(--muted); }
        figcaption button { margin-left: 0.3rem; font: inherit; }
        details.outline ul.tree { font-size: 0.85rem; } details.outline summary { cursor: pointer; color: var(--accent); }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav.contents, .controls, input.filter { display: none; }
          section.option, section#options, section#deviations { break-before: page; }
          h2, h3 { break-after: avoid; } tr { break-inside: avoid; } thead { display: table-header-group; }
          figure.chart { break-inside: avoid; border: none; break-before: page; }
          .viewport { height: auto; overflow: visible; }
          .viewport img { transform: none !important; max-width: 100%; max-height: 250mm; }
          details.outline { display: none; }
        }
        """

    /// Sorting and filtering for every data table, and pan and zoom for the charts. No
    /// console output, no network.
    static let script = """
        (function () {
          function cellValue(row, column) {
            var text = row.cells[column] ? row.cells[column].textContent.trim() : "";
            var number = parseFloat(text.replace(/[£,✓+ ]/g, "").replace("−", "-"));
            return isNaN(number) ? text.toLowerCase() : number;
          }
          document.querySelectorAll("table.data").forEach(function (table) {
            var body = table.tBodies[0];
            if (!body || body.rows.length < 2) { return; }
            var filter = document.createElement("input");
            filter.type = "search"; filter.className = "filter"; filter.placeholder = "Filter these rows";
            filter.setAttribute("aria-label", "Filter the rows of the table below");
            filter.addEventListener("input", function () {
              var wanted = filter.value.toLowerCase();
              Array.prototype.forEach.call(body.rows, function (row) {
                row.hidden = wanted !== "" && row.textContent.toLowerCase().indexOf(wanted) < 0;
              });
            });
            table.parentNode.insertBefore(filter, table);
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
              header.addEventListener("click", function () {
                var ascending = header.getAttribute("aria-sort") !== "ascending";
                Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
                header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = cellValue(a, column), y = cellValue(b, column);
                  var order = x < y ? -1 : (x > y ? 1 : 0);
                  return ascending ? order : -order;
                });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
          document.querySelectorAll("figure.chart").forEach(function (figure) {
            var viewport = figure.querySelector(".viewport"), image = figure.querySelector("img");
            var scale = 1, x = 0, y = 0, dragging = null;
            function apply() { image.style.transform = "translate(" + x + "px," + y + "px) scale(" + scale + ")"; }
            function fit() {
              var width = image.naturalWidth || image.width, height = image.naturalHeight || image.height;
              if (!width || !height) { return; }
              scale = Math.min(viewport.clientWidth / width, viewport.clientHeight / height, 1); x = 0; y = 0; apply();
            }
            if (image.complete) { fit(); } else { image.addEventListener("load", fit); }
            viewport.addEventListener("wheel", function (event) {
              event.preventDefault();
              scale = Math.max(0.1, Math.min(8, scale * (event.deltaY < 0 ? 1.15 : 1 / 1.15))); apply();
            }, { passive: false });
            viewport.addEventListener("pointerdown", function (event) { dragging = { x: event.clientX - x, y: event.clientY - y }; });
            window.addEventListener("pointerup", function () { dragging = null; });
            viewport.addEventListener("pointermove", function (event) {
              if (dragging) { x = event.clientX - dragging.x; y = event.clientY - dragging.y; apply(); }
            });
            figure.querySelectorAll("button[data-zoom]").forEach(function (button) {
              button.addEventListener("click", function () {
                var factor = parseFloat(button.getAttribute("data-zoom"));
                if (factor === 0) { fit(); } else { scale = Math.max(0.1, Math.min(8, scale * factor)); apply(); }
              });
            });
          });
        })();
        """
}
