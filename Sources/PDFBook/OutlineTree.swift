import CQPDF

/// A book's bookmarks as a PDF outline (ISO 32000-1, 12.3.3), every level open.
///
/// The tree is walked with an explicit stack rather than by recursion, so a very deep
/// reporting chain cannot exhaust a thread's stack.
struct OutlineTree {
    /// One bookmark, in depth-first order, with the indexes of its parent and children.
    struct Entry {
        var title: String
        var page: Int
        var parent: Int?
        var children: [Int] = []
        /// Every bookmark below this one; all are shown, as every level is open.
        var descendants = 0
    }

    /// The bookmarks in depth-first order (a parent before its children).
    private(set) var entries: [Entry] = []
    /// The indexes of the top-level bookmarks.
    private(set) var topLevel: [Int] = []

    init(_ items: [PDFOutlineItem]) {
        var pending: [(item: PDFOutlineItem, parent: Int?)] = items.reversed().map { ($0, nil) }
        while let (item, parent) = pending.popLast() {
            let index = entries.count
            entries.append(Entry(title: item.title, page: item.page, parent: parent))
            if let parent { entries[parent].children.append(index) } else { topLevel.append(index) }
            pending.append(contentsOf: item.children.reversed().map { ($0, index) })
        }
        // A child always comes after its parent, so one backward pass totals the counts.
        for index in entries.indices.reversed() {
            if let parent = entries[index].parent {
                entries[parent].descendants += entries[index].descendants + 1
            }
        }
    }

    /// The first bookmark whose page is not in `0..<pageCount`, if any.
    func firstOutOfRange(pageCount: Int) -> Entry? {
        entries.first { !(0..<pageCount).contains($0.page) }
    }

    /// Writes the outline into `document`'s catalog with `/PageMode /UseOutlines`; nothing if empty.
    ///
    /// Callers check `firstOutOfRange` first; a bookmark to a missing page would get no /Dest.
    func install(pages: [PlacedPage], in document: QPDFDocument) throws(QPDFFailure) {
        guard !entries.isEmpty else { return }
        let outlines = document.makeIndirect(document.newDictionary())
        let nodes = entries.map { _ in document.makeIndirect(document.newDictionary()) }
        document.set(outlines, "/Type", document.newName("/Outlines"))
        link(topLevel, under: outlines, nodes: nodes, in: document)
        document.set(outlines, "/Count", document.newInteger(entries.count))

        for (index, entry) in entries.enumerated() {
            let node = nodes[index]
            document.set(node, "/Title", document.newString(PDFTextString.bytes(for: entry.title)))
            if pages.indices.contains(entry.page) {
                document.set(node, "/Dest", pages[entry.page].destination(in: document))
            }
            if !entry.children.isEmpty {
                link(entry.children, under: node, nodes: nodes, in: document)
                document.set(node, "/Count", document.newInteger(entry.descendants))
            }
        }
        let catalog = document.root
        document.set(catalog, "/Outlines", outlines)
        document.set(catalog, "/PageMode", document.newName("/UseOutlines"))
        try document.check()
    }

    /// Sets /First and /Last on `parent`, and /Parent, /Prev and /Next on each of `children`.
    private func link(_ children: [Int], under parent: qpdf_oh, nodes: [qpdf_oh], in document: QPDFDocument) {
        guard let first = children.first, let last = children.last else { return }
        document.set(parent, "/First", nodes[first])
        document.set(parent, "/Last", nodes[last])
        for (position, child) in children.enumerated() {
            document.set(nodes[child], "/Parent", parent)
            if position > 0 { document.set(nodes[child], "/Prev", nodes[children[position - 1]]) }
            if position < children.count - 1 { document.set(nodes[child], "/Next", nodes[children[position + 1]]) }
        }
    }
}
