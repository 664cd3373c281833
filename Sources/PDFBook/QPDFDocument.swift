import CQPDF

/// qpdf's report of a failure, in its own words.
struct QPDFFailure: Error {
    var message: String
}

/// One `qpdf_data`: a PDF read from memory or begun empty, freed with `qpdf_cleanup` on deinit.
///
/// Each instance is used by one call on one thread, which is all qpdf asks for thread safety.
/// Errors are silenced and warnings suppressed at creation, so qpdf never prints to stderr;
/// callers check `failure()` (or a throwing method) after each step instead.
final class QPDFDocument {
    let data: qpdf_data
    /// A copy of the PDF bytes read, owned here: qpdf reads them in place, lazily, even while
    /// another document copies this one's streams, so they must outlive every such reader.
    private var input: UnsafeMutableRawBufferPointer?
    /// The description given to qpdf_read_memory, which keeps the pointer, so kept alive too.
    private var inputDescription: UnsafeMutablePointer<CChar>?

    private init() {
        data = qpdf_init()
        qpdf_silence_errors(data)
        qpdf_set_suppress_warnings(data, QPDF_BOOL(QPDF_TRUE))
    }

    deinit {
        // qpdf_cleanup prints any error still pending to stderr; every path takes its errors,
        // but one left by a throw part-way must not reach the terminal either.
        if qpdf_has_error(data) != QPDF_FALSE { _ = qpdf_get_error(data) }
        var handle: qpdf_data? = data
        qpdf_cleanup(&handle)
        input?.deallocate()
        inputDescription?.deallocate()
    }

    /// A PDF read from `bytes`; `description` stands in for a file name in qpdf's messages.
    static func reading(_ bytes: [UInt8], description: String) throws(QPDFFailure) -> QPDFDocument {
        let document = QPDFDocument()
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        copy.copyBytes(from: bytes)
        document.input = copy
        let name = Array(description.utf8CString)
        let namePointer = UnsafeMutablePointer<CChar>.allocate(capacity: name.count)
        namePointer.initialize(from: name, count: name.count)
        document.inputDescription = namePointer
        let start = copy.baseAddress?.assumingMemoryBound(to: CChar.self)
        _ = qpdf_read_memory(document.data, namePointer, start, UInt64(bytes.count), nil)
        try document.check()
        return document
    }

    /// An empty PDF (a catalog and an empty page tree) to add pages to.
    static func empty() throws(QPDFFailure) -> QPDFDocument {
        let document = QPDFDocument()
        _ = qpdf_empty_pdf(document.data)
        try document.check()
        return document
    }

    /// Throws qpdf's pending error, if there is one.
    func check() throws(QPDFFailure) {
        if let message = failure() { throw QPDFFailure(message: message) }
    }

    /// Takes qpdf's pending error, if any, as its full text.
    func failure() -> String? {
        guard qpdf_has_error(data) != QPDF_FALSE, let error = qpdf_get_error(data) else { return nil }
        guard let text = qpdf_get_error_full_text(data, error) else { return "unknown qpdf error" }
        return String(cString: text)
    }

    /// The PDF version from the header, such as "1.5".
    var version: String { qpdf_get_pdf_version(data).map { String(cString: $0) } ?? "" }

    // MARK: Pages

    func pageCount() throws(QPDFFailure) -> Int {
        let count = qpdf_get_num_pages(data)
        try check()
        return Int(count)
    }

    func page(at index: Int) throws(QPDFFailure) -> qpdf_oh {
        let page = qpdf_get_page_n(data, index)
        try check()
        guard qpdf_oh_is_initialized(data, page) != QPDF_FALSE else {
            throw QPDFFailure(message: "page \(index + 1) not found in the page tree")
        }
        return page
    }

    /// Copies inheritable attributes (/MediaBox, /Resources, …) from the page tree onto each page.
    func pushInheritedAttributesToPages() throws(QPDFFailure) {
        _ = qpdf_push_inherited_attributes_to_page(data)
        try check()
    }

    /// Appends `page` of `source` to this document, copying everything it refers to.
    func appendPage(_ page: qpdf_oh, from source: QPDFDocument) throws(QPDFFailure) {
        _ = qpdf_add_page(data, source.data, page, QPDF_BOOL(QPDF_FALSE))
        try check()
    }

    // MARK: Objects

    var root: qpdf_oh { qpdf_get_root(data) }
    var trailer: qpdf_oh { qpdf_get_trailer(data) }

    func key(_ object: qpdf_oh, _ name: String) -> qpdf_oh { qpdf_oh_get_key(data, object, name) }
    func isDictionary(_ object: qpdf_oh) -> Bool { qpdf_oh_is_dictionary(data, object) != QPDF_FALSE }
    func isArray(_ object: qpdf_oh) -> Bool { qpdf_oh_is_array(data, object) != QPDF_FALSE }
    func isName(_ object: qpdf_oh, _ name: String) -> Bool {
        qpdf_oh_is_name_and_equals(data, object, name) != QPDF_FALSE
    }

    /// The items of an array, or none if `object` is not an array.
    func items(_ object: qpdf_oh) -> [qpdf_oh] {
        guard isArray(object) else { return [] }
        let count = Int(qpdf_oh_get_array_n_items(data, object))
        return (0..<max(count, 0)).map { qpdf_oh_get_array_item(data, object, Int32($0)) }
    }

    /// An integer or real's value, or nil for anything else.
    func number(_ object: qpdf_oh) -> Double? {
        var value = 0.0
        return qpdf_oh_get_value_as_number(data, object, &value) != QPDF_FALSE ? value : nil
    }

    /// A string object's raw bytes, or nil for anything else.
    func stringBytes(_ object: qpdf_oh) -> [UInt8]? {
        guard qpdf_oh_is_string(data, object) != QPDF_FALSE else { return nil }
        var length = 0
        guard let start = qpdf_oh_get_binary_string_value(data, object, &length) else { return nil }
        return start.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    func newDictionary() -> qpdf_oh { qpdf_oh_new_dictionary(data) }
    func newName(_ name: String) -> qpdf_oh { qpdf_oh_new_name(data, name) }
    func newNull() -> qpdf_oh { qpdf_oh_new_null(data) }
    func newInteger(_ value: Int) -> qpdf_oh { qpdf_oh_new_integer(data, Int64(value)) }

    /// A number, written as an integer when it is one so the file stays plain to read.
    func newNumber(_ value: Double) -> qpdf_oh {
        if value == value.rounded(), abs(value) < 1e15 {
            return qpdf_oh_new_integer(data, Int64(value))
        }
        return qpdf_oh_new_real_from_double(data, value, 4)
    }

    /// A string holding exactly `bytes` (which may include NUL).
    func newString(_ bytes: [UInt8]) -> qpdf_oh {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                qpdf_oh_new_binary_string(data, $0.baseAddress, $0.count)
            }
        }
    }

    func newArray(_ items: [qpdf_oh]) -> qpdf_oh {
        let array = qpdf_oh_new_array(data)
        for item in items { qpdf_oh_append_item(data, array, item) }
        return array
    }

    /// An indirect object holding `object`; references to it are what /Parent, /Next, … need.
    func makeIndirect(_ object: qpdf_oh) -> qpdf_oh { qpdf_make_indirect_object(data, object) }

    func set(_ object: qpdf_oh, _ key: String, _ value: qpdf_oh) { qpdf_oh_replace_key(data, object, key, value) }
    func remove(_ object: qpdf_oh, _ key: String) { qpdf_oh_remove_key(data, object, key) }

    // MARK: Writing

    /// Writes the document to memory: object streams, a content-derived /ID, at least `minimumVersion`.
    func write(minimumVersion: String) throws(QPDFFailure) -> [UInt8] {
        _ = qpdf_init_write_memory(data)
        try check()
        qpdf_set_object_stream_mode(data, qpdf_o_generate)
        qpdf_set_deterministic_ID(data, QPDF_BOOL(QPDF_TRUE))
        qpdf_set_minimum_pdf_version(data, minimumVersion)
        try check()
        _ = qpdf_write(data)
        try check()
        let length = qpdf_get_buffer_length(data)
        guard let start = qpdf_get_buffer(data) else {
            throw QPDFFailure(message: "qpdf wrote no output")
        }
        return Array(UnsafeBufferPointer(start: start, count: length))
    }
}
