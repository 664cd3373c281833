/// Small PDFs written out by hand, for shapes Graphviz never produces: several pages, no pages,
/// a media box kept on the page tree, or none at all.
enum HandMadePDF {
    /// A PDF with one page per entry; each page draws a line and has the given /MediaBox entry
    /// (nil for none). `treeMediaBox` goes on the /Pages node, where pages inherit it from;
    /// `pageExtra` is added to every page dictionary.
    static func make(pageBoxes: [String?], treeMediaBox: String? = nil, pageExtra: String = "") -> [UInt8] {
        var objects: [String] = []
        let pageCount = pageBoxes.count
        // 1: catalog, 2: page tree, then a page and its content stream for each page.
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        let kids = (0..<pageCount).map { "\(3 + 2 * $0) 0 R" }.joined(separator: " ")
        let treeBox = treeMediaBox.map { " /MediaBox \($0)" } ?? ""
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount)\(treeBox) >>")
        for (index, box) in pageBoxes.enumerated() {
            let mediaBox = box.map { " /MediaBox \($0)" } ?? ""
            objects.append("<< /Type /Page /Parent 2 0 R\(mediaBox) /Contents \(4 + 2 * index) 0 R /Resources << >> \(pageExtra) >>")
            let content = "0 0 m 100 100 l S"
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            pdf += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(pdf.utf8)
    }
}
