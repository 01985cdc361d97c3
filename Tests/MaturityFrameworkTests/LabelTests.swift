import Testing
import TestSupport
@testable import MaturityFramework
import BuiltInFrameworks

@Suite("Criterion labels stand alone")
struct LabelTests {
    @Test(arguments: ["anchor-institution-charter", "ics-social-economic-development"])
    func everyBuiltInLabelStandsAlone(_ id: String) throws {
        let framework = try #require(FrameworkCatalog(userFolder: nil).framework(id: id))
        let labels = framework.areas.flatMap(\.criteria).map { (id: $0.id, label: $0.label) }
        #expect(LabelCheck.problems(labels) == [])
        CampaignReport.record("Criterion labels of the built-in frameworks", cases: labels.count,
                              how: "no pronoun, no unnamed \"the plan\", no bare relation, no ownerless start, unique")
    }

    /// The check is not vacuous: it finds every label of the kind that needed its question.
    @Test func theCheckCatchesLabelsThatNeedTheirQuestion() {
        let bad: [(id: String, label: String)] = [
            ("a", "People Plan guided by them"), ("b", "system strategy aligned with the plan"), ("c", "estates aligned"),
            ("d", "progress measured"), ("e", "delivery tracked jointly"), ("f", "strategy guided by area policies"),
            ("g", "footprint falling"), ("h", "plan known to the board"), ("i", "practice evaluated jointly"),
        ]
        let problems = LabelCheck.problems(bad)
        for (id, _) in bad { #expect(problems.contains { $0.hasPrefix("\(id): ") }, "\(id) is caught: \(problems)") }
        #expect(LabelCheck.problems([("x", "local spend baseline"), ("y", "Local spend baseline")])
            == ["y: \"Local spend baseline\" is also the label of x"])
        #expect(LabelCheck.problems([("x", "People Plan guided by the area's employment policies"),
                                     ("y", "delivery of the shared economic aims tracked with partners")]) == [])
    }
}
