import CQPDF

/// Turns a page's URI links that name a page of the book into links to that page.
enum InternalLinks {
    /// Rewrites each `/Subtype /Link` annotation on `page` whose `/A` is a URI action with a URI
    /// in `targets` (compared byte for byte): the action gives way to a `/Dest` at the target
    /// page, and `/Border [0 0 0]` keeps viewers from drawing a frame. The /Rect is untouched;
    /// placing pages on paper moves no user-space coordinates. Other annotations stay as they are.
    static func rewrite(
        _ page: PlacedPage, targets: [[UInt8]: Int], pages: [PlacedPage], in document: QPDFDocument
    ) throws(QPDFFailure) {
        for annotation in document.items(document.key(page.object, "/Annots")) {
            guard document.isDictionary(annotation), document.isName(document.key(annotation, "/Subtype"), "/Link")
            else { continue }
            let action = document.key(annotation, "/A")
            guard document.isDictionary(action), document.isName(document.key(action, "/S"), "/URI"),
                let uri = document.stringBytes(document.key(action, "/URI")),
                let target = targets[uri], pages.indices.contains(target)
            else { continue }
            document.remove(annotation, "/A")
            document.set(annotation, "/Dest", pages[target].destination(in: document))
            document.set(annotation, "/Border", document.newArray([0, 0, 0].map(document.newInteger)))
        }
        try document.check()
    }
}
