import Foundation

/// References that stand for no post of their own, which published files and extracts
/// put where a post's reference belongs.
enum PlaceholderReference {
    /// Zeros, or words such as `Awaiting_Recruitment_Action`, `Vacant`, `TBC`, `N/A`.
    static func isPlaceholder(_ reference: String) -> Bool {
        let text = reference.trimmingBlanks().lowercased()
        if !text.isEmpty, text.allSatisfy({ $0 == "0" }) { return true }
        if ["-", "n/a", "na", "tbc", "tba", "none", "nil", "unknown", "n/d", "nd"].contains(text) { return true }
        let words = text.replacingOccurrences(of: "_", with: " ")
        return ["awaiting", "recruit", "vacan", "not in post"].contains { words.contains($0) }
    }
}
