import MaturityFramework
import Testing
@testable import MaturityRules

/// A framework of three stages with two criteria each, built in code so each clause is easy to see.
func ladder(thresholds: [Threshold] = [.allInPlace, .allInPlace, .allInPlace], criteriaPerStage: Int = 2) -> Framework {
    let ids = ["emerging", "established", "expanding"]
    let stages = zip(ids, thresholds).map { Stage(id: $0, title: $0.capitalized, threshold: $1) }
    let criteria = stages.flatMap { stage in
        (1...criteriaPerStage).map { Criterion(id: "\(stage.id)-\($0)", stageID: stage.id, text: "Q \(stage.id) \($0)?",
                                               label: "\(stage.id) point \($0)") }
    }
    let area = Area(id: "area", title: "Area", descriptors: stages.map { StageDescriptor(stageID: $0.id, text: "d") },
                    criteria: criteria)
    return Framework(id: "test", version: "1", title: "Test",
                     source: Source(title: "t", publisher: "p", published: "2022"), stages: stages, areas: [area])
}

/// Answers for every criterion of each stage, in stage order.
func answers(_ perStage: [[Answer?]]) -> [String: Answer] {
    var result: [String: Answer] = [:]
    for (stage, values) in zip(["emerging", "established", "expanding"], perStage) {
        for (index, value) in values.enumerated() {
            if let value { result["\(stage)-\(index + 1)"] = value }
        }
    }
    return result
}

func place(_ perStage: [[Answer?]], in framework: Framework = ladder()) -> Placement {
    PlacementRules.place(framework.areas[0], in: framework, answers: answers(perStage))
}

@Suite("Default rule")
struct DefaultRuleTests {
    @Test func everyStageMetPlacesAtTheTop() {
        let placement = place([[.yes, .yes], [.yes, .yes], [.yes, .yes]])
        #expect(placement.stageID == "expanding")
        #expect(placement.level == 3)
        #expect(placement.nextStage == nil)
        #expect(placement.progress == nil)
        #expect(placement.gap.isEmpty)
        #expect(!placement.isProvisional)
        #expect(placement.explanation == "Placed at Expanding, because every stage is met.")
    }

    @Test func aStageIsMetOnlyWhenEveryCriterionIsYes() {
        #expect(place([[.yes, .partly], [], []]).stageID == "not-yet-emerging")
        #expect(place([[.yes, .no], [], []]).stageID == "not-yet-emerging")
        #expect(place([[.yes, .yes], [.yes, .partly], []]).stageID == "emerging")
    }

    @Test func nothingMetIsNotYetEmerging() {
        let placement = place([[.no, .no], [.no, .no], [.no, .no]])
        #expect(placement.stage == nil)
        #expect(placement.stageID == "not-yet-emerging")
        #expect(placement.stageTitle == "Not yet emerging")
        #expect(placement.level == 0)
        #expect(placement.nextStage?.id == "emerging")
        #expect(placement.gap.map(\.id) == ["emerging-1", "emerging-2"])
        #expect(placement.explanation.hasPrefix("Not yet emerging, because Emerging is not met (0 of 2 criteria in place)."))
    }

    @Test func missingAnswersCountAsUnsure() {
        let missing = place([[.yes, nil], [], []])
        let unsure = place([[.yes, .unsure], [], []])
        #expect(missing.stageID == unsure.stageID)
        #expect(missing.isProvisional && unsure.isProvisional)
        #expect(missing.unsureCriteria.map(\.id) == ["emerging-2"])
        #expect(missing.explanation.contains("emerging point 2 (not sure)"))
    }

    @Test func stagesMetAboveAGapDoNotCount() {
        let placement = place([[.yes, .yes], [.yes, .no], [.yes, .yes]])
        #expect(placement.stageID == "emerging")
        #expect(placement.metAboveGap.map(\.id) == ["expanding"])
        #expect(placement.explanation.contains("Expanding is met too, but a stage counts only when every stage below it is met."))
    }

    @Test func nextStageProgressCountsPartlyAsHalf() {
        let placement = PlacementRules.place(
            ladder(criteriaPerStage: 4).areas[0], in: ladder(criteriaPerStage: 4),
            answers: answers([[.yes, .yes, .yes, .yes], [.yes, .partly, .no, .unsure], []]))
        #expect(placement.stageID == "emerging")
        #expect(placement.nextStage?.id == "established")
        #expect(placement.progress == 1.5 / 4)
        #expect(placement.gap.map(\.id) == ["established-2", "established-3", "established-4"])
        #expect(placement.explanation.contains(
            "To reach Established, still needed: established point 2 (partly); established point 3 (no); established point 4 (not sure)."))
    }

    @Test func provisionalWhenPlacedStageOrBelowOrNextIsUnsure() {
        // Unsure in the next stage.
        #expect(place([[.yes, .yes], [.yes, .unsure], [.no, .no]]).isProvisional)
        // Unsure in the placed stage cannot happen with the default rule (it would not be met),
        // so check a stage below through a threshold that lets an unsure stage be met.
        let lenient = ladder(thresholds: [Threshold(atLeastPercent: 50), .allInPlace, .allInPlace])
        let belowUnsure = place([[.yes, .unsure], [.yes, .yes], [.no, .no]], in: lenient)
        #expect(belowUnsure.stageID == "established")
        #expect(belowUnsure.isProvisional)
        #expect(belowUnsure.unsureCriteria.map(\.id) == ["emerging-2"])
        // Not provisional: unsure only above the next stage, and `no` is a firm answer.
        let firm = place([[.yes, .yes], [.no, .yes], [.unsure, .unsure]])
        #expect(!firm.isProvisional)
        #expect(firm.explanation.components(separatedBy: "provisional").count == 1)
        #expect(place([[.yes, .yes], [.no, .yes], [nil, nil]]).isProvisional == false)
    }

    @Test func provisionalAtTheTopWhenAnyStageIsUnsure() {
        let lenient = ladder(thresholds: [.allInPlace, .allInPlace, Threshold(atLeastPercent: 50)])
        let placement = place([[.yes, .yes], [.yes, .yes], [.yes, .unsure]], in: lenient)
        #expect(placement.stageID == "expanding")
        #expect(placement.isProvisional)
    }
}

@Suite("Thresholds")
struct ThresholdTests {
    let threshold = Threshold(atLeastPercent: 75, partlyPercent: 50)

    @Test func exactArithmeticAtTheBoundary() {
        #expect(PlacementRules.isMet(yes: 3, partly: 0, total: 4, threshold: threshold))
        #expect(PlacementRules.isMet(yes: 2, partly: 2, total: 4, threshold: threshold))
        #expect(!PlacementRules.isMet(yes: 2, partly: 1, total: 4, threshold: threshold))
        #expect(PlacementRules.isMet(yes: 1, partly: 1, total: 2, threshold: threshold))
        #expect(!PlacementRules.isMet(yes: 0, partly: 0, total: 0, threshold: .allInPlace))
        #expect(PlacementRules.isMet(yes: 3, partly: 0, total: 3, threshold: .allInPlace))
        #expect(!PlacementRules.isMet(yes: 2, partly: 1, total: 3, threshold: .allInPlace))
    }

    @Test func thresholdStagesExplainTheirTarget() {
        let framework = ladder(thresholds: [.allInPlace, threshold, .allInPlace], criteriaPerStage: 4)
        let placement = PlacementRules.place(
            framework.areas[0], in: framework, answers: answers([[.yes, .yes, .yes, .yes], [.yes, .partly, .no, .no], []]))
        #expect(placement.stageID == "emerging")
        #expect(placement.explanation.contains("To reach Established (75% needed, 38% now)"))
    }

    @Test func ruleSentenceNamesEachDifferentThreshold() {
        #expect(PlacementRules.ruleSentence(for: ladder()) ==
            "A stage is met when every one of its criteria is answered yes, and an area is placed at the highest stage that is met with every stage below it met.")
        let mixed = PlacementRules.ruleSentence(for: ladder(thresholds: [.allInPlace, threshold, .allInPlace]))
        #expect(mixed.contains("Established is met when at least 75% of its criteria are in place, a partly counting as half"))
        #expect(mixed.contains("Emerging is met when every one of its criteria is answered yes"))
    }
}

@Suite("Explanations")
struct ExplanationTests {
    @Test(arguments: Answer.allCases)
    func everyExplanationIsOneToThreeSentences(_ answer: Answer) {
        var generator = SeededGenerator(seed: UInt64(answer.strength + 11))
        for _ in 0..<300 {
            let framework = randomFramework(using: &generator)
            let answers = randomAnswers(for: framework, using: &generator)
            for area in framework.areas {
                let text = PlacementRules.place(area, in: framework, answers: answers).explanation
                let sentences = text.split(separator: ". ").count
                #expect((1...3).contains(sentences), "\(text)")
                #expect(text.hasSuffix("."))
            }
        }
    }

    @Test func namesWhatIsMetAndWhatIsMissing() {
        let placement = place([[.yes, .yes], [.yes, .partly], [.no, .no]])
        #expect(placement.explanation.hasPrefix("Placed at Emerging, because Emerging is met."))
        #expect(placement.explanation.contains("established point 2 (partly)"))
        #expect(!placement.explanation.contains("established point 1"))
    }

    @Test func gapAboveAndProvisionalTogetherStayWithinThreeSentences() {
        let placement = place([[.yes, .yes], [.unsure, .yes], [.yes, .yes]])
        #expect(placement.isProvisional)
        #expect(placement.metAboveGap.count == 1)
        #expect(placement.explanation.split(separator: ". ").count == 3)
        #expect(placement.explanation.contains("cannot count above the gap"))
        #expect(placement.explanation.contains("provisional while 1 answer is not sure"))
    }
}
