import Foundation
import MaturityFramework
import MaturityModel
import TestSupport
import Testing

@Suite("--target AREA=STAGE:YEAR")
struct TargetArgumentTests {
    func error(_ argument: String, year: Int = 2026) -> TargetArgumentError? {
        do { _ = try TargetArgument.parse(argument, framework: seedFramework, assessmentYear: year); return nil } catch { return error }
    }

    @Test func anAreaAndStageByIdOrTitleInAnyCase() throws {
        for argument in ["climate-change=established:2027", "Climate=Established:2027", " CLIMATE-CHANGE = established : 2027 "] {
            let (area, target) = try TargetArgument.parse(argument, framework: seedFramework, assessmentYear: 2026)
            #expect(area == "climate-change" && target == Target(stageID: "established", year: 2027), "\(argument)")
        }
        let all = try TargetArgument.parseAll(["economy=expanding:2030", "climate-change=emerging:2026"],
                                              framework: seedFramework, assessmentYear: 2026)
        #expect(all == ["economic-development": Target(stageID: "expanding", year: 2030),
                        "climate-change": Target(stageID: "emerging", year: 2026)])
        #expect(try TargetArgument.parseAll([], framework: seedFramework, assessmentYear: 2026).isEmpty)
        #expect(try TargetArgument.parse("climate=expanding:2046", framework: seedFramework, assessmentYear: 2026).target.year == 2046)
    }

    @Test func eachRefusalNamesTheArgumentAndWhatWouldDo() {
        let cases: [(String, TargetArgumentError)] = [
            ("climate", .form(argument: "climate", example: "climate-change=established:2031")),
            ("climate=established", .form(argument: "climate=established", example: "climate-change=established:2031")),
            ("climate:2027=established", .form(argument: "climate:2027=established", example: "climate-change=established:2031")),
            ("=established:2027", .form(argument: "=established:2027", example: "climate-change=established:2031")),
            ("climate=:2027", .form(argument: "climate=:2027", example: "climate-change=established:2031")),
            ("climate=established:", .form(argument: "climate=established:", example: "climate-change=established:2031")),
            ("climat=established:2027", .unknownArea(argument: "climat=established:2027", area: "climat",
                                                     known: ["economic-development", "quality-employment", "climate-change"])),
            ("climate=thriving:2027", .unknownStage(argument: "climate=thriving:2027", stage: "thriving",
                                                    known: ["emerging", "established", "expanding"])),
            ("climate=not-yet-emerging:2027", .unknownStage(argument: "climate=not-yet-emerging:2027", stage: "not-yet-emerging",
                                                            known: ["emerging", "established", "expanding"])),
            ("climate=established:27", .notAYear(argument: "climate=established:27", year: "27")),
            ("climate=established:２０２７", .notAYear(argument: "climate=established:２０２７", year: "２０２７")),
            ("climate=established:+2027", .notAYear(argument: "climate=established:+2027", year: "+2027")),
            ("climate=established:20270", .notAYear(argument: "climate=established:20270", year: "20270")),
            ("climate=established:2025", .yearOutOfRange(argument: "climate=established:2025", year: 2025, allowed: 2026...2046)),
            ("climate=established:2047", .yearOutOfRange(argument: "climate=established:2047", year: 2047, allowed: 2026...2046)),
        ]
        for (argument, expected) in cases {
            let found = error(argument)
            #expect(found == expected, "\(argument)")
            #expect(found?.message.hasPrefix("--target '") == true && found?.message.contains("\n") == false)
        }
        #expect(error("climat=established:2027")?.message
            == "--target 'climat=established:2027': no area 'climat' in the framework; areas: economic-development, quality-employment, climate-change")
        #expect(error("\u{1B}]0;owned\u{7}=established:2027")?.message.contains("\u{1B}") == false)
        #expect(error("climate=established:2025")?.message.contains("2026 to 2046") == true)
        do {
            _ = try TargetArgument.parseAll(["climate=established:2027", "climate-change=expanding:2030"],
                                            framework: seedFramework, assessmentYear: 2026)
            Issue.record("two targets for one area were taken")
        } catch {
            #expect(error == .repeatedArea(argument: "climate-change=expanding:2030", area: "climate-change"))
            #expect(error.message.contains("already has a target"))
        }
    }

    @Test func randomArgumentsAreReadOrRefusedNeverTrapped() {
        var generator = SeededRandom(seed: 27)
        // Five slots, each usually what belongs there and sometimes anything else.
        let slots = [["climate", "Climate", "economy", "quality-employment"], ["="], ["established", "Expanding", "emerging"], [":"],
                     ["2027", "2030", "2046"]]
        let noise = ["=", ":", "1999", " ", "-", "\u{1B}", "é", "", "99999999999999999999", "thriving", "ECONOMY", "2O27"]
        let cases = 5_000
        var accepted = 0
        for _ in 0..<cases {
            let argument = slots.map { choices in
                Int.random(in: 0..<4, using: &generator) == 0 ? noise.randomElement(using: &generator)! : choices.randomElement(using: &generator)!
            }.joined()
            do {
                let (area, target) = try TargetArgument.parse(argument, framework: seedFramework, assessmentYear: 2026)
                accepted += 1
                #expect(seedFramework.area(id: area) != nil && seedFramework.stage(id: target.stageID) != nil)
                #expect((2026...2046).contains(target.year))
            } catch {
                #expect(!error.message.contains("\n") && !error.message.contains("\u{1B}"))
            }
        }
        #expect(accepted > 500 && accepted < cases)
        CampaignReport.record("--target AREA=STAGE:YEAR: random arguments of areas, stages, years and separators", cases: cases,
                              how: "read against the built-in framework or refused with one line")
    }
}

@Suite("Targets carried forward")
struct TargetCarryForwardTests {
    @Test func aRerunCarriesEachTargetWhoseStageTheFrameworkStillHas() {
        var earlier = sampleAssessment(date: "2025-11-22")
        earlier[area: "climate-change"].target = Target(stageID: "established", year: 2027)
        earlier[area: "economic-development"].target = Target(stageID: "thriving", year: 2028)
        earlier.metrics = [MetricReading(metricID: "fleet-size", value: (try? ExactDecimal.parse("120")) ?? ExactDecimal(units: 0, scale: 0)!,
                                         unit: "vehicles")]
        let rerun = Assessment(carryingForward: earlier, file: "earlier.json", framework: seedFramework,
                               date: CalendarDate("2026-11-22")!, participants: [])
        #expect(rerun[area: "climate-change"].target == Target(stageID: "established", year: 2027))
        #expect(rerun[area: "economic-development"].target == nil, "a stage the framework no longer has")
        #expect(rerun[area: "quality-employment"].target == nil)
        #expect(rerun.metrics.isEmpty, "metric values belong to their year")
        #expect(Assessment(starting: seedFramework, system: "x", date: CalendarDate("2026-11-22")!).areas.allSatisfy { $0.target == nil })
    }
}

@Suite("--target matching in frameworks of one's own")
struct TargetArgumentMatchingTests {
    /// Two areas whose short titles clash with each other and with an id; stages whose title is another's id.
    static let framework = Framework(
        id: "own", version: "1", title: "Own", source: Source(title: "t", publisher: "p", published: "2026"),
        stages: [Stage(id: "one", title: "Two"), Stage(id: "two", title: "Top"), Stage(id: "three", title: "Top")],
        areas: [Area(id: "estates", title: "Estates", shortTitle: "Green", descriptors: [], criteria: []),
                Area(id: "fleet", title: "Fleet", shortTitle: "Green", descriptors: [], criteria: []),
                Area(id: "green", title: "Green spaces", shortTitle: "Parks", descriptors: [], criteria: [])])

    @Test func anIdWinsOverATitleAndASharedTitleNamesNeither() throws {
        let framework = Self.framework
        #expect(try TargetArgument.parse("green=two:2030", framework: framework, assessmentYear: 2026)
            == ("green", Target(stageID: "two", year: 2030)), "the id green, not the short title two areas share")
        #expect(try TargetArgument.parse("Parks=one:2030", framework: framework, assessmentYear: 2026).areaID == "green")
        #expect(throws: TargetArgumentError.unknownStage(argument: "fleet=top:2030", stage: "top", known: ["one", "two", "three"])) {
            _ = try TargetArgument.parse("fleet=top:2030", framework: framework, assessmentYear: 2026)
        }
    }

    @Test func yearsAtTheEdgesOfTheCalendarDoNotTrap() throws {
        #expect(try TargetArgument.parse("fleet=one:9999", framework: Self.framework, assessmentYear: 9995).target.year == 9999)
        for year in [Int.min, -1, 0, 999, 10_000, Int.max] {
            #expect(throws: TargetArgumentError.self) {
                _ = try TargetArgument.parse("fleet=one:2030", framework: Self.framework, assessmentYear: year)
            }
        }
    }
}
