import Foundation
import MaturityFramework
import MaturityModel
import MaturityRules
import TestSupport
import Testing

/// SeededRandom64, so that the property tests repeat exactly.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random day between 2018 and 2040.
func randomDate(using generator: inout SeededRandom) -> CalendarDate {
    CalendarDate(year: Int.random(in: 2018...2040, using: &generator), month: Int.random(in: 1...12, using: &generator),
                 day: Int.random(in: 1...28, using: &generator)) ?? CalendarDate(year: 2026, month: 1, day: 1)!
}

/// One random case of the target rule: a placement, a target, a date and 0 to 4 earlier placements.
struct TargetCase: CustomStringConvertible {
    var level: Int
    var targetLevel: Int
    var targetYear: Int
    var date: CalendarDate
    var history: [DatedLevel]

    init(using generator: inout SeededRandom) {
        let stages = Int.random(in: 1...5, using: &generator)
        level = Int.random(in: 0...stages, using: &generator)
        targetLevel = Int.random(in: 1...stages, using: &generator)
        let date = randomDate(using: &generator)
        self.date = date
        targetYear = date.year + Int.random(in: -3...8, using: &generator)
        history = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
            let years = Int.random(in: 0...6, using: &generator)
            let earlier = CalendarDate(year: date.year - years, month: Int.random(in: 1...12, using: &generator),
                                       day: Int.random(in: 1...28, using: &generator)) ?? date
            return DatedLevel(date: earlier, level: Int.random(in: 0...stages, using: &generator))
        }
    }

    func status(level: Int? = nil, targetYear: Int? = nil, history: [DatedLevel]? = nil) -> TargetStatus {
        TargetStatus.of(level: level ?? self.level, targetLevel: targetLevel, targetYear: targetYear ?? self.targetYear,
                        date: date, history: history ?? self.history)
    }

    var description: String {
        "level \(level), target \(targetLevel) by \(targetYear), on \(date), history \(history.map { "\($0.date)@\($0.level)" })"
    }
}

@Suite("Target status")
struct TargetStatusTests {
    static var cases: Int { 20_000 }

    func date(_ text: String) -> CalendarDate { CalendarDate(text) ?? CalendarDate(year: 2000, month: 1, day: 1)! }

    @Test func aStatutoryICSGainingAStageInTwoYearsIsOnTrackOnlyWhereHalfAStageAYearIsEnough() {
        // First assessed on 1 July 2023 not yet emerging, emerging on 1 July 2025: half a stage a year.
        let history = [DatedLevel(date: date("2023-07-01"), level: 0)]
        let pace = Pace(level: 1, date: date("2025-07-01"), history: history)
        #expect(pace.numerator * 2 == pace.denominator && !pace.isAssumed)
        // Expanding (3) by 2029: two stages in four years at half a stage a year.
        #expect(TargetStatus.of(level: 1, targetLevel: 3, targetYear: 2029, date: date("2025-07-01"), history: history) == .onTrack)
        // By 2028: two stages in three years is more than the pace gives.
        #expect(TargetStatus.of(level: 1, targetLevel: 3, targetYear: 2028, date: date("2025-07-01"), history: history) == .behind)
        // A day short of two years is 23 whole months: a little faster, still on track for 2029.
        #expect(TargetStatus.of(level: 1, targetLevel: 3, targetYear: 2029, date: date("2025-06-30"), history: history) == .onTrack)
    }

    @Test func theRuleReadsInTheFrameworksTerms() {
        let framework = seedFramework
        let target = Target(stageID: "established", year: 2027)
        #expect(target.phrase(in: framework) == "Established by 2027")
        #expect(target.level(in: framework) == 2)
        #expect(TargetStatus.of(level: 2, target: target, framework: framework, date: date("2026-11-22"), history: []) == .reached)
        #expect(TargetStatus.of(level: 1, target: target, framework: framework, date: date("2026-11-22"), history: []) == .onTrack)
        #expect(TargetStatus.of(level: 0, target: target, framework: framework, date: date("2026-11-22"), history: []) == .behind,
                "two stages in one year is more than a stage a year")
        #expect(TargetStatus.of(level: 1, target: target, framework: framework, date: date("2027-01-10"), history: []) == .behind,
                "the target year has come")
        #expect(TargetStatus.of(level: 1, target: nil, framework: framework, date: date("2026-11-22"), history: []) == nil)
        #expect(TargetStatus.of(level: 1, target: Target(stageID: "thriving", year: 2027), framework: framework,
                                date: date("2026-11-22"), history: []) == nil, "a stage the framework lacks")
        #expect(TargetStatus.allCases.map(\.rawValue) == ["reached", "on-track", "behind"])
        #expect(TargetStatus.onTrack.phrase == "on track")
        #expect(!TargetStatus.rule.contains("\n") && TargetStatus.rule.hasSuffix("on track."))
    }

    @Test func aPaceIsMeasuredOnlyOverAYearOrMoreAndCappedAtAStageAYear() {
        let now = date("2026-11-22")
        #expect(Pace(level: 1, date: now, history: []).isAssumed)
        #expect(Pace(level: 1, date: now, history: [DatedLevel(date: date("2025-11-23"), level: 1)]).isAssumed, "eleven months")
        let flat = Pace(level: 1, date: now, history: [DatedLevel(date: date("2025-11-22"), level: 1)])
        #expect(!flat.isAssumed && flat.numerator == 0 && flat.stagesPerYear == 0)
        let fast = Pace(level: 3, date: now, history: [DatedLevel(date: date("2025-11-22"), level: 0)])
        #expect(fast.numerator == fast.denominator, "three stages in a year count as one a year")
        let fallen = Pace(level: 0, date: now, history: [DatedLevel(date: date("2023-11-22"), level: 2)])
        #expect(fallen.numerator == 0 && fallen.denominator > 0)
        let later = Pace(level: 1, date: now, history: [DatedLevel(date: date("2027-11-22"), level: 0)])
        #expect(later.isAssumed, "assessments after this one are not history")
        // The earliest assessment counts, wherever it is in the list.
        let mixed = Pace(level: 2, date: now, history: [DatedLevel(date: date("2024-11-22"), level: 1),
                                                         DatedLevel(date: date("2022-11-22"), level: 0)])
        #expect(mixed.numerator * 2 == mixed.denominator)
        // Absurd levels and years do not trap.
        #expect(TargetStatus.of(level: Int.min, targetLevel: Int.max, targetYear: Int.min, date: now,
                                history: [DatedLevel(date: date("2020-01-01"), level: Int.max)]) == .behind)
        #expect(TargetStatus.of(level: Int.max, targetLevel: 1, targetYear: Int.max, date: now, history: []) == .reached)
        _ = Pace(level: Int.max, date: now, history: [DatedLevel(date: date("2020-01-01"), level: Int.min)])
    }

    @Test func aTargetAlreadyMetIsAlwaysReachedAndOnlyThen() {
        var generator = SeededRandom(seed: 14)
        for _ in 0..<Self.cases {
            let sample = TargetCase(using: &generator)
            #expect((sample.status() == .reached) == (sample.level >= sample.targetLevel), "\(sample)")
        }
        CampaignReport.record("Target status: reached exactly when placed at or above the target", cases: Self.cases,
                              how: "random placements, targets, dates and histories")
    }

    @Test func raisingThePlacementNeverMakesTheStatusWorse() {
        var generator = SeededRandom(seed: 2027)
        for _ in 0..<Self.cases {
            let sample = TargetCase(using: &generator)
            let higher = sample.level + Int.random(in: 1...3, using: &generator)
            #expect(sample.status(level: higher).rank >= sample.status().rank, "\(sample) raised to \(higher)")
        }
        CampaignReport.record("Target status: a higher placement is never worse", cases: Self.cases,
                              how: "random cases, the placement raised 1 to 3 stages")
    }

    @Test func movingTheTargetYearLaterNeverMakesTheStatusWorse() {
        var generator = SeededRandom(seed: 2028)
        for _ in 0..<Self.cases {
            let sample = TargetCase(using: &generator)
            let later = sample.targetYear + Int.random(in: 1...5, using: &generator)
            #expect(sample.status(targetYear: later).rank >= sample.status().rank, "\(sample) moved to \(later)")
        }
        CampaignReport.record("Target status: a later target year is never worse", cases: Self.cases,
                              how: "random cases, the target year moved 1 to 5 years later")
    }

    @Test func aLowerStartingPointNeverMakesTheStatusWorse() {
        var generator = SeededRandom(seed: 2029)
        for _ in 0..<Self.cases {
            let sample = TargetCase(using: &generator)
            let lowered = sample.history.map { DatedLevel(date: $0.date, level: max(0, $0.level - 1)) }
            #expect(sample.status(history: lowered).rank >= sample.status().rank, "\(sample) with history lowered")
        }
    }

    @Test func aTargetYearComeOrTooFewYearsLeftIsAlwaysBehind() {
        var generator = SeededRandom(seed: 2030)
        var seen = 0
        for _ in 0..<Self.cases {
            let sample = TargetCase(using: &generator)
            guard sample.level < sample.targetLevel else { continue }
            let yearsLeft = sample.targetYear - sample.date.year
            if yearsLeft <= 0 || sample.targetLevel - sample.level > yearsLeft {
                seen += 1
                #expect(sample.status() == .behind, "\(sample)")
            }
        }
        #expect(seen > Self.cases / 10)
        CampaignReport.record("Target status: behind when the year has come or more stages than years remain", cases: seen,
                              how: "random cases below their target")
    }

    @Test func theStatusAgreesWithTheRuleWorkedInFractions() {
        var generator = SeededRandom(seed: 2031)
        var onTrack = 0, behind = 0
        for _ in 0..<Self.cases {
            let sample = TargetCase(using: &generator)
            guard sample.level < sample.targetLevel else { continue }
            // The rule as its sentence says it, in floating point, away from exact ties.
            let first = sample.history.filter { $0.date <= sample.date }.min { $0.date < $1.date }
            let months = first.map { sample.date.wholeMonths(since: $0.date) } ?? 0
            let pace: Double = if let first, months >= 12 {
                min(1, Double(max(0, sample.level - first.level)) / (Double(months) / 12))
            } else { 1 }
            let yearsLeft = Double(sample.targetYear - sample.date.year)
            let needed = Double(sample.targetLevel - sample.level)
            guard abs(needed - pace * yearsLeft) > 1e-9 else { continue }
            let expected: TargetStatus = yearsLeft <= 0 || needed > pace * yearsLeft ? .behind : .onTrack
            let ties = sample.history.filter { $0.date == first?.date }.map(\.level)
            guard Set(ties).count <= 1 else { continue }
            #expect(sample.status() == expected, "\(sample): pace \(pace)")
            if expected == .onTrack { onTrack += 1 } else { behind += 1 }
        }
        #expect(onTrack > 1000 && behind > 1000)
        CampaignReport.record("Target status: on track or behind as the rule's sentence works it", cases: onTrack + behind,
                              how: "random cases below target against a floating-point reading of the rule")
    }
}

@Suite("Target status of an assessment's area")
struct AssessmentTargetStatusTests {
    @Test func theStatusComesFromTheAnswersAndTheSystemsEarlierAssessments() throws {
        let framework = seedFramework
        let area = try #require(framework.area(id: "economic-development"))
        let emerging = Dictionary(uniqueKeysWithValues: area.criteria(atStage: "emerging").map { ($0.id, Answer.yes) })
        // 2023: nothing in place; 2025: emerging. Half a stage a year.
        let first = Assessment(starting: framework, system: "Humber ICS", date: CalendarDate("2023-11-20")!)
        var now = Assessment(starting: framework, system: "Humber ICS", date: CalendarDate("2025-11-20")!)
        now[area: area.id].answers = emerging
        #expect(now.targetStatus(of: area, in: framework, earlier: [first]) == nil, "no target")
        now[area: area.id].target = Target(stageID: "expanding", year: 2029)
        #expect(now.targetStatus(of: area, in: framework, earlier: [first]) == .onTrack)
        now[area: area.id].target = Target(stageID: "expanding", year: 2028)
        #expect(now.targetStatus(of: area, in: framework, earlier: [first]) == .behind)
        #expect(now.targetStatus(of: area, in: framework, earlier: []) == .onTrack, "a stage a year assumed without history")
        now[area: area.id].target = Target(stageID: "emerging", year: 2026)
        #expect(now.targetStatus(of: area, in: framework, earlier: [first]) == .reached)
        // An earlier assessment that did not assess the area is no history for it.
        var without = first
        without.areas.removeAll { $0.id == area.id }
        now[area: area.id].target = Target(stageID: "expanding", year: 2028)
        #expect(now.targetStatus(of: area, in: framework, earlier: [without]) == .onTrack)
    }
}
