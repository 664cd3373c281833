import CQPDF

/// A page of the assembled book: its page object and its media box on the paper.
struct PlacedPage {
    var object: qpdf_oh
    var box: PageBox

    /// An explicit destination showing this page from its top-left corner at the viewer's zoom.
    func destination(in document: QPDFDocument) -> qpdf_oh {
        document.newArray([
            object, document.newName("/XYZ"),
            document.newNumber(box.left), document.newNumber(box.top), document.newNull(),
        ])
    }
}
