import Testing
import TestSupport
import MaturityFramework
import MaturityModel
import BuiltInFrameworks

private func date(fromDayNumber number: Int) -> CalendarDate? {
    let z = number + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return CalendarDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
}

/// The `years`-th anniversary of `date`; 29 February's falls on 1 March in a common year.
private func anniversary(_ date: CalendarDate, _ years: Int) -> CalendarDate? {
    CalendarDate(year: date.year + years, month: date.month, day: date.day)
        ?? CalendarDate(year: date.year + years, month: 3, day: 1)
}

@Suite("A system's age from its established date")
struct SystemAgeTests {
    let framework = FrameworkCatalog(userFolder: nil).framework(id: "ics-social-economic-development")

    @Test func theStatutoryDateAndItsBoundaries() throws {
        let framework = try #require(framework)
        let statutory = SystemAge.icsStatutoryDate
        #expect(statutory.description == "2022-07-01")
        let expected: [(String, Int, String)] = [
            ("2022-07-01", 0, "emerging"), ("2024-06-30", 1, "emerging"), ("2024-07-01", 2, "emerging"),
            ("2025-06-30", 2, "emerging"), ("2025-07-01", 3, "established"), ("2026-11-24", 4, "established"),
            ("2028-06-30", 5, "established"), ("2028-07-01", 6, "expanding"), ("2033-06-30", 10, "expanding"),
            ("2033-07-01", 11, "expanding"),
        ]
        for (day, years, stage) in expected {
            let reference = try #require(CalendarDate(day))
            #expect(SystemAge.completedYears(from: statutory, to: reference) == years, "\(day)")
            #expect(framework.typicalStage(established: statutory, on: reference)?.stage.id == stage, "\(day)")
        }
        let today = try #require(CalendarDate("2026-11-24"))
        #expect(framework.typicalStage(established: statutory, on: today)?.text == "typical for a system of 4 years: established")
    }

    @Test func anUnknownOrFutureDateGivesNoTypicalStage() throws {
        let framework = try #require(framework)
        let reference = try #require(CalendarDate("2026-11-24"))
        #expect(framework.typicalStage(established: nil, on: reference) == nil)
        let tomorrow = try #require(CalendarDate("2026-11-25"))
        #expect(SystemAge.completedYears(from: tomorrow, to: reference) == nil)
        #expect(framework.typicalStage(established: tomorrow, on: reference) == nil)
        let charter = try #require(FrameworkCatalog(userFolder: nil).framework(id: "anchor-institution-charter"))
        #expect(charter.typicalStage(established: SystemAge.icsStatutoryDate, on: reference) == nil)
    }

    /// Random pairs of days from 1990 to 2060 against counting anniversaries one by one; and on
    /// the day before each anniversary the age is one less than on the day itself.
    @Test func completedYearsMatchCountedAnniversaries() throws {
        var random = Mutator(seed: 2022_07_01, fragments: [])
        let start = try #require(CalendarDate("1990-01-01")).dayNumber
        let span = try #require(CalendarDate("2060-12-31")).dayNumber - start
        var cases = 0
        for _ in 0..<20_000 {
            let established = try #require(date(fromDayNumber: start + random.next(span)))
            let reference = try #require(date(fromDayNumber: start + random.next(span)))
            var counted = 0
            while let next = anniversary(established, counted + 1), next <= reference { counted += 1 }
            #expect(SystemAge.completedYears(from: established, to: reference) == (reference < established ? nil : counted),
                    "\(established) \(reference)")
            let years = random.next(15)
            let day = try #require(anniversary(established, years))
            let before = try #require(date(fromDayNumber: day.dayNumber - 1))
            #expect(SystemAge.completedYears(from: established, to: day) == years, "\(established) \(day)")
            if years > 0 { #expect(SystemAge.completedYears(from: established, to: before) == years - 1, "\(established) \(before)") }
            cases += 2
        }
        #expect(SystemAge.completedYears(from: try #require(CalendarDate("2024-02-29")), to: try #require(CalendarDate("2025-02-28"))) == 0)
        #expect(SystemAge.completedYears(from: try #require(CalendarDate("2024-02-29")), to: try #require(CalendarDate("2025-03-01"))) == 1)
        #expect(SystemAge.completedYears(from: try #require(CalendarDate("2024-02-29")), to: try #require(CalendarDate("2028-02-29"))) == 4)
        CampaignReport.record("System age from dates: random day pairs", cases: cases,
                              how: "1990 to 2060, against anniversaries counted one by one, and the day before each anniversary")
    }
}
