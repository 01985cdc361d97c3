import Testing
import TestSupport
@testable import MaturityFramework
import BuiltInFrameworks

@Suite("Typical stage by a system's age")
struct TypicalStageTests {
    let framework = FrameworkCatalog(userFolder: nil).framework(id: "ics-social-economic-development")

    /// The seed's ages: under two, three to five, six to ten; 2 sits between ranges, 11 and more past them.
    @Test func theBuiltInAgesAtEveryYearAndBoundary() throws {
        let framework = try #require(framework)
        let expected: [(Int, String, TypicalStage.Fit)] = [
            (0, "emerging", .inRange), (1, "emerging", .inRange), (2, "emerging", .betweenRanges),
            (3, "established", .inRange), (4, "established", .inRange), (5, "established", .inRange),
            (6, "expanding", .inRange), (10, "expanding", .inRange),
            (11, "expanding", .beyondRanges), (40, "expanding", .beyondRanges),
        ]
        for (years, stage, fit) in expected {
            let typical = try #require(framework.typicalStage(forAgeInYears: years))
            #expect(typical.stage.id == stage, "\(years)")
            #expect(typical.fit == fit, "\(years)")
            #expect(typical.ageInYears == years)
        }
        #expect(framework.typicalStage(forAgeInYears: nil) == nil)
        #expect(framework.typicalStage(forAgeInYears: -1) == nil)
        #expect(framework.hasStageAges)
    }

    @Test func theWordingIsContextNotAVerdict() throws {
        let framework = try #require(framework)
        #expect(framework.typicalStage(forAgeInYears: 4)?.text == "typical for a system of 4 years: established")
        #expect(framework.typicalStage(forAgeInYears: 1)?.text == "typical for a system of 1 year: emerging")
        #expect(framework.typicalStage(forAgeInYears: 0)?.text == "typical for a system of less than a year: emerging")
        let verdicts = ["behind", "ahead", "late", "early", "should", "must", "fail", "overdue", "deadline", "expected", "on track"]
        for years in 0...200 {
            let text = try #require(framework.typicalStage(forAgeInYears: years)?.text)
            #expect(text.hasPrefix("typical for a system of "))
            #expect(!verdicts.contains { text.lowercased().contains($0) }, "\(text)")
        }
    }

    /// Beside a placement: the typical stage, where the area is placed and how the two relate, in words
    /// that never read as a verdict; not yet at the first stage reads as such.
    @Test func besideAPlacementEveryStageAndAge() throws {
        let framework = try #require(framework)
        let stages = framework.stages
        let typical = try #require(framework.typicalStage(forAgeInYears: 4))
        #expect(typical.besidePlacement(stages[0], stages: stages)
            == "Typical for a system of 4 years: established; placed at emerging (an earlier stage than typical).")
        #expect(typical.besidePlacement(stages[1], stages: stages)
            == "Typical for a system of 4 years: established; placed at established (the typical stage).")
        #expect(typical.besidePlacement(stages[2], stages: stages)
            == "Typical for a system of 4 years: established; placed at expanding (a later stage than typical).")
        #expect(typical.besidePlacement(nil, stages: stages)
            == "Typical for a system of 4 years: established; not yet placed at emerging (an earlier stage than typical).")
        let verdicts = ["behind", "ahead", "late", "should", "must", "fail", "overdue", "deadline", "on track"]
        for years in 0...12 {
            let typical = try #require(framework.typicalStage(forAgeInYears: years))
            for placed in [nil] + stages.map(Optional.some) {
                let text = typical.besidePlacement(placed, stages: stages).lowercased()
                let words = text.split { !$0.isLetter }.map(String.init)
                #expect(!verdicts.contains { words.contains($0) } && !text.contains("on track"), "\(text)")
            }
        }
    }

    /// Random ladders of ascending ranges with gaps, some open at the top: the result is the stage
    /// whose range holds the age, else the highest one started, else nil; it never goes down with age.
    @Test func randomLaddersFollowTheRule() {
        var random = Mutator(seed: 14, fragments: [])
        var cases = 0
        for _ in 0..<500 {
            var stages: [Stage] = []
            var next = random.next(3)
            for index in 0..<(1 + random.next(5)) {
                let from = next
                let to = random.next(4) == 0 ? nil : from + random.next(5)
                stages.append(Stage(id: "s\(index)", title: "S\(index)", ageYears: AgeRange(from: from, to: to)))
                guard let to else { break }
                next = to + 1 + random.next(3)
            }
            let ladder = Framework(id: "f", version: "1", title: "F", source: Source(title: "t", publisher: "p", published: "x"),
                                   stages: stages, areas: [])
            var previousIndex = -1
            for years in 0...40 {
                cases += 1
                let typical = ladder.typicalStage(forAgeInYears: years)
                guard let first = stages.first?.ageYears, years >= first.from else {
                    #expect(typical == nil)
                    continue
                }
                let holder = stages.first { $0.ageYears?.contains(years) == true }
                let started = stages.last { ($0.ageYears?.from ?? Int.max) <= years }
                #expect(typical?.stage == (holder ?? started))
                #expect((typical?.fit == .inRange) == (holder != nil))
                let index = stages.firstIndex { $0 == typical?.stage } ?? -1
                #expect(index >= previousIndex)
                previousIndex = index
            }
        }
        CampaignReport.record("Typical stage by age: random ladders", cases: cases,
                              how: "500 random ladders of age ranges with gaps and open tops, ages 0 to 40 years, checked against the rule")
    }

    @Test func aFrameworkWithoutAgesOrAYoungerSystemGivesNone() {
        let stages = [Stage(id: "a", title: "A", ageYears: AgeRange(from: 2, to: 4)), Stage(id: "b", title: "B", ageYears: AgeRange(from: 5))]
        let framework = Framework(id: "f", version: "1", title: "F", source: Source(title: "t", publisher: "p", published: "x"),
                                  stages: stages, areas: [])
        #expect(framework.typicalStage(forAgeInYears: 1) == nil)
        #expect(framework.typicalStage(forAgeInYears: 2)?.stage.id == "a")
        #expect(framework.typicalStage(forAgeInYears: 99)?.fit == .inRange)
        let ageless = Framework(id: "f", version: "1", title: "F", source: Source(title: "t", publisher: "p", published: "x"),
                                stages: [Stage(id: "a", title: "A")], areas: [])
        #expect(!ageless.hasStageAges)
        #expect(ageless.typicalStage(forAgeInYears: 3) == nil)
    }
}
