/// The system's age, which the framework's stage ages (emerging under two years, established three to
/// five, expanding six to ten) are measured against.
extension CalendarDate {
    /// Days since 1970-01-01 in the proleptic Gregorian calendar (negative before it).
    public var dayNumber: Int {
        // Howard Hinnant's days-from-civil algorithm.
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whole years from `earlier` to this date, as an age is counted (a birthday on 29 February is
    /// reached on 1 March in other years); nil when `earlier` is later.
    public func wholeYears(since earlier: CalendarDate) -> Int? {
        guard earlier <= self else { return nil }
        let beforeAnniversary = (month, day) < (earlier.month, earlier.day)
        return year - earlier.year - (beforeAnniversary ? 1 : 0)
    }
}

extension Assessment {
    /// The system's age on the assessment's date, in years to one decimal (days / 365.25); nil when its
    /// established date is not recorded or is after the assessment.
    public var systemAgeYears: Double? {
        guard let established, established <= date else { return nil }
        let years = Double(date.dayNumber - established.dayNumber) / 365.25
        return (years * 10).rounded() / 10
    }
}
