import Foundation
import MaturityModel
import Testing
@testable import MaturityStore

/// The system's established date: days and years counted, kept in the file, carried forward.
@Suite("The system's established date")
struct EstablishedDateTests {
    @Test func dayNumbersAreCountedAsTheCalendarHasThem() {
        #expect(CalendarDate("1970-01-01")!.dayNumber == 0)
        #expect(CalendarDate("2000-03-01")!.dayNumber == 11_017)
        #expect(CalendarDate("2022-07-01")!.dayNumber == 19_174)
        #expect(CalendarDate("1969-12-31")!.dayNumber == -1)
        // Consecutive days, across month, leap-year and century ends, are one apart.
        for years in [1899...1901, 1999...2001, 2023...2025] {
            var previous: Int?
            for year in years {
                for month in 1...12 {
                    for day in 1...31 {
                        guard let date = CalendarDate(year: year, month: month, day: day) else { continue }
                        if let previous { #expect(date.dayNumber == previous + 1, "\(date)") }
                        previous = date.dayNumber
                    }
                }
            }
        }
    }

    @Test func theAgeIsInYearsToOneDecimalAndAbsentWhenUnknown() {
        var assessment = sampleAssessment(date: "2026-11-24")
        #expect(assessment.systemAgeYears == nil)
        assessment.established = CalendarDate("2022-07-01")
        #expect(assessment.systemAgeYears == 4.4)
        assessment.established = CalendarDate("2026-11-24")
        #expect(assessment.systemAgeYears == 0)
        assessment.established = CalendarDate("2027-01-01")
        #expect(assessment.systemAgeYears == nil)
    }

    @Test func theEstablishedDateIsKeptAtSchemaTwoCarriedForwardAndCheckedOnReading() throws {
        var assessment = sampleAssessment(date: "2026-11-24")
        assessment.established = CalendarDate("2022-07-01")
        let data = try AssessmentFile.encode(assessment, framework: seedFramework)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"established\" : \"2022-07-01\",") && text.contains("\"schemaVersion\" : 2,"))
        #expect(try AssessmentFile.decode(data).established == CalendarDate("2022-07-01"))
        let next = Assessment(carryingForward: assessment, file: "x.json", framework: seedFramework,
                              date: CalendarDate("2027-11-24")!, participants: [])
        #expect(next.established == CalendarDate("2022-07-01"))
        let later = text.replacingOccurrences(of: "\"established\" : \"2022-07-01\"", with: "\"established\" : \"2027-01-01\"")
        #expect {
            try AssessmentFile.decode(Data(later.utf8))
        } throws: { error in
            "\(error)".contains("established: 2027-01-01 is after the assessment's date 2026-11-24")
        }
    }

    @Test func aTargetIsKeptAtSchemaTwoAndABadOneIsOneClearLine() throws {
        var assessment = sampleAssessment(date: "2026-11-24")
        assessment[area: "climate-change"].target = Target(stageID: "established", year: 2028)
        let data = try AssessmentFile.encode(assessment, framework: seedFramework)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"target\" : {\n        \"by\" : 2028,\n        \"stage\" : \"established\"\n      },"))
        #expect(text.contains("\"schemaVersion\" : 2,"))
        #expect(try AssessmentFile.decode(data)[area: "climate-change"].target == Target(stageID: "established", year: 2028))
        for (bad, message) in [("\"by\" : 28", "areas.climate-change.target.by: 28 is not a year written with four digits"),
                               ("\"stage\" : \" \"", "areas.climate-change.target.stage: must not be empty")] {
            let good = bad.hasPrefix("\"by\"") ? "\"by\" : 2028" : "\"stage\" : \"established\""
            let changed = text.replacingOccurrences(of: good, with: bad)
            #expect(throws: AssessmentFileError.self) { try AssessmentFile.decode(Data(changed.utf8)) }
            do { _ = try AssessmentFile.decode(Data(changed.utf8)) } catch { #expect("\(error)".contains(message), "\(error)") }
        }
    }
}
