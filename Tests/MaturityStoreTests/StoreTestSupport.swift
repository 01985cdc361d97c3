import Foundation
import MaturityFramework
@testable import MaturityModel
import MaturityRules
@testable import MaturityStore
import BuiltInFrameworks

/// The built-in seed framework.
let seedFramework = FrameworkCatalog(userFolder: nil).framework(id: FrameworkCatalog.defaultFrameworkID)!

/// A fresh, empty folder that is removed when the test's scope ends.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appending(path: "maturity-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Names of the files in the folder, sorted, hidden ones included (a store's `frameworks/` folder left out).
    var fileNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0 != StoreFrameworks.folderName }.sorted()
    }
}

/// A draft of West Yorkshire ICS with a few answers, a note and an action.
/// ``sampleAssessment(system:date:)`` as a file written before framework hashes were kept names it.
func sampleAssessmentWithoutHash() -> Assessment {
    var assessment = sampleAssessment()
    assessment.framework.sha256 = nil
    return assessment
}

func sampleAssessment(system: String = "West Yorkshire ICS", date: String = "2026-11-22") -> Assessment {
    var assessment = Assessment(starting: seedFramework, system: system, date: CalendarDate(date)!,
                                participants: ["Cathy (chair)", "Rob"])
    var economy = assessment[area: "economic-development"]
    economy.answers = ["econ-emerging-plan-reviewed": .yes, "econ-emerging-plan-known": .yes,
                       "econ-emerging-strategy-refers": .yes, "econ-established-strategy-aligned": .partly]
    economy.notes = ["econ-emerging-plan-reviewed": "Reviewed at the March board – minuted ✓, 日本"]
    economy.actions = [Action(id: "a1", what: "Align the strategy", owner: "Director of strategy",
                              due: CalendarDate("2027-03-31"), status: .inProgress)]
    assessment[area: "economic-development"] = economy
    return assessment
}

/// 1,500 cases in the normal test run; `MATURITY_FUZZ_CASES` asks for a longer campaign.
let fuzzCases = ProcessInfo.processInfo.environment["MATURITY_FUZZ_CASES"].flatMap { Int($0) } ?? 1500
