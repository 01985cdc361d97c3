import Foundation
import MaturityFramework
import MaturityModel
import Testing
import TestSupport
@testable import MaturityReports

@Suite("compare and rollup: which assessment, the distribution and the movement")
struct SystemsMatrixTests {
    typealias F = CompareFixture

    @Test func eachSystemsLatestCompleteSystemLevelAssessmentOfTheYear() throws {
        let matrix = F.matrix
        #expect(matrix.rows.map(\.system.id) == ["evil", "formula", "humber", "older", "west-yorkshire-ics"]
                || matrix.rows.map(\.system.id) == ["formula", "evil", "humber", "older", "west-yorkshire-ics"])
        let west = try #require(matrix.rows.first { $0.system.id == "west-yorkshire-ics" })
        #expect(west.current.date.description == "2026-11-20", "not the later draft, nor the later place-level assessment")
        #expect(west.previous?.date.description == "2025-11-20")
        #expect(west.changes == [.up, .same, .up])
        let humber = try #require(matrix.rows.first { $0.system.id == "humber" })
        #expect(humber.changes == [.down, .same, .up])
        let formula = try #require(matrix.rows.first { $0.system.id == "formula" })
        #expect(formula.previous == nil, "2024 is not the year before 2026")
        #expect(formula.changes == [.new, .new, .new])
        #expect(matrix.leftOut.map(\.system.id) == ["drafty", "other"])
        #expect(matrix.leftOut.last?.otherFramework?.id == "another-framework")
        #expect(matrix.leftOut.first?.otherFramework == nil)
    }

    @Test func anotherVersionIsComparedWhereItsAreasMatchAndMarkedWhereNot() throws {
        let matrix = F.matrix
        let older = try #require(matrix.rows.first { $0.system.id == "older" })
        #expect(matrix.level(older, area: 0) == AreaLevel(level: 2, isProvisional: false))
        #expect(matrix.level(older, area: 2) == nil)
        #expect(older.changes == [.up, .same, nil])
        #expect(matrix.distribution[2].notCompared == 1)
        #expect(matrix.otherVersions.map(\.version) == ["0.9.0"])
        #expect(matrix.otherVersions.first?.missingAreas == ["Tackling climate change"])
        #expect(CompareExport.text(matrix).contains("Answered against version 0.9.0 of the framework (compared on 1.0.0)"))
    }

    @Test func withoutAYearEachSystemsLatestOverall() throws {
        let matrix = SystemsMatrix(framework: seedFramework, systems: F.systems, assessments: F.assessments, year: nil)
        #expect(matrix.rows.count == 5)
        #expect(matrix.leftOut.map(\.system.id) == ["drafty", "other"])
        let matrix2024 = SystemsMatrix(framework: seedFramework, systems: F.systems, assessments: F.assessments, year: 2024)
        #expect(matrix2024.rows.map(\.system.id) == ["formula"])
    }

    @Test func distributionWordsAsTheIssueWritesThem() {
        let words = StageWords.distribution(AreaDistribution(counts: [7, 12, 20, 3], notCompared: 0), in: seedFramework)
        #expect(words == "12 emerging, 20 established, 3 expanding, 7 not yet")
    }

    /// Property: over random stores, every area's distribution adds up to the systems compared; the
    /// movement agrees with the levels; the chosen assessment is the latest eligible one.
    @Test func propertiesOverRandomStores() {
        var generator = CompareRandom(seed: 15)
        var cases = 0
        for _ in 0..<300 {
            let systemCount = Int.random(in: 0...12, using: &generator)
            let systems = (0..<systemCount).map { SystemName(id: "s\($0)", name: "System \($0)") }
            var assessments: [ComparedAssessment] = []
            for system in systems {
                for _ in 0..<Int.random(in: 0...8, using: &generator) {
                    let date = "\(Int.random(in: 2022...2027, using: &generator))-0\(Int.random(in: 1...9, using: &generator))-1\(Int.random(in: 0...9, using: &generator))"
                    let levels = (0..<3).map { _ in Int.random(in: -1...3, using: &generator) + (Bool.random(using: &generator) ? 10 : 0) }
                        .map { $0 == 9 ? -1 : $0 }
                    assessments.append(F.assessed(system.id, date, levels,
                                                  place: Int.random(in: 0..<4, using: &generator) == 0 ? "Place" : nil,
                                                  complete: Int.random(in: 0..<5, using: &generator) > 0,
                                                  version: Bool.random(using: &generator) ? "1.0.0" : "0.9.0",
                                                  framework: Int.random(in: 0..<8, using: &generator) == 0 ? "x" : seedFramework.id))
                }
            }
            let year: Int? = Bool.random(using: &generator) ? nil : Int.random(in: 2022...2027, using: &generator)
            let matrix = SystemsMatrix(framework: seedFramework, systems: systems, assessments: assessments, year: year)
            #expect(matrix.rows.count + matrix.leftOut.count == systems.count)
            for distribution in matrix.distribution { #expect(distribution.total == matrix.rows.count) }
            for row in matrix.rows {
                let current = row.current
                #expect(current.isComplete && current.place == nil && current.framework.id == seedFramework.id)
                if let year { #expect(current.date.year == year) }
                let later = assessments.filter {
                    $0.systemID == row.system.id && $0.isComplete && $0.place == nil && $0.framework.id == seedFramework.id
                        && (year == nil || $0.date.year == year) && $0.date > current.date
                }
                #expect(later.isEmpty)
                if let previous = row.previous { #expect(previous.date.year == current.date.year - 1) }
                for index in seedFramework.areas.indices {
                    let now = current.level(ofArea: index), then = row.previous?.level(ofArea: index)
                    let change: YearChange? = row.changes[index]
                    if let change, let now {
                        switch change {
                        case .new: #expect(then == nil)
                        case .up: #expect(now.level > (then?.level ?? 99))
                        case .down: #expect(now.level < (then?.level ?? -1))
                        case .same: #expect(now.level == then?.level)
                        }
                    } else {
                        #expect(change == nil && now == nil)
                    }
                }
            }
            cases += 1
        }
        CampaignReport.record("compare: random stores (0–12 systems, drafts, places, other versions and frameworks)", cases: cases,
                              how: "distribution sums to the systems compared; movement agrees with the levels; the latest eligible assessment chosen")
    }

    @Test func rollupPlacesBesideTheWholeSystem() throws {
        let rollup = F.rollup
        #expect(rollup.year == 2026)
        #expect(rollup.columns.map(\.place) == [nil, "Bradford District and Craven", F.hostileName, "leeds", "Wakefield"])
        #expect(rollup.columns[0].assessment?.date.description == "2026-11-20")
        #expect(rollup.columns[1].assessment == nil, "a draft of 2026 and a 2025 assessment: none to show in 2026")
        #expect(rollup.columns[3].assessment?.date.description == "2026-06-01", "Leeds and leeds are one place; the later wins")
        #expect(rollup.level(rollup.columns[2], area: 2) == nil)
        #expect(rollup.columns[4].assessment == nil)
        #expect(rollup.leftOut.map(\.place) == ["Wakefield"])
        let in2025 = SystemRollup(framework: seedFramework, system: F.systems[0], assessments: F.rollupAssessments, year: 2025)
        #expect(in2025.columns[0].assessment == nil && in2025.columns[1].assessment?.date.description == "2025-06-02")
    }

    @Test func rollupPropertyEveryColumnIsTheLatestOfItsPlaceInTheYear() {
        var generator = CompareRandom(seed: 1515)
        var cases = 0
        let places = [nil, "Leeds", "LEEDS", "Bradford", "Wakefield"]
        for _ in 0..<300 {
            let assessments = (0..<Int.random(in: 0...20, using: &generator)).map { _ in
                F.assessed("s", "\(Int.random(in: 2024...2026, using: &generator))-0\(Int.random(in: 1...9, using: &generator))-10",
                           [1, 2, 3], place: places.randomElement(using: &generator) ?? nil,
                           complete: Bool.random(using: &generator))
            }
            let rollup = SystemRollup(framework: seedFramework, system: SystemName(id: "s", name: "S"), assessments: assessments, year: nil)
            #expect(rollup.columns.first?.place == nil)
            let keys: [String] = rollup.columns.dropFirst().compactMap { (column: SystemRollup.Column) -> String? in column.place.map { Slug.matchKey(for: $0) } }
            #expect(Set(keys).count == rollup.columns.count - 1)
            for column in rollup.columns {
                let key = column.place.map { Slug.matchKey(for: $0) }
                let candidates: [CalendarDate] = assessments.filter { (item: ComparedAssessment) -> Bool in
                    item.isComplete && item.place.map { Slug.matchKey(for: $0) } == key && item.date.year == rollup.year
                }.map(\.date)
                #expect(column.assessment?.date == candidates.max())
            }
            cases += 1
        }
        CampaignReport.record("rollup: random places, drafts and years", cases: cases,
                              how: "whole system first, one column per place (names matched), each its latest complete assessment of the year")
    }
}
