import Foundation
import OrgAnalysis
import OrgModel
import OrgSupport

/// How the key differences word posts, costs and changes of figures.
extension ComparisonReport {
    static func title(_ current: Structure, _ proposed: Structure) -> String {
        let before = current.name ?? current.source.map { ($0 as NSString).lastPathComponent } ?? "current"
        let after = proposed.name ?? proposed.source.map { ($0 as NSString).lastPathComponent } ?? "proposed"
        return before == after ? "\(before), current → proposed" : "\(before) → \(after)"
    }

    static func describe(_ structure: Structure, file: String?) -> String {
        var parts: [String] = []
        if let file { parts.append(file) }
        var details: [String] = []
        if let state = structure.state { details.append(state.rawValue) }
        if let effective = structure.effective { details.append("effective \(effective)") }
        if !details.isEmpty { parts.append("(\(details.joined(separator: ", ")))") }
        return parts.isEmpty ? "—" : parts.joined(separator: " ")
    }

    /// "SM-NEW (replaces SM-OLD)" for a post matched through `replaces`, else the id.
    static func idText(_ change: PostChange) -> String {
        if change.matchedByReplacement, let old = change.current?.id, let new = change.proposed?.id, old != new {
            return "\(new) (replaces \(old))"
        }
        return change.id.rawValue
    }

    static func costText(_ cost: Double?) -> String { cost.map(Figures.pounds) ?? "unknown" }

    static func fteText(_ post: Post, _ costing: PostCosting) -> String { Figures.decimal(costing.fte(of: post)) }

    static func arrow(_ before: String, _ after: String) -> String { before == after ? before : "\(before) → \(after)" }

    static func arrow(_ before: Int, _ after: Int) -> String {
        before == after
            ? Figures.grouped(before) : "\(Figures.grouped(before)) → \(Figures.grouped(after)) (\(Figures.signed(after - before)))"
    }

    static func arrow(_ before: Double, _ after: Double) -> String {
        let a = Figures.decimal(before)
        let b = Figures.decimal(after)
        // The change of the figures as printed, so that the three always agree.
        return a == b ? a : "\(a) → \(b) (\(Figures.signedDecimal(rounded(after, 2) - rounded(before, 2))))"
    }

    /// `value` to `places` decimal places, rounded as `Figures.decimal` rounds it.
    static func rounded(_ value: Double, _ places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}
