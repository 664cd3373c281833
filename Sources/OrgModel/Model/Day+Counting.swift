extension Day {
    /// Days since 1 January 1970 in the proleptic Gregorian calendar (negative before),
    /// so that two days can be counted apart without `Date` and its time zones.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil: years run March to February, so the leap day
        // falls at the end of a year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    public func days(until later: Day) -> Int { later.daysSinceEpoch - daysSinceEpoch }
}
