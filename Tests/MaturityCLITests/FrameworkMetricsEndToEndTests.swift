import Foundation
import Testing
import TestSupport

/// `maturity frameworks validate` and `frameworks show` on metrics and stage ages, run as a user would.
@Suite("Framework metrics end to end")
struct FrameworkMetricsEndToEndTests {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A framework file with one stage (with ages), one area and `metrics` as given (YAML list items).
    func framework(metrics: String, ages: String = "{from: 0, to: 1}") -> String {
        """
        id: with-metrics
        version: 1.0.0
        title: With metrics
        source: {title: s, publisher: p, published: "2024"}
        stages:
          - id: first
            title: First
            ageYears: \(ages)
        areas:
          - id: only-area
            title: Only area
            stages:
              first:
                descriptor: What the first stage looks like.
                criteria:
                  - id: only-criterion
                    question: Is it so?
        metrics:
        \(metrics)
        """
    }

    @Test func validateNamesEveryBadMetricFieldWithFileAndLine() throws {
        let sandbox = try Sandbox()
        let bad = try sandbox.write(framework(metrics: """
              - id: carbon
                area: climate
                title: Carbon
                unit: ""
                higherIsBetter: yes
              - id: carbon
                area: only-area
                title: Carbon again
                unit: tCO2e a year
                higherIsBetter: false
            """, ages: "{from: 3, to: 1}"), to: "bad.yaml")
        let result = try sandbox.run(["frameworks", "validate", bad])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "\(bad):8: stages[0].ageYears.to: 1 is below from (3); a range runs from the younger age to the older",
            "\(bad):20: metrics[0].area: unknown area 'climate' (the framework's areas are only-area)",
            "\(bad):22: metrics[0].unit: must not be empty",
            "\(bad):23: metrics[0].higherIsBetter: 'yes' must be true or false",
            "\(bad):24: metrics[1].id: duplicate metric id 'carbon' (first used on line 19)",
        ], "\(result.stderr)")
        CampaignReport.record("frameworks validate: bad metric and stage-age fields", cases: 5,
                              how: "each one line FILE:LINE: field: message on stderr, exit 1, nothing on stdout")
    }

    @Test func validateCountsTheMetricsAndLeavesOlderFilesAsTheyWere() throws {
        let sandbox = try Sandbox()
        let good = try sandbox.write(framework(metrics: """
              - {id: carbon, area: only-area, title: Carbon footprint, unit: tCO2e a year, higherIsBetter: false}
            """), to: "good.yaml")
        let builtIn = repository.appending(path: "Frameworks/ics-social-economic-development.yaml").path
        let charter = repository.appending(path: "Frameworks/anchor-institution-charter.yaml").path
        let result = try sandbox.run(["frameworks", "validate", good, builtIn, charter])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "\(good): ok (with-metrics 1.0.0: 1 stage, 1 area, 1 criterion, 1 metric)",
            "\(builtIn): ok (ics-social-economic-development 1.0.0: 3 stages, 3 areas, 30 criteria, 15 metrics)",
            "\(charter): ok (anchor-institution-charter 1.0.0: 2 stages, 3 areas, 15 criteria)",
        ])
    }

    @Test func showListsTheMetricsPerArea() throws {
        let sandbox = try Sandbox()
        let text = try sandbox.run(["frameworks", "show", "ics-social-economic-development"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Metrics (the baseline, year by year):"))
        #expect(text.stdout.contains("Carbon footprint of all NHS organisations in the system (tCO2e a"))
        #expect(text.stdout.contains("[climate-carbon-footprint]"))
        let climate = try #require(text.stdout.range(of: "3. Tackling climate change"))
        #expect(text.stdout[climate.upperBound...].contains("[climate-fleet-size]"))
        #expect(!text.stdout[..<climate.lowerBound].contains("[climate-fleet-size]"))

        let json = try sandbox.run(["frameworks", "show", "ics-social-economic-development", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let areas = try #require(object["areas"] as? [[String: Any]])
        let metricsByArea = areas.map { ($0["id"] as? String ?? "", ($0["metrics"] as? [[String: Any]]) ?? []) }
        #expect(metricsByArea.map(\.1.count) == [5, 5, 5])
        let carbon = try #require(metricsByArea[2].1.first { $0["id"] as? String == "climate-carbon-footprint" })
        #expect(carbon["unit"] as? String == "tCO2e a year")
        #expect(carbon["higherIsBetter"] as? Bool == false)
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.map { ($0["ageYears"] as? [String: Int])?["from"] } == [0, 3, 6])

        let charter = try sandbox.run(["frameworks", "show", "anchor-institution-charter", "--format", "json"])
        let charterObject = try #require(try JSONSerialization.jsonObject(with: Data(charter.stdout.utf8)) as? [String: Any])
        #expect((charterObject["areas"] as? [[String: Any]])?.allSatisfy { ($0["metrics"] as? [Any])?.isEmpty == true } == true)
        let charterText = try sandbox.run(["frameworks", "show", "anchor-institution-charter"])
        #expect(!charterText.stdout.contains("Metrics"))
    }
}
