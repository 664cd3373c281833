/// PDF header versions ("1.4", "1.7", "2.0"), compared as numbers.
enum PDFVersion {
    /// The highest of `versions`, or "1.4" (transparency groups, which cairo uses) if none is higher.
    static func highest(_ versions: [String]) -> String {
        var best = (major: 1, minor: 4)
        for version in versions {
            let parts = version.split(separator: ".").map { Int($0) }
            guard parts.count == 2, let major = parts[0], let minor = parts[1] else { continue }
            if (major, minor) > best { best = (major, minor) }
        }
        return "\(best.major).\(best.minor)"
    }
}
