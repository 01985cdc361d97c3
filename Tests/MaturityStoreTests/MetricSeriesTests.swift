import Foundation
import MaturityFramework
import MaturityModel
import TestSupport
import Testing

@Suite("Metric readings and series")
struct MetricSeriesTests {
    func value(_ text: String) -> ExactDecimal {
        (try? ExactDecimal.parse(text)) ?? ExactDecimal(units: 0, scale: 0)!
    }

    func reading(_ text: String, unit: String = "tCO2e") -> MetricReading {
        MetricReading(metricID: "carbon-footprint", value: value(text), unit: unit, period: "2025/26", source: "ICB annual report")
    }

    func assessment(_ date: String, _ readings: [MetricReading]) -> Assessment {
        var assessment = Assessment(starting: seedFramework, system: "Humber ICS", date: CalendarDate(date)!)
        assessment.metrics = readings
        return assessment
    }

    @Test func aSeriesGivesEachYearsChangeExactlyAndWhichWayIsBetter() {
        let years = [assessment("2026-11-20", [reading("39,750.25")]), assessment("2024-11-20", [reading("41,200")]),
                     assessment("2025-11-20", [reading("40,000.50")]), assessment("2027-11-20", [])]
        let lower = MetricSeries(metricID: "carbon-footprint", higherIsBetter: false, assessments: years)
        #expect(lower.points.map(\.date.description) == ["2024-11-20", "2025-11-20", "2026-11-20", "2027-11-20"])
        #expect(lower.changes.map { $0?.difference.description } == ["-1199.50", "-250.25", nil])
        #expect(lower.changes.map { $0?.direction } == [.better, .better, nil])
        let higher = MetricSeries(metricID: "carbon-footprint", higherIsBetter: true, assessments: years)
        #expect(higher.changes.map { $0?.direction } == [.worse, .worse, nil])
        #expect(higher.latest.reading == nil && higher.latest.change == nil)
        let same = MetricSeries(metricID: "carbon-footprint", higherIsBetter: true,
                                assessments: [assessment("2024-11-20", [reading("12.5")]), assessment("2025-11-20", [reading("12.50")])])
        #expect(same.changes.first??.direction == .unchanged && same.changes.first??.difference.description == "0.00")
        #expect(same.latest.reading?.value.description == "12.50")
    }

    @Test func noChangeIsGivenAcrossDifferentUnitsOrAMissingYear() {
        let series = MetricSeries(metricID: "carbon-footprint", higherIsBetter: false, assessments: [
            assessment("2024-11-20", [reading("41200")]), assessment("2025-11-20", [reading("41.2", unit: "ktCO2e")]),
            assessment("2026-11-20", [reading("40")]), assessment("2027-11-20", [reading("1", unit: "ktCO2e")]),
        ])
        #expect(series.changes.map { $0 == nil } == [true, true, true])
        let other = MetricSeries(metricID: "fleet-size", higherIsBetter: false, assessments: [assessment("2024-11-20", [reading("1")])])
        #expect(other.points.count == 1 && other.points[0].reading == nil && other.changes.isEmpty)
        #expect(MetricSeries(metricID: "x", higherIsBetter: true, assessments: []).changes.isEmpty)
    }

    @Test func directionFollowsTheSignAndWhetherHigherIsBetter() {
        #expect(MetricDirection(change: 1, higherIsBetter: true) == .better)
        #expect(MetricDirection(change: -1, higherIsBetter: true) == .worse)
        #expect(MetricDirection(change: 1, higherIsBetter: false) == .worse)
        #expect(MetricDirection(change: -1, higherIsBetter: false) == .better)
        #expect(MetricDirection(change: 0, higherIsBetter: false) == .unchanged)
    }

    @Test func randomSeriesChangesAddUpToTheWholeChange() {
        var generator = SeededRandom(seed: 2026)
        let cases = 2_000
        for _ in 0..<cases {
            let count = Int.random(in: 2...8, using: &generator)
            let higherIsBetter = Bool.random(using: &generator)
            let points = (0..<count).map { index in
                MetricSeries.Point(date: CalendarDate(year: 2020 + index, month: 11, day: 20)!, reading: reading(
                    ExactDecimal(units: Int128(Int64.random(in: -999_999_999_999...999_999_999_999, using: &generator)),
                                 scale: Int.random(in: 0...ExactDecimal.maximumScale, using: &generator))!.description))
            }
            let series = MetricSeries(metricID: "carbon-footprint", higherIsBetter: higherIsBetter, points: points.shuffled(using: &generator))
            #expect(series.points == points, "put back in date order")
            let changes = series.changes.compactMap { $0 }
            #expect(changes.count == count - 1)
            // Adding every change to the first value gives the last, exactly.
            var running = points[0].reading!.value
            for change in changes {
                running = running.subtracting(ExactDecimal(units: -change.difference.units, scale: change.difference.scale)!)!
                let improved = (change.difference.signum > 0) == higherIsBetter
                #expect(change.direction == (change.difference.signum == 0 ? .unchanged : improved ? .better : .worse))
            }
            #expect(running.isNumericallyEqual(to: points[count - 1].reading!.value))
        }
        CampaignReport.record("Metric series: random yearly values, changes exact and judged by higher-is-better", cases: cases,
                              how: "changes summed back to the last value")
    }
}
