extension Planner {
    /// A manager's team over several pages: each part as many reports as fit, each drawn
    /// two levels deep where that fits and one level deep where not. Empty when splitting
    /// makes no fewer pages than `whole` (a page one level deep that fits, each of its
    /// references a page of its own).
    mutating func split(_ root: Int?, whole: (references: [Int], reports: [Int]?)?) throws -> [(references: [Int], reports: [Int]?)] {
        guard let root else { return [] }
        let reports = directReports(root)
        guard reports.count > 1 else { return [] }
        var parts: [(references: [Int], reports: [Int]?)] = []
        var start = 0
        while start < reports.count {
            var chosen: (levels: Int, count: Int)?
            for levels in [2, 1] {
                if let count = try most(of: reports, from: start, under: root, levels: levels) {
                    chosen = (levels, count)
                    break
                }
            }
            // One report that fits at no depth: alone on its page, as small as it goes.
            let (levels, count) = chosen ?? (1, 1)
            let slice = Array(reports[start..<min(reports.count, start + count)])
            parts.append((references(root, levels: levels, reports: Set(slice)), slice))
            start += count
            // Already no fewer pages than the whole: the rest need not be tried.
            if let whole, parts.reduce(0, { $0 + 1 + $1.references.count }) >= 1 + whole.references.count { return [] }
        }
        // Each reference is a page at least: split only when that makes fewer pages.
        if let whole {
            let wholePages = 1 + whole.references.count
            let splitPages = parts.reduce(0) { $0 + 1 + $1.references.count }
            if splitPages >= wholePages { return [] }
        }
        return parts
    }

    /// How many of `reports`, from `start` on, fit on one page drawn `levels` deep: the
    /// most that fit where one more does not. Nil when not even one fits.
    ///
    /// The first guess is as many reports as make a widest row of as many boxes as the
    /// middle one of the last few full parts had (a row of boxes is what fills a page's
    /// width, and reports' branches differ more in width than full pages do), counted
    /// without laying anything out; before any part is full, it is one report. So most
    /// parts take two trials: the guess and one more, or the guess and one fewer. From the
    /// guess the count moves by steps of 1, 1, 2, 4, … until it crosses the floor, then
    /// closes in between the two. Every count is laid out for real, and the search ends
    /// only between a count that fits and the next that does not.
    mutating func most(of reports: [Int], from start: Int, under root: Int, levels: Int) throws -> Int? {
        let remaining = reports.count - start
        var reaches: [Int: Double] = [:]
        // Each count's trial, its options and widest row found once: the guess, the trial
        // itself and the part's record all ask (no branch is planned meanwhile, so they
        // stay the same).
        var trials: [Int: (references: [Int], options: ChartOptions, widest: Int?)] = [:]
        func trial(_ count: Int) -> (references: [Int], options: ChartOptions, widest: Int?) {
            if let known = trials[count] { return known }
            let part = Array(reports[start..<(start + count)])
            let cut = references(root, levels: levels, reports: Set(part))
            let (options, spec) = trialOptions(root, references: cut, reports: part)
            let found = (cut, options, widestRow(options, spec))
            trials[count] = found
            return found
        }
        func widest(_ count: Int) -> Int? { trial(count).widest }
        func fitsCount(_ count: Int) throws -> Bool {
            let known = trial(count)
            let reach = try self.reach(
                root, references: known.references, reports: Array(reports[start..<(start + count)]), options: known.options,
                widest: known.widest)
            reaches[count] = reach
            return reach >= print.floor
        }
        let guess: Int
        if let boxes = Self.typical(fullBoxes[levels] ?? []) {
            // The most reports whose widest row is no wider (rows grow with reports).
            var low = 1
            var high = remaining
            while low < high {
                let middle = (low + high + 1) / 2
                if let found = widest(middle), found <= boxes { low = middle } else { high = middle - 1 }
            }
            guess = low
        } else {
            guess = 1
        }
        var fitted = 0
        var failed = remaining + 1
        // Steps of 1, 1, 2, 4, …: the count is most often the guess or next to it.
        var steps = [1, 1]
        func step() -> Int {
            if steps.count < 64 { steps.append(steps[steps.count - 1] * 2) }
            return steps.removeFirst()
        }
        if try fitsCount(guess) {
            fitted = guess
            while failed > remaining && fitted < remaining {
                let probe = min(fitted + step(), remaining)
                if try fitsCount(probe) { fitted = probe } else { failed = probe }
            }
        } else {
            failed = guess
            while fitted == 0 && failed > 1 {
                let probe = max(failed - step(), 1)
                if try fitsCount(probe) { fitted = probe } else { failed = probe }
            }
            guard fitted > 0 else { return nil }
        }
        while fitted + 1 < failed {
            let probe = Self.between(fitted, failed, reaches: reaches, floor: print.floor)
            if try fitsCount(probe) { fitted = probe } else { failed = probe }
        }
        // A part that took all that remained says nothing of how many fit.
        if failed <= remaining {
            if let boxes = widest(fitted) { fullBoxes[levels] = Array(((fullBoxes[levels] ?? []) + [boxes]).suffix(5)) }
        }
        return fitted
    }

    /// The middle of the last few full parts' counts (the lower of the two middle ones):
    /// one team of unusual boxes does not move the next guess far.
    static func typical(_ counts: [Int]) -> Int? {
        guard !counts.isEmpty else { return nil }
        return counts.sorted()[(counts.count - 1) / 2]
    }

    /// The count to try strictly between `fitted` (fits) and `failed` (does not): where
    /// the line through their sizes (the inverse of their reach) meets the floor, as a page
    /// grows about evenly with its reports; halfway where there is no such line (a page not
    /// laid out, or no larger for more reports).
    static func between(_ fitted: Int, _ failed: Int, reaches: [Int: Double], floor: Double) -> Int {
        let half = (fitted + failed) / 2
        guard let low = reaches[fitted], let high = reaches[failed], low > 0, high > 0 else { return half }
        let slope = (1 / high - 1 / low) / Double(failed - fitted)
        guard slope > 0, slope.isFinite else { return half }
        let steps = ((1 / floor - 1 / low) / slope).rounded(.down)
        return Int(min(max(Double(fitted) + steps, Double(fitted + 1)), Double(failed - 1)))
    }
}
