import Foundation
import PDFBook

/// A PDF as `qpdf --json` describes it: objects, pages in order and the outline, read by a
/// different program from the one that wrote it.
struct BookJSON {
    /// Object values by reference, such as "4 0 R".
    let objects: [String: Any]
    /// Each page's object reference, in page order.
    let pages: [String]
    let trailer: [String: Any]
    let outlineJSON: [[String: Any]]

    /// Reads `pdf` through `qpdf --json`; any warning fails unless `allowingWarnings`, which
    /// cairo 1.16's pages need: their cross-reference table lists unused objects at bad offsets.
    init(_ pdf: [UInt8], allowingWarnings: Bool = false) throws {
        let run = try Tool.run("qpdf", ["--json", "{}"], pdf: pdf)
        guard run.exitCode == 0 || (allowingWarnings && run.exitCode == 3) else {
            throw Tool.Failure(description: "qpdf --json failed (\(run.exitCode)): \(run.stderr)")
        }
        guard let json = try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any],
            let pageList = json["pages"] as? [[String: Any]],
            let qpdf = json["qpdf"] as? [Any], qpdf.count == 2,
            let table = qpdf[1] as? [String: Any]
        else { throw Tool.Failure(description: "qpdf --json gave an unexpected shape") }
        var objects: [String: Any] = [:]
        for (key, entry) in table where key.hasPrefix("obj:") {
            guard let entry = entry as? [String: Any] else { continue }
            objects[String(key.dropFirst(4))] = entry["value"] ?? (entry["stream"] as? [String: Any])?["dict"]
        }
        self.objects = objects
        pages = pageList.compactMap { $0["object"] as? String }
        trailer = (table["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:]
        outlineJSON = json["outlines"] as? [[String: Any]] ?? []
    }

    /// A dictionary object, following one reference if `value` is one.
    func dictionary(_ value: Any?) -> [String: Any]? {
        if let reference = value as? String, reference.hasSuffix(" R") { return objects[reference] as? [String: Any] }
        return value as? [String: Any]
    }

    var catalog: [String: Any] { dictionary(trailer["/Root"]) ?? [:] }
    var info: [String: Any] { dictionary(trailer["/Info"]) ?? [:] }

    func page(_ index: Int) -> [String: Any] { dictionary(pages[index]) ?? [:] }

    func mediaBox(ofPage index: Int) -> [Double] {
        (page(index)["/MediaBox"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue }
    }

    func annotations(ofPage index: Int) -> [[String: Any]] {
        (page(index)["/Annots"] as? [Any] ?? []).compactMap { dictionary($0) }
    }

    /// The outline as qpdf reads it: titles decoded, pages 0-based, open or closed.
    var outline: [PDFOutlineItem] { outlineJSON.map(Self.item) }

    private static func item(_ json: [String: Any]) -> PDFOutlineItem {
        PDFOutlineItem(
            title: json["title"] as? String ?? "<no title>",
            page: (json["destpageposfrom1"] as? Int ?? 0) - 1,
            children: (json["kids"] as? [[String: Any]] ?? []).map(item))
    }
}
