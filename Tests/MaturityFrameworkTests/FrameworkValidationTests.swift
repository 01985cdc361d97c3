import Foundation
import Testing
@testable import MaturityFramework

/// Problems found in `text`, as `LINE: message` strings (`-` when the line is unknown).
func problems(_ text: String) -> [String] {
    problems(Data(text.utf8))
}

func problems(_ data: Data) -> [String] {
    switch FrameworkLoader.parse(data, fileName: "f.yaml") {
    case .success: return []
    case let .failure(failure):
        #expect(failure.problems.allSatisfy { $0.file == "f.yaml" })
        return failure.problems.map { "\($0.line.map(String.init) ?? "-"): \($0.message)" }
    }
}

@Suite("Framework validation")
struct FrameworkValidationTests {
    @Test func theMinimalFrameworkIsValid() throws {
        let framework = try FrameworkLoader.parse(Data(minimalFramework().utf8), fileName: "f.yaml").get()
        #expect(framework.areas[0].criteria[0].label == "Is it so?")
        #expect(framework.version == "1.0.0")
    }

    @Test func jsonFrameworksLoadToo() throws {
        let json = """
            {"id": "j", "version": "2", "title": "J", "source": {"title": "s", "publisher": "p", "published": "2020"},
             "stages": [{"id": "a", "title": "A"}],
             "areas": [{"id": "x", "title": "X", "stages": {"a": {"descriptor": "d", "criteria": [{"id": "c", "question": "q?"}]}}}]}
            """
        let framework = try FrameworkLoader.parse(Data(json.utf8), fileName: "f.json").get()
        #expect(framework.allCriteria.map(\.id) == ["c"])
    }

    @Test func malformedYAMLNamesTheLine() {
        let found = problems("id: x\nversion: 1\ntitle: [unclosed\nsource: x\n")
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("4: is not valid YAML") || found[0].hasPrefix("3: is not valid YAML"), "\(found)")
    }

    @Test func missingAndEmptyFieldsAreReportedWithTheirLines() {
        let text = minimalFramework().replacingOccurrences(of: "title: Mini\n", with: "title: \"  \"\n")
            .replacingOccurrences(of: "  publisher: A publisher\n", with: "")
        let found = problems(text)
        #expect(found.contains("3: title: must not be empty"))
        #expect(found.contains("5: source.publisher: missing"))
    }

    @Test func duplicateIdsAreReportedWhereTheyRepeat() {
        var text = minimalFramework()
        text += "\n  - id: only-area\n    title: Again\n    stages:\n      first:\n        descriptor: d\n        criteria:\n"
            + "          - id: only-criterion\n            question: Again?\n"
        let found = problems(text)
        #expect(found.contains("20: areas[1].id: duplicate area id 'only-area' (first used on line 12)"), "\(found)")
        let stages = minimalFramework().replacingOccurrences(
            of: "stages:\n  - id: first\n    title: First\n",
            with: "stages:\n  - id: first\n    title: First\n  - id: first\n    title: Again\n")
        #expect(problems(stages).contains { $0.hasPrefix("11: stages[1].id: duplicate stage id 'first'") })
        let criteria = minimalFramework() + "\n          - id: only-criterion\n            question: Twice?\n"
        #expect(problems(criteria).contains("20: duplicate criterion id 'only-criterion' (first used on line 18)"))
    }

    @Test func anAreaNeedsCriteriaAtEveryStage() {
        let twoStages = minimalFramework().replacingOccurrences(
            of: "    title: First\n", with: "    title: First\n  - id: second\n    title: Second\n")
        #expect(problems(twoStages).contains { $0.contains("areas[0].stages.second: missing; every area needs") })
        let empty = minimalFramework().replacingOccurrences(
            of: "        criteria:\n          - id: only-criterion\n            question: Is it so?",
            with: "        criteria: []")
        #expect(problems(empty).contains("17: areas[0].stages.first.criteria: no criteria; every stage of an area needs at least one"))
    }

    @Test func emptyStagesAndAreasAreReported() {
        let noAreas = minimalFramework().components(separatedBy: "areas:")[0] + "areas: []\n"
        #expect(problems(noAreas) == ["11: areas: empty; a framework needs at least one area"])
        let noStages = minimalFramework().replacingOccurrences(of: "stages:\n  - id: first\n    title: First", with: "stages: []")
        #expect(problems(noStages).contains("8: stages: empty; a framework needs at least one stage"))
    }

    @Test func unknownStageIdsAndFieldsAreNamed() {
        let unknownStage = minimalFramework() + "\n      third:\n        descriptor: d\n        criteria: []\n"
        #expect(problems(unknownStage).contains("20: areas[0].stages.third: unknown stage 'third' (the framework's stages are first)"))
        let typo = minimalFramework().replacingOccurrences(of: "title: Mini", with: "titel: Mini")
        let found = problems(typo)
        #expect(found.contains { $0.hasPrefix("3: titel: unknown field") })
        #expect(found.contains("1: title: missing"))
    }

    @Test(arguments: [
        ("\n    threshold:\n      atLeast: 120%", "12: stages[0].threshold.atLeast: 120% is out of range (1% to 100%)"),
        ("\n    threshold:\n      atLeast: 0", "12: stages[0].threshold.atLeast: 0% is out of range (1% to 100%)"),
        ("\n    threshold:\n      atLeast: 75%\n      partlyCounts: -5%",
         "13: stages[0].threshold.partlyCounts: -5% is out of range (0% to 100%)"),
        ("\n    threshold:\n      atLeast: lots", "12: stages[0].threshold.atLeast: 'lots' is not a whole percentage such as 75%"),
    ])
    func thresholdsOutOfRangeAreRefused(_ threshold: String, _ expected: String) {
        #expect(problems(minimalFramework(threshold: threshold)).contains(expected))
    }

    @Test func thresholdsInRangeAreRead() throws {
        let text = minimalFramework(threshold: "\n    threshold:\n      atLeast: 75%\n      partlyCounts: 50")
        let framework = try FrameworkLoader.parse(Data(text.utf8), fileName: "f.yaml").get()
        #expect(framework.stages[0].threshold == Threshold(atLeastPercent: 75, partlyPercent: 50))
    }

    @Test func wrongTypesAreReportedNotTrapped() {
        #expect(problems("[1, 2, 3]") == ["1: framework: must be a mapping of fields (id, version, title, source, stages, areas)"])
        #expect(problems("just text") == ["1: framework: must be a mapping of fields (id, version, title, source, stages, areas)"])
        let listTitle = minimalFramework().replacingOccurrences(of: "title: Mini", with: "title: [a, b]")
        #expect(problems(listTitle).contains("3: title: must be text, not a list or mapping"))
        let mappingStages = minimalFramework().replacingOccurrences(of: "stages:\n  - id: first\n    title: First", with: "stages: {}")
        #expect(problems(mappingStages).contains { $0.hasPrefix("8: stages: must be a list") })
        let badID = minimalFramework(id: "Not An Id")
        #expect(problems(badID).contains { $0.hasPrefix("1: id: 'Not An Id' is not a valid id") })
    }

    @Test func emptyBinaryHugeAndNonUTF8InputIsRefused() {
        #expect(problems("") == ["-: is empty; a framework needs id, version, title, source, stages and areas"])
        #expect(problems("# only a comment\n") == ["-: is empty; a framework needs id, version, title, source, stages and areas"])
        #expect(problems(Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1])) == ["-: is binary (it contains NUL bytes), not YAML or JSON text"])
        #expect(problems(Data([0x69, 0x64, 0x3A, 0xFF, 0xFE])) == ["-: is not UTF-8 text"])
        let huge = Data(repeating: 0x61, count: FrameworkLoader.maximumFileSize + 1)
        #expect(problems(huge).first?.contains("a framework file may be at most") == true)
    }

    @Test func deepNestingIsRefusedBeforeParsing() {
        let flow = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(problems(flow).first?.contains("nesting is deeper than") == true)
        let dashes = String(repeating: "- ", count: 100_000) + "x"
        #expect(problems(dashes).first?.contains("nesting is deeper than") == true)
        let quotedTrick = "[a's, " + String(repeating: "[", count: 50_000)
        #expect(problems(quotedTrick).first?.contains("nesting is deeper than") == true)
        var block = ""
        for depth in 0..<300 { block += String(repeating: " ", count: depth) + "k:\n" }
        #expect(problems(block).first?.contains("nesting is deeper than") == true)
    }

    @Test func theNestingCheckLeavesRealFrameworksAlone() throws {
        for file in ["ics-social-economic-development.yaml", "anchor-institution-charter.yaml"] {
            let text = try String(contentsOf: repositoryRoot.appending(path: "Frameworks/\(file)"), encoding: .utf8)
            #expect(FrameworkLoader.lineExceedingNesting(text) == nil)
        }
    }

    @Test func duplicateKeysAndAliasBombsAreBounded() {
        let duplicate = minimalFramework().replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.0\nversion: 2")
        #expect(problems(duplicate).first?.contains("the same key appears twice") == true)
        var bomb = minimalFramework().replacingOccurrences(of: "areas:\n  - id: only-area", with: "spare:\n  - &a\n    id: only-area")
        bomb += "\nareas: [" + Array(repeating: "*a", count: 5000).joined(separator: ", ") + "]\n"
        let found = problems(bomb)
        #expect(found.contains { $0.contains("areas: 5000 entries; at most 50 are allowed") })
    }

    @Test func textWithControlCharactersIsRefused() {
        let text = minimalFramework().replacingOccurrences(of: "title: Mini", with: "title: \"Mini\\u0007\"")
        #expect(problems(text).contains("3: title: contains control characters"))
    }

    @Test func problemsPrintAsFileLineMessage() {
        #expect(FrameworkProblem(file: "a.yaml", line: 3, message: "m").description == "a.yaml:3: m")
        #expect(FrameworkProblem(file: "a.yaml", line: nil, message: "m").description == "a.yaml: m")
    }

    @Test func missingFilesAndFoldersAreReported() {
        let missing = FrameworkLoader.load(contentsOf: URL(fileURLWithPath: "/no/such/file.yaml"))
        #expect((try? missing.get()) == nil)
        if case let .failure(failure) = missing { #expect(failure.description == "/no/such/file.yaml: no such file") }
        if case let .failure(failure) = FrameworkLoader.load(contentsOf: URL(fileURLWithPath: "/tmp")) {
            #expect(failure.description == "/tmp: is a folder, not a file")
        } else {
            Issue.record("a folder must not load")
        }
    }

    @Test(arguments: ["a", "a-b", "econ-2", "x1-y2-z3"])
    func validIdentifiers(_ id: String) { #expect(Identifier.isValid(id)) }

    @Test(arguments: ["", "A", "a--b", "-a", "a-", "a_b", "a b", "a/b", "..", "é", String(repeating: "a", count: 65)])
    func invalidIdentifiers(_ id: String) { #expect(!Identifier.isValid(id)) }
}
