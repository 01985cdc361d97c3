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
