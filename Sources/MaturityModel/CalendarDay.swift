extension CalendarDate {
    /// Days since 1 January of year 1 in the proleptic Gregorian calendar (that day is 0), so that
    /// the days between two dates are a subtraction.
    var dayNumber: Int {
        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let previous = year - 1
        let leapDays = previous / 4 - previous / 100 + previous / 400
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return previous * 365 + leapDays + cumulative[month - 1] + (isLeap && month > 2 ? 1 : 0) + day - 1
    }

    /// Days from `earlier` to this date: positive when `earlier` is before it.
    public func days(since earlier: CalendarDate) -> Int {
        dayNumber - earlier.dayNumber
    }
}
