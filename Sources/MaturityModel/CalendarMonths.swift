extension CalendarDate {
    /// Whole months from `earlier` to this date: 12 from 2023-07-01 to 2024-07-01, 11 to 2024-06-30;
    /// negative when `earlier` is later.
    public func wholeMonths(since earlier: CalendarDate) -> Int {
        let months = (year - earlier.year) * 12 + (month - earlier.month)
        if months > 0 && day < earlier.day { return months - 1 }
        if months < 0 && day > earlier.day { return months + 1 }
        return months
    }
}
