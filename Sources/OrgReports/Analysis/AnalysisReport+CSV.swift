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
    public func csvBytes() -> [UInt8] { Array(csvParts().joined()) }

    /// The CSV in parts: the header, then the rows in one or two parts.
    func csvParts() -> [[UInt8]] {
        [Array((Self.csvColumns.joined(separator: ",") + "\n").utf8)] + rows()
    }

    /// The CSV rows of all posts, in one or two parts (see `perPostBytes`).
    private func rows() -> [[UInt8]] {
        let index = analysis.index
        let posts = index.posts
        let remits = analysis.remits
        return perPostBytes(reserving: 40) { position, out in
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

    /// The bytes `write` appends for each post, in file order: one part, or from 10,000
    /// posts two halves written side by side (joined in order, they are the same bytes).
    /// Each part reserves `reserving` bytes a post.
    func perPostBytes(reserving bytesPerPost: Int, _ write: (_ position: Int, _ out: inout [UInt8]) -> Void) -> [[UInt8]] {
        let count = analysis.index.posts.count
        func part(_ positions: Range<Int>) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(positions.count * bytesPerPost)
            for position in positions { write(position, &out) }
            return out
        }
        guard count >= 10_000 else { return [part(0..<count)] }
        return ParallelWork.map(2) { half in part(half == 0 ? 0..<(count / 2) : (count / 2)..<count) }
    }

    public func csv() -> String { String(decoding: csvBytes(), as: UTF8.self) }
}

/// Appends whole numbers to a byte buffer without building intermediate strings (text
/// cells go through `CSVText.append`).
enum CSVCell {
    static func append(_ value: Int, to out: inout [UInt8]) {
        if value < 0 {
            out.append(0x2D)
            append(UInt64(-value), to: &out)
        } else {
            append(UInt64(value), to: &out)
        }
    }

    static func append(_ value: UInt64, to out: inout [UInt8]) {
        if value < 10 {
            out.append(0x30 + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            while count > 0 {
                count -= 1
                out.append(buffer[count])
            }
        }
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
        append(UInt64(units / 100), to: &out)
        let fraction = units % 100
        if fraction != 0 {
            out.append(0x2E)
            out.append(0x30 + UInt8(fraction / 10))
            if fraction % 10 != 0 { out.append(0x30 + UInt8(fraction % 10)) }
        }
    }
}
