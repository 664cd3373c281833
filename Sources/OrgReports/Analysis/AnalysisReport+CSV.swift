import Foundation
import OrgAnalysis
import OrgSupport

/// The per-post CSV of the analyse command.
extension AnalysisReport {
    /// The columns of the per-post CSV, in order.
    public static let csvColumns = ["id", "tier", "span", "layer", "remit_headcount", "remit_fte", "remit_cost"]

    /// One row per post, in file order, with exactly the columns
    /// `id,tier,span,layer,remit_headcount,remit_fte,remit_cost`.
    ///
    /// Layer 0 is the top post; span is the headcount of direct reports as the span rule
    /// counts it; the remit counts every post beneath, assistants included, the post itself
    /// not. A cell is empty when the value is not known: `tier` for a post without one,
    /// `layer` and the remits for a post in a reporting loop, and `remit_cost` when any post
    /// beneath has no known cost (a partial sum would read as the whole).
    ///
    /// Built as bytes, not through `String` interpolation, because it runs to a million rows.
    public func csvBytes() -> [UInt8] { Self.joined(csvParts()) }

    /// The CSV in parts: the header, then the rows in parts.
    func csvParts() -> [any ContiguousBytes & Sendable] { analysis.postMeasures.csvParts() }

    /// Parts joined into one array.
    static func joined(_ parts: [any ContiguousBytes & Sendable]) -> [UInt8] { ByteParts.joined(parts) }

    /// The bytes `write` appends for each of `count` posts, in file order: one part, or
    /// from 10,000 posts chunks made on every core while the first are written (so that
    /// making a million rows and writing them to disk overlap); joined in order, they are
    /// the same bytes. Each part reserves `reserving` bytes a post: generously, as pages
    /// reserved and never written cost nothing, where a part outgrowing its room is
    /// copied whole.
    static func perPostBytes(
        count: Int, reserving bytesPerPost: Int, _ write: @escaping @Sendable (_ position: Int, _ out: inout [UInt8]) -> Void
    ) -> [any ContiguousBytes & Sendable] {
        @Sendable func part(_ positions: Range<Int>) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(positions.count * bytesPerPost)
            for position in positions { write(position, &out) }
            return out
        }
        guard count >= 10_000 else { return [part(0..<count)] }
        let perChunk = postsPerChunk
        let chunks = (count + perChunk - 1) / perChunk
        // A worker on every core: the thread writing the chunks mostly waits on them (the
        // bytes are copied to the file far faster than they are made).
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return ChunkedOutput(count: chunks, workers: workers) { chunk in
            part(chunk * perChunk..<min(count, (chunk + 1) * perChunk))
        }.parts
    }

    /// How many posts a chunk of the per-post output holds (about 4 MB of JSON).
    static let postsPerChunk = 32_768

    public func csv() -> String { String(decoding: csvBytes(), as: UTF8.self) }
}

extension PostMeasures {
    /// The per-post CSV of `AnalysisReport` (see `csvBytes()` there), from the measures
    /// alone: the header, then the rows in parts.
    public func csvParts() -> [any ContiguousBytes & Sendable] {
        [Array((AnalysisReport.csvColumns.joined(separator: ",") + "\n").utf8)] + rows()
    }

    /// The CSV rows of all posts, in parts (see `AnalysisReport.perPostBytes`).
    private func rows() -> [any ContiguousBytes & Sendable] {
        let index = self.index
        let posts = index.posts
        let remits = self.remits
        return AnalysisReport.perPostBytes(count: posts.count, reserving: 96) { position, out in
            // Read where the post lies: a copy would retain and release each of its strings.
            CSVText.append(posts[position].id.rawValue, to: &out)
            out.append(0x2C)
            if let tier = posts[position].tier { CSVCell.append(tier, to: &out) }
            out.append(0x2C)
            CSVCell.append(index.span[position], to: &out)
            out.append(0x2C)
            if remits.isPlaced[position] {
                CSVCell.append(index.depth[position], to: &out)
                out.append(0x2C)
                CSVCell.append(remits.headcount[position], to: &out)
                out.append(0x2C)
                CSVCell.append(remits.fte[position], to: &out)
                out.append(0x2C)
                if remits.unknownCostPosts[position] == 0 { CSVCell.append(remits.knownCost[position], to: &out) }
            } else {
                out.append(contentsOf: [0x2C, 0x2C, 0x2C])
            }
            out.append(0x0A)
        }
    }
}

/// Appends whole numbers to a byte buffer without building intermediate strings (text
/// cells go through `CSVText.append`).
enum CSVCell {
    static func append(_ value: Int, to out: inout [UInt8]) {
        if value >= 0, value < 10 {
            out.append(0x30 + UInt8(value))
            return
        }
        NumberText.append(value, to: &out)
    }

    /// A number with at most two decimal places and no trailing zeros (12.5, 3, 0.25).
    static func append(_ value: Double, to out: inout [UInt8]) {
        let hundredths = (value * 100).rounded(.toNearestOrAwayFromZero)
        guard hundredths.isFinite, abs(hundredths) < 9e17 else {
            out.append(contentsOf: "\(value)".utf8)
            return
        }
        var units = Int64(hundredths)
        if units < 0 {
            out.append(0x2D)
            units = -units
        }
        append(Int(units / 100), to: &out)
        let fraction = units % 100
        if fraction != 0 {
            out.append(0x2E)
            out.append(0x30 + UInt8(fraction / 10))
            if fraction % 10 != 0 { out.append(0x30 + UInt8(fraction % 10)) }
        }
    }
}
