import Foundation
import OrgSupport

/// Writes a structure as YAML in the house layout: metadata, then one flat list of posts,
/// fields in a fixed order. The same structure always gives the same bytes.
///
/// Posts are written as bytes, and a large structure in chunks on every core, joined in
/// order: a million-post import writes its YAML within its time budget, and the output is
/// identical however many cores wrote it.
public struct StructureYAMLWriter: Sendable {
    /// Comment lines written at the top of the file (without the leading `#`).
    public var header: [String]

    /// Structures at least this large are written in chunks on every core (tests lower it).
    var minimumChunkedPosts = 50_000
    /// How many posts a chunk holds: about 8 MB of YAML.
    var postsPerChunk = 32_768

    public init(header: [String] = []) { self.header = header }

    public func write(_ structure: Structure) -> String {
        String(decoding: writeBytes(structure), as: UTF8.self)
    }

    /// The YAML as UTF-8 bytes, ready for a file.
    public func writeBytes(_ structure: Structure) -> [UInt8] { ByteParts.joined(writeParts(structure)) }

    /// The YAML as UTF-8 byte parts, in order, to be written one after another
    /// (`OutputFile.write(_:)` takes them as they are): a large structure's chunks are
    /// never joined, nor copied, in memory.
    ///
    /// With `reusing`, a post written exactly as one whose text is made already is copied
    /// from there rather than written again.
    public func writeParts(_ structure: Structure, reusing: PostTexts.Reuse? = nil) -> [any ContiguousBytes & Sendable] {
        // The posts' chunks are started before the header is made: a de-layering option's
        // lists tens of thousands of moves.
        let posts = postParts(structure, reusing: reusing)
        return [headBytes(structure)] + posts
    }

    /// The header comments, the metadata and the `posts:` key: what comes before the posts.
    public func headBytes(_ structure: Structure) -> [UInt8] {
        var head = ""
        for line in header { head += line.isEmpty ? "#\n" : "# \(line)\n" }
        for (key, value) in structure.metadataText {
            guard let value else { continue }
            // An ISO date reads back as the same text, quoted or not: plain is what people write.
            head += "\(key.rawValue): \(key == .effective ? value : YAMLText.scalar(value))\n"
        }
        head += "posts:\n"
        return Array(head.utf8)
    }

    /// The posts' YAML as byte parts: a large structure's in chunks made on every core
    /// (started now) while the first ones are being written. A million posts make 270 MB
    /// of YAML, and writing it takes a core's time.
    public func postParts(_ structure: Structure, reusing: PostTexts.Reuse? = nil) -> [any ContiguousBytes & Sendable] {
        let posts = structure.posts
        let writer = self
        let reuse = reusing.flatMap { $0.from.count == posts.count ? $0 : nil }
        @Sendable func chunk(_ range: Range<Int>) -> WrittenBytes {
            var bytes = ByteBuffer(capacity: range.count * 300)
            var recent = RecentPlain()
            var held: (number: Int, block: PostTexts.Block)?
            posts.withUnsafeBufferPointer { buffer in
                for index in range {
                    if let reuse, reuse.from[index] >= 0 {
                        let (number, within) = Int(reuse.from[index]).quotientAndRemainder(dividingBy: PostTexts.blockSize)
                        if held?.number != number { held = (number, reuse.texts.block(number)) }
                        held?.block.append(within, to: &bytes)
                    } else {
                        writer.writePost(buffer[index], to: &bytes, recent: &recent)
                    }
                }
            }
            return bytes.finish()
        }
        guard posts.count >= minimumChunkedPosts else { return [chunk(0..<posts.count)] }
        let perChunk = max(1, postsPerChunk)
        let chunkCount = (posts.count + perChunk - 1) / perChunk
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
        return ChunkedOutput(count: chunkCount, workers: workers) { index in
            chunk(index * perChunk..<min(posts.count, (index + 1) * perChunk))
        }.parts
    }

    /// The last title and grade written plain: most posts share them with the post before,
    /// and are then written without being looked at again.
    struct RecentPlain {
        var title = ""
        var grade = ""
    }

    func writePost(_ post: borrowing Post, to out: inout ByteBuffer, recent: inout RecentPlain) {
        var first = true
        func key(_ key: StaticString) {
            out.reserve(key.utf8CodeUnitCount + 6)
            out.appendUnchecked(0x20)
            out.appendUnchecked(0x20)
            out.appendUnchecked(first ? 0x2D : 0x20)
            out.appendUnchecked(0x20)
            out.append(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            out.appendUnchecked(0x3A)
            out.appendUnchecked(0x20)
            first = false
        }
        func field(_ name: StaticString, _ value: String) {
            key(name)
            out.append(value)
            out.append(0x0A)
        }
        @discardableResult func scalar(_ name: StaticString, _ value: String) -> Bool {
            key(name)
            let plain = YAMLText.append(value, to: &out)
            out.append(0x0A)
            return plain
        }
        func repeated(_ name: StaticString, _ value: String, _ last: inout String) {
            if !last.isEmpty, value == last {
                field(name, value)
            } else if scalar(name, value) {
                last = value
            }
        }
        func number(_ name: StaticString, _ value: Double) {
            key(name)
            NumberText.append(value, to: &out)
            out.append(0x0A)
        }
        func whole(_ name: StaticString, _ value: Int) {
            key(name)
            NumberText.append(value, to: &out)
            out.append(0x0A)
        }
        scalar("id", post.id.rawValue)
        if !post.title.isEmpty { repeated("title", post.title, &recent.title) }
        if let tier = post.tier { whole("tier", tier) }
        if let boss = post.reportsTo { scalar("reports_to", boss.rawValue) }
        if let holder = post.holder { scalar("holder", holder) }
        if let grade = post.grade { repeated("grade", grade, &recent.grade) }
        if let fte = post.fte { number("fte", fte) }
        if let cost = post.cost { number("cost", cost) }
        if post.count != 1 { whole("count", post.count) }
        if post.vacant > 0 { field("vacant", post.isVacant ? "true" : String(post.vacant)) }
        if post.temporary { field("temporary", "true") }
        if let service = post.service { scalar("service", service) }
        if post.assistant { field("assistant", "true") }
        if !post.dottedTo.isEmpty {
            field("dotted_to", "[" + post.dottedTo.map { YAMLText.flowScalar($0.rawValue) }.joined(separator: ", ") + "]")
        }
        if let replaces = post.replaces { scalar("replaces", replaces.rawValue) }
        if !post.deviations.isEmpty {
            key("deviations")
            out.removeLast()  // "deviations: " → "deviations:"
            out.append(0x0A)
            Self.writeDeviations(post.deviations, to: &out)
        }
        if !post.attributes.isEmpty {
            key("attributes")
            out.removeLast()
            out.append(0x0A)
            Self.writeAttributes(post.attributes, to: &out)
        }
    }

    /// Writes a post's deviations, each an item of the list under its `deviations:` key.
    @inline(__always)
    private static func writeDeviations(_ deviations: [Deviation], to out: inout ByteBuffer) {
        var text = ""
        for deviation in deviations {
            text += "      - rule: \(deviation.rule.rawValue)\n"
            if let rationale = deviation.rationale { text += "        rationale: \(YAMLText.scalar(rationale))\n" }
            if !deviation.agreedBy.isEmpty {
                text += "        agreed_by: [\(deviation.agreedBy.map(YAMLText.flowScalar).joined(separator: ", "))]\n"
            }
            if let on = deviation.agreedOn { text += "        agreed_on: \(on)\n" }
            if let review = deviation.reviewBy { text += "        review_by: \(review)\n" }
        }
        out.append(text)
    }

    /// Writes a post's attributes, each a `name: value` line under its `attributes:` key
    /// (inlined: a million-post import writes them for every post).
    @inline(__always)
    private static func writeAttributes(_ attributes: [Attribute], to out: inout ByteBuffer) {
        for attribute in attributes {
            out.reserve(8)
            for _ in 0..<6 { out.appendUnchecked(0x20) }
            // YAML reads an implicit key of at most 1,024 characters: a longer name (an
            // escape can make one character six) is written as an explicit `? key`.
            if attribute.name.utf8.count > 128 {
                out.append(0x3F)
                out.append(0x20)
                YAMLText.append(attribute.name, to: &out)
                out.append(0x0A)
                for _ in 0..<6 { out.append(0x20) }
            } else {
                YAMLText.append(attribute.name, to: &out)
            }
            out.append(0x3A)
            out.append(0x20)
            YAMLText.append(attribute.value, to: &out)
            out.append(0x0A)
        }
    }
}

/// Plain or quoted YAML scalars: plain when the text cannot be misread, double-quoted
/// with escapes otherwise (so "yes", "1001", "a: b" or "#1" stay strings).
enum YAMLText {
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// Appends the scalar's bytes, without making a string when it is plain, nor when it
    /// is printable ASCII that only needs its quotes and backslashes escaped (a date).
    /// Whether it was written plain.
    @discardableResult
    static func append(_ text: String, to out: inout ByteBuffer) -> Bool {
        if isPlainSafe(text) {
            out.append(text)
            return true
        }
        let simple = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        guard simple else {
            out.append(quoted(text))
            return false
        }
        out.reserve(text.utf8.count * 2 + 2)
        out.appendUnchecked(0x22)
        for byte in text.utf8 {
            if byte == 0x22 || byte == 0x5C { out.appendUnchecked(0x5C) }
            out.appendUnchecked(byte)
        }
        out.appendUnchecked(0x22)
        return false
    }

    /// A scalar inside `[ … ]`, where commas and brackets also need quotes.
    static func flowScalar(_ text: String) -> String {
        text.contains(where: { ",[]{}".contains($0) }) ? quoted(text) : scalar(text)
    }

    /// `text` double-quoted, with every character YAML cannot hold as it is escaped.
    static func quoted(_ text: String) -> String {
        QuotedText.string(text, escapes: .yaml)
    }

    private static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    private static func isPlainSafe(_ text: String) -> Bool {
        // Most text is ASCII: decide from the bytes, without Unicode property lookups.
        let verdict = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let first = bytes.first, let last = bytes.last, last != 0x20 else { return false }
            // Letters, digits and ` ,.'()/&+-_` as two 64-bit masks, for bytes below and
            // above 64; no two blanks in a row.
            let low: UInt64 = 0x03FF_FBC1_0000_0000
            let high: UInt64 = 0x07FF_FFFE_87FF_FFFE
            var previous: UInt8 = 0x20
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let safe = byte < 64 ? (low >> UInt64(byte)) & 1 : (high >> UInt64(byte &- 64)) & 1
                guard safe == 1, !(byte == 0x20 && previous == 0x20) else { return false }
                previous = byte
            }
            let isDigit = first >= 0x30 && first <= 0x39
            let isLetter = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A
            guard isDigit || isLetter || first == 0x28 else { return false }
            if bytes.count <= 5, isLetter, isReservedWord(bytes) { return false }
            // Numbers, and the words a number parser takes ("inf", "nan", "infinity").
            if isDigit || (bytes.count <= 8 && ((first | 0x20) == 0x69 || (first | 0x20) == 0x6E)) {
                if Double(text) != nil || Int(text) != nil { return false }
            }
            if isDigit, bytes.contains(0x2D) || bytes.contains(0x3A) { return false }  // dates, times
            return true
        }
        switch verdict {
        case .some(.some(let answer)): return answer
        default: return isPlainSafeUnicode(text)
        }
    }

    /// Whether the bytes spell, in any case, a word YAML 1.1 reads as true, false or null.
    private static func isReservedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var folded: UInt64 = 0
        for byte in bytes { folded = folded << 8 | UInt64(byte | 0x20) }
        return reservedFolded.contains(folded)
    }

    /// The reserved words as `isReservedWord` folds them.
    private static let reservedFolded: Set<UInt64> = Set(
        reserved.map { word in
            word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1 | 0x20) }
        })

    private static func isPlainSafeUnicode(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard first.properties.isAlphabetic || ("0"..."9").contains(first) || first == "(" else { return false }
        guard last != " " else { return false }
        if reserved.contains(text.lowercased()) { return false }
        if Double(text) != nil || Int(text) != nil { return false }
        if text.first?.isNumber == true, text.contains("-") || text.contains(":") { return false }  // dates, times
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            let safe =
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || " ,.'()/&+-–—_".unicodeScalars.contains(scalar)
            guard safe else { return false }
            if scalar == " ", previous == " " { return false }
            previous = scalar
        }
        return true
    }
}
