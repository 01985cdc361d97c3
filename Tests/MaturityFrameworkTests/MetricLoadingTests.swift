import Foundation
import Testing
import TestSupport
@testable import MaturityFramework
import BuiltInFrameworks

/// ``minimalFramework(id:threshold:)`` with a `metrics` list of one metric, its fields replaced by `fields`
/// (each `field: value` on its own line, in order), or with `list` as the whole list.
func frameworkWithMetrics(_ fields: [String]? = nil, list: String? = nil) -> String {
    let metric = (fields ?? ["id: only-metric", "area: only-area", "title: Only metric", "unit: people", "higherIsBetter: true"])
    let body = list ?? ("  - " + metric.joined(separator: "\n    ") + "\n")
    return minimalFramework() + "\nmetrics:\n" + body
}

@Suite("Framework metrics and stage ages: loading")
struct MetricLoadingTests {
    @Test func aMetricIsReadIntoItsArea() throws {
        let text = frameworkWithMetrics(["id: only-metric", "area: only-area", "title: Only metric", "unit: tCO2e a year",
                                         "higherIsBetter: false", "description: What to count."])
        let framework = try FrameworkLoader.parse(Data(text.utf8), fileName: "f.yaml").get()
        #expect(framework.areas[0].metrics == [
            Metric(id: "only-metric", title: "Only metric", unit: "tCO2e a year", higherIsBetter: false, description: "What to count."),
        ])
        #expect(framework.allMetrics.map(\.id) == ["only-metric"])
        #expect(framework.metric(id: "only-metric")?.directionText == "lower is better")
        #expect(framework.area(ofMetric: "only-metric")?.id == "only-area")
        #expect(framework.metric(id: "nothing") == nil)
    }

    @Test(arguments: ["true", "True", "TRUE", "false", "False", "FALSE"])
    func higherIsBetterTakesYAMLBooleans(_ word: String) throws {
        let text = frameworkWithMetrics(["id: m", "area: only-area", "title: M", "unit: people", "higherIsBetter: \(word)"])
        let framework = try FrameworkLoader.parse(Data(text.utf8), fileName: "f.yaml").get()
        #expect(framework.allMetrics.first?.higherIsBetter == (word.lowercased() == "true"))
    }

    /// Each bad field gives exactly one problem, on the field's own line (the metric starts on line 21).
    @Test(arguments: [
        ("area: only-area", "area: climate", "22: metrics[0].area: unknown area 'climate' (the framework's areas are only-area)"),
        ("id: only-metric", "id: Only Metric", "21: metrics[0].id: 'Only Metric' is not a valid id (lowercase letters, digits and single hyphens, at most 64 characters)"),
        ("id: only-metric", "id: only--metric", "21: metrics[0].id: 'only--metric' is not a valid id (lowercase letters, digits and single hyphens, at most 64 characters)"),
        ("unit: people", "unit: \"  \"", "24: metrics[0].unit: must not be empty"),
        ("unit: people", "unit: ~", "24: metrics[0].unit: must not be empty"),
        ("unit: people", "unit: [a, b]", "24: metrics[0].unit: must be text, not a list or mapping"),
        ("unit: people", "unit: \"per\\nyear\"", "24: metrics[0].unit: must be on one line, with plain spaces"),
        ("unit: people", "unit: \"per\\tyear\"", "24: metrics[0].unit: must be on one line, with plain spaces"),
        ("unit: people", "unit: \"peo\\u202Eple\"",
         "24: metrics[0].unit: contains invisible formatting characters; a unit is compared with the units values are given in"),
        ("unit: people", "unit: " + String(repeating: "x", count: 41),
         "24: metrics[0].unit: 41 characters; a unit is at most 40, e.g. 'tCO2e a year'"),
        ("higherIsBetter: true", "higherIsBetter: yes", "25: metrics[0].higherIsBetter: 'yes' must be true or false"),
        ("higherIsBetter: true", "higherIsBetter: \"true\"", "25: metrics[0].higherIsBetter: 'true' must be true or false (without quotes)"),
        ("higherIsBetter: true", "higherIsBetter: 1", "25: metrics[0].higherIsBetter: '1' must be true or false"),
        ("higherIsBetter: true", "higherIsBetter: {}", "25: metrics[0].higherIsBetter: must be true or false, not a list or mapping"),
        ("title: Only metric", "title: \"\"", "23: metrics[0].title: must not be empty"),
        ("title: Only metric", "titel: Only metric",
         "23: metrics[0].titel: unknown field (expected id, title, area, unit, higherIsBetter, description)"),
    ])
    func eachBadFieldIsOneLineWithItsLine(_ field: String, _ replacement: String, _ expected: String) {
        let fields = ["id: only-metric", "area: only-area", "title: Only metric", "unit: people", "higherIsBetter: true"]
            .map { $0 == field ? replacement : $0 }
        var found = problems(frameworkWithMetrics(fields))
        if replacement.hasPrefix("titel") {
            // The misspelt field is unknown, and the real one is then missing: two lines, both naming the field.
            #expect(found.contains("21: metrics[0].title: missing"), "\(found)")
            found.removeAll { $0 == "21: metrics[0].title: missing" }
        }
        #expect(found == [expected])
    }

    @Test func missingFieldsAreNamed() {
        let found = problems(frameworkWithMetrics(["id: m", "area: only-area"]))
        #expect(found == ["21: metrics[0].title: missing", "21: metrics[0].unit: missing", "21: metrics[0].higherIsBetter: missing"])
    }

    @Test func metricIdsAreUniqueAcrossTheFramework() {
        let twoAreas = minimalFramework() + """

              - id: second-area
                title: Second area
                stages:
                  first:
                    descriptor: d
                    criteria:
                      - id: second-criterion
                        question: Is it?
            metrics:
              - {id: shared, area: only-area, title: A, unit: people, higherIsBetter: true}
              - {id: shared, area: second-area, title: B, unit: people, higherIsBetter: true}
            """
        #expect(problems(twoAreas) == ["30: metrics[1].id: duplicate metric id 'shared' (first used on line 29)"])
    }

    @Test func theListItselfIsChecked() throws {
        #expect(problems(frameworkWithMetrics(list: "  just: a mapping\n")) == ["21: metrics: must be a list"])
        #expect(problems(frameworkWithMetrics(list: "  - plain text\n")).first?
            .hasPrefix("21: metrics[0]: must be a mapping of fields (id, title, area, unit, higherIsBetter)") == true)
        let many = (0...FrameworkDecoder.maximumMetricsPerArea).map {
            "  - {id: m\($0), area: only-area, title: M, unit: people, higherIsBetter: true}\n"
        }.joined()
        #expect(problems(frameworkWithMetrics(list: many))
            == ["51: metrics[30].area: more than 30 metrics for area 'only-area'; at most 30 are allowed per area"])
        #expect(try FrameworkLoader.parse(Data(frameworkWithMetrics(list: "  []\n").utf8), fileName: "f.yaml").get().allMetrics.isEmpty)
    }

    @Test func aMetricOfAnAreaWithProblemsIsNotAlsoUnknown() {
        let text = frameworkWithMetrics().replacingOccurrences(of: "question: Is it so?", with: "question: \"\"")
        #expect(problems(text) == ["19: areas[0].stages.first.criteria[0].question: must not be empty"])
    }

    @Test func jsonMetricsLoad() throws {
        let json = """
            {"id": "j", "version": "2", "title": "J", "source": {"title": "s", "publisher": "p", "published": "2020"},
             "stages": [{"id": "a", "title": "A", "ageYears": {"from": 0, "to": 4}}],
             "areas": [{"id": "x", "title": "X", "stages": {"a": {"descriptor": "d", "criteria": [{"id": "c", "question": "q?"}]}}}],
             "metrics": [{"id": "m", "area": "x", "title": "M", "unit": "£ million a year", "higherIsBetter": true}]}
            """
        let framework = try FrameworkLoader.parse(Data(json.utf8), fileName: "f.json").get()
        #expect(framework.allMetrics == [Metric(id: "m", title: "M", unit: "£ million a year", higherIsBetter: true)])
        #expect(framework.stages[0].ageYears == AgeRange(from: 0, to: 4))
    }

    // MARK: - Stage ages

    func stages(_ ages: [String?]) -> String {
        let stages = ages.enumerated().map { index, age in
            "  - id: s\(index)\n    title: S\(index)\n" + (age.map { "    ageYears: \($0)\n" } ?? "")
        }.joined()
        let areaStages = ages.indices.map { "      s\($0):\n        descriptor: d\n        criteria:\n          - id: c\($0)\n            question: Q?\n" }
            .joined()
        return """
            id: aged
            version: 1.0.0
            title: Aged
            source: {title: s, publisher: p, published: "2020"}
            stages:
            \(stages)areas:
              - id: a
                title: A
                stages:
            \(areaStages)
            """
    }

    @Test func stageAgesAreRead() throws {
        let framework = try FrameworkLoader.parse(Data(stages(["{from: 0, to: 1}", "{from: 3, to: 5}", "{from: 6}"]).utf8),
                                                  fileName: "f.yaml").get()
        #expect(framework.stages.map(\.ageYears) == [AgeRange(from: 0, to: 1), AgeRange(from: 3, to: 5), AgeRange(from: 6)])
        #expect(framework.stages.compactMap(\.ageYears).map(\.text) == ["0 to 1 years", "3 to 5 years", "6 years or more"])
    }

    @Test(arguments: [
        (["{from: 0, to: 1}", nil], "9: stages[1].ageYears: missing; give every stage its ageYears, or none"),
        (["{from: 0, to: 3}", "{from: 3, to: 5}"],
         "11: stages[1].ageYears.from: 3 overlaps the ages of 's0' (0 to 3 years); a stage's ages start after the stage below ends"),
        (["{from: 0}", "{from: 3, to: 5}"],
         "11: stages[1].ageYears: the ages of 's0' have no upper end, so no stage can come above them"),
        (["{from: 4, to: 2}"], "8: stages[0].ageYears.to: 2 is below from (4); a range runs from the younger age to the older"),
        (["{from: -1, to: 2}"], "8: stages[0].ageYears.from: '-1' is not a whole number of years such as 3"),
        (["{from: two}"], "8: stages[0].ageYears.from: 'two' is not a whole number of years such as 3"),
        (["{from: 1.5}"], "8: stages[0].ageYears.from: '1.5' is not a whole number of years such as 3"),
        (["{from: 0, to: 999}"], "8: stages[0].ageYears.to: 999 years is out of range (0 to 200)"),
        (["{from: 99999999999999999999999}"], "8: stages[0].ageYears.from: 99999999999999999999999 years is out of range (0 to 200)"),
        (["{to: 3}"], "8: stages[0].ageYears.from: missing"),
        (["3 to 5"], "8: stages[0].ageYears: must be a mapping of fields (from)"),
    ] as [([String?], String)])
    func badStageAgesAreOneLineEach(_ ages: [String?], _ expected: String) {
        #expect(problems(stages(ages)) == [expected])
    }

    // MARK: - Older files

    @Test func frameworksWithoutMetricsOrAgesLoadAsBefore() throws {
        let framework = try FrameworkLoader.parse(Data(minimalFramework().utf8), fileName: "f.yaml").get()
        #expect(framework.allMetrics.isEmpty)
        #expect(!framework.hasStageAges)
        #expect(framework.typicalStage(forAgeInYears: 4) == nil)
        let charter = try #require(FrameworkCatalog(userFolder: nil).framework(id: "anchor-institution-charter"))
        #expect(charter.allMetrics.isEmpty && !charter.hasStageAges)
    }

    /// The built-in file as it was before metrics and ages (both taken out again) loads to the same
    /// framework less those two.
    @Test func theBuiltInFileWithoutTheNewFieldsLoadsUnchanged() throws {
        let url = repositoryRoot.appending(path: "Frameworks/ics-social-economic-development.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let withoutMetrics = try #require(text.components(separatedBy: "\n# Step 1 of the source's four steps").first)
        let old = withoutMetrics.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("ageYears:") }.joined(separator: "\n")
        #expect(!old.contains("metrics:") && !old.contains("ageYears"))
        let before = try FrameworkLoader.parse(Data(old.utf8), fileName: "old.yaml").get()
        var now = try FrameworkLoader.parse(Data(text.utf8), fileName: "new.yaml").get()
        #expect(!now.allMetrics.isEmpty && now.hasStageAges)
        now.areas = now.areas.map { var area = $0; area.metrics = []; return area }
        now.stages = now.stages.map { var stage = $0; stage.ageYears = nil; return stage }
        #expect(before == now)
    }
}

@Suite("The built-in framework's step-1 metrics")
struct BuiltInMetricTests {
    let framework = FrameworkCatalog(userFolder: nil).framework(id: "ics-social-economic-development")

    @Test func everyAreaHasTheSeedsStepOneMetrics() throws {
        let framework = try #require(framework)
        let byArea = Dictionary(uniqueKeysWithValues: framework.areas.map { ($0.id, $0.metrics.map(\.id)) })
        #expect(byArea["climate-change"] == [
            "climate-nhs-journeys", "climate-carbon-footprint", "climate-fleet-size", "climate-estate-size", "climate-estate-value",
        ])
        #expect(byArea["quality-employment"] == [
            "employ-workforce", "employ-staff-living-locally", "employ-staff-in-deprived-wards", "employ-young-people-schemes",
            "employ-households-supported",
        ])
        #expect(byArea["economic-development"] == [
            "econ-nhs-spend", "econ-influenceable-spend", "econ-vcse-local-spend", "econ-research-funding", "econ-industries-investing",
        ])
        #expect(framework.metric(id: "climate-carbon-footprint")?.unit == "tCO2e a year")
        #expect(framework.metric(id: "climate-carbon-footprint")?.higherIsBetter == false)
        #expect(framework.metric(id: "econ-vcse-local-spend")?.unit == "£ million a year")
        #expect(framework.metric(id: "employ-staff-in-deprived-wards")?.higherIsBetter == true)
        #expect(framework.allMetrics.allSatisfy { !$0.unit.isEmpty && $0.unit.count <= 40 && Identifier.isValid($0.id) })
        CampaignReport.record("framework metrics: built-in metrics checked", cases: framework.allMetrics.count,
                              how: "every step-1 metric of the seed present under its area, with a unit and a direction")
    }

    @Test func theStagesCarryTheirAges() throws {
        let framework = try #require(framework)
        #expect(framework.stages.map(\.ageYears) == [AgeRange(from: 0, to: 1), AgeRange(from: 3, to: 5), AgeRange(from: 6, to: 10)])
    }

    @Test func theEmbeddedMetricsAndAgesEqualTheFile() throws {
        let framework = try #require(framework)
        let onDisk = try FrameworkLoader.load(contentsOf: repositoryRoot.appending(path: "Frameworks/ics-social-economic-development.yaml")).get()
        #expect(framework.allMetrics == onDisk.allMetrics)
        #expect(framework.allMetrics.count == 15)
        #expect(framework.stages == onDisk.stages)
        #expect(framework == onDisk)
    }
}
