import MaturityFramework
import Testing
@testable import MaturityRules

/// A small deterministic random generator (SplitMix64), so property tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
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

/// A framework with 1 to 5 stages, each with a random threshold and 1 to 4 criteria per area.
func randomFramework(using generator: inout SeededGenerator) -> Framework {
    let stageCount = Int.random(in: 1...5, using: &generator)
    let stages = (0..<stageCount).map { index -> Stage in
        let threshold = Bool.random(using: &generator) ? Threshold.allInPlace
            : Threshold(atLeastPercent: Int.random(in: 1...100, using: &generator),
                        partlyPercent: Int.random(in: 0...100, using: &generator))
        return Stage(id: "s\(index)", title: "Stage \(index)", threshold: threshold)
    }
    let areas = (0..<Int.random(in: 1...3, using: &generator)).map { areaIndex -> Area in
        let criteria = stages.flatMap { stage in
            (0..<Int.random(in: 1...4, using: &generator)).map {
                Criterion(id: "a\(areaIndex)-\(stage.id)-\($0)", stageID: stage.id, text: "Q?")
            }
        }
        return Area(id: "a\(areaIndex)", title: "Area \(areaIndex)",
                    descriptors: stages.map { StageDescriptor(stageID: $0.id, text: "d") }, criteria: criteria)
    }
    return Framework(id: "random", version: "1", title: "Random",
                     source: Source(title: "t", publisher: "p", published: "now"), stages: stages, areas: areas)
}

/// Answers to some criteria (about one in six left unanswered).
func randomAnswers(for framework: Framework, using generator: inout SeededGenerator) -> [String: Answer] {
    var answers: [String: Answer] = [:]
    for criterion in framework.allCriteria where Int.random(in: 0..<6, using: &generator) > 0 {
        answers[criterion.id] = Answer.allCases.randomElement(using: &generator)
    }
    return answers
}

@Suite("Placement properties")
struct PlacementPropertyTests {
    @Test func loweringAnAnswerNeverRaisesThePlacement() {
        var generator = SeededGenerator(seed: 2022)
        var lowered = 0
        for _ in 0..<2000 {
            let framework = randomFramework(using: &generator)
            var answers = randomAnswers(for: framework, using: &generator)
            let criterion = framework.allCriteria.randomElement(using: &generator)!
            let before = answers[criterion.id] ?? .unsure
            let lower = Answer.allCases.filter { $0.strength <= before.strength }.randomElement(using: &generator)!
            let area = framework.areas.first { $0.criteria.contains(criterion) }!
            let levelBefore = PlacementRules.place(area, in: framework, answers: answers).level
            answers[criterion.id] = lower
            let levelAfter = PlacementRules.place(area, in: framework, answers: answers).level
            #expect(levelAfter <= levelBefore, "\(criterion.id): \(before) -> \(lower)")
            if lower.strength < before.strength { lowered += 1 }
        }
        #expect(lowered > 500)
    }

    @Test func placementIsTheLongestRunOfMetStagesFromTheBottom() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<1000 {
            let framework = randomFramework(using: &generator)
            let answers = randomAnswers(for: framework, using: &generator)
            for area in framework.areas {
                let placement = PlacementRules.place(area, in: framework, answers: answers)
                var expected = 0
                for stage in framework.stages {
                    let criteria = area.criteria(atStage: stage.id)
                    let yes = criteria.filter { answers[$0.id] == .yes }.count
                    let partly = criteria.filter { answers[$0.id] == .partly }.count
                    let score = Double(yes) + Double(stage.threshold.partlyPercent) / 100 * Double(partly)
                    guard score / Double(criteria.count) * 100 >= Double(stage.threshold.atLeastPercent) - 1e-9 else { break }
                    expected += 1
                }
                #expect(placement.level == expected)
                #expect(placement.stageID == (expected == 0 ? "not-yet-s0" : "s\(expected - 1)"))
            }
        }
    }

    @Test func answeringEverythingYesAlwaysReachesTheTopFirmly() {
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<200 {
            let framework = randomFramework(using: &generator)
            let answers = Dictionary(uniqueKeysWithValues: framework.allCriteria.map { ($0.id, Answer.yes) })
            for placement in PlacementRules.placeAll(in: framework, answers: answers) {
                #expect(placement.level == framework.stages.count)
                #expect(!placement.isProvisional)
            }
        }
    }
}

@Suite("The brief placement of list lines")
struct PlacementLevelTests {
    /// ``PlacementRules/level(of:in:answer:)`` and ``PlacementRules/stageTitle(atLevel:in:)`` always
    /// say what ``PlacementRules/place(_:in:answers:)`` says, for random frameworks, thresholds and answers.
    @Test func theBriefPlacementIsTheFullOnesLevelTitleAndProvisionality() {
        var generator = SeededGenerator(seed: 1212)
        for _ in 0..<3000 {
            let framework = randomFramework(using: &generator)
            let answers = randomAnswers(for: framework, using: &generator)
            for area in framework.areas {
                let full = PlacementRules.place(area, in: framework, answers: answers)
                let brief = PlacementRules.level(of: area, in: framework) { answers[$0] }
                #expect(brief.level == full.level && brief.isProvisional == full.isProvisional)
                #expect(PlacementRules.stageTitle(atLevel: brief.level, in: framework) == full.stageTitle)
            }
        }
    }
}
