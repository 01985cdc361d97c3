import MaturityFramework

/// A system's age, measured from the day it was established to a reference day (usually the
/// assessment's date), for the framework's typical stage by age.
public enum SystemAge {
    /// The day integrated care systems became statutory in England: 1 July 2022 (Health and Care Act
    /// 2022). A sensible suggestion for a system's established date, never assumed silently.
    public static let icsStatutoryDate = CalendarDate(knownValid: 2022, 7, 1)

    /// Completed years from `established` to `reference`, as a person's age is counted: a year is
    /// complete on the anniversary (29 February's falls on 1 March in other years). Nil when
    /// `reference` is before `established`.
    public static func completedYears(from established: CalendarDate, to reference: CalendarDate) -> Int? {
        guard established <= reference else { return nil }
        var years = reference.year - established.year
        if (reference.month, reference.day) < (established.month, established.day) { years -= 1 }
        return years
    }
}

extension Framework {
    /// The framework's typical stage for a system established on `established`, as of `reference`; nil
    /// when the date is unknown, after `reference`, or the framework gives its stages no ages.
    public func typicalStage(established: CalendarDate?, on reference: CalendarDate) -> TypicalStage? {
        guard let established else { return nil }
        return typicalStage(forAgeInYears: SystemAge.completedYears(from: established, to: reference))
    }
}

extension CalendarDate {
    /// A date the code itself names and knows to exist (no input reaches it), without a failable init.
    fileprivate init(knownValid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}

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
}

extension Assessment {
    /// The system's age on the assessment's date, in years to one decimal (days / 365.25); nil when its
    /// established date is not recorded or is after the assessment.
    public var systemAgeYears: Double? {
        guard let established, established <= date else { return nil }
        let years = Double(date.dayNumber - established.dayNumber) / 365.25
        return (years * 10).rounded() / 10
    }

    /// The framework's typical stage for the system's age on the assessment's date (see
    /// ``Framework/typicalStage(established:on:)``); nil when the established date is not recorded.
    public func typicalStage(in framework: Framework) -> TypicalStage? {
        framework.typicalStage(established: established, on: date)
    }
}
