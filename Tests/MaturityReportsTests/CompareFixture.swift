import Foundation
import MaturityFramework
import MaturityModel
@testable import MaturityReports

/// Systems, assessments and places for the `compare` and `rollup` tests, on the built-in framework.
enum CompareFixture {
    static let reference = FrameworkReference(seedFramework)
    static let hostileName = "Evil \u{1B}[31m\u{202E} <script>alert(1)</script> \"quoted\",\nline two"
    static let formulaName = "=HYPERLINK(\"http://x\",\"click\")"

    /// A complete system-level assessment (unless said otherwise) with `levels` (`-1`: area absent; a
    /// level above 9 is provisional at level − 10).
    static func assessed(_ system: String, _ date: String, _ levels: [Int], place: String? = nil, complete: Bool = true,
                         version: String = seedFramework.version, framework: String = seedFramework.id) -> ComparedAssessment {
        ComparedAssessment(
            systemID: system, file: "\(date)-\(system)\(place.map { "--" + Slug.make(from: $0) } ?? "").json",
            date: CalendarDate(date)!, isComplete: complete, place: place,
            framework: FrameworkReference(id: framework, version: version, title: "T"),
            levels: framework == seedFramework.id
                ? levels.map { $0 < 0 ? nil : AreaLevel(level: $0 % 10, isProvisional: $0 >= 10) } : [])
    }

    static let systems = [SystemName(id: "west-yorkshire-ics", name: "West Yorkshire ICS"),
                          SystemName(id: "humber", name: "Humber and North Yorkshire ICS"),
                          SystemName(id: "evil", name: hostileName),
                          SystemName(id: "formula", name: formulaName),
                          SystemName(id: "other", name: "Other Framework ICS"),
                          SystemName(id: "older", name: "Older Version ICS"),
                          SystemName(id: "drafty", name: "Drafty ICS")]

    static let assessments = [
        assessed("west-yorkshire-ics", "2025-11-20", [1, 0, 0]),
        assessed("west-yorkshire-ics", "2026-11-20", [2, 10, 1]),
        assessed("west-yorkshire-ics", "2026-12-01", [3, 3, 3], complete: false),
        assessed("west-yorkshire-ics", "2026-12-02", [3, 3, 3], place: "Leeds"),
        assessed("humber", "2025-10-01", [2, 2, 2]),
        assessed("humber", "2026-10-01", [1, 2, 13]),
        assessed("evil", "2026-10-02", [0, 1, 2]),
        assessed("formula", "2024-10-02", [3, 3, 3]),
        assessed("formula", "2026-10-02", [3, 3, 3]),
        assessed("other", "2026-10-03", [], framework: "another-framework"),
        assessed("older", "2025-09-01", [1, 1, -1], version: "0.9.0"),
        assessed("older", "2026-09-01", [2, 1, -1], version: "0.9.0"),
        assessed("drafty", "2026-09-01", [2, 2, 2], complete: false),
    ]

    static var matrix: SystemsMatrix {
        SystemsMatrix(framework: seedFramework, systems: systems, assessments: assessments, year: 2026)
    }

    static let rollupAssessments = [
        assessed("west-yorkshire-ics", "2026-11-20", [2, 10, 1]),
        assessed("west-yorkshire-ics", "2026-05-01", [1, 1, 1], place: "Leeds"),
        assessed("west-yorkshire-ics", "2026-06-01", [2, 1, 11], place: "leeds"),
        assessed("west-yorkshire-ics", "2026-06-02", [3, 3, 3], place: "Bradford District and Craven", complete: false),
        assessed("west-yorkshire-ics", "2025-06-02", [1, 0, 0], place: "Bradford District and Craven"),
        assessed("west-yorkshire-ics", "2026-07-01", [0, 0, -1], place: hostileName, version: "0.9.0"),
        assessed("west-yorkshire-ics", "2026-07-02", [3, 3, 3], place: "Wakefield", framework: "another-framework"),
        assessed("humber", "2026-07-01", [3, 3, 3], place: "Hull"),
    ]

    static var rollup: SystemRollup {
        SystemRollup(framework: seedFramework, system: systems[0], assessments: rollupAssessments, year: nil)
    }

    /// Every compare and roll-up document, named as its golden file.
    static func documents() throws -> [(name: String, text: String)] {
        [("compare.txt", CompareExport.text(matrix)), ("compare.md", CompareExport.markdown(matrix)),
         ("compare.html", CompareHTML.render(matrix)), ("compare.csv", CompareCSV.render(matrix)),
         ("compare.json", try GoldenFixture.prettyJSON(ComparisonJSON(matrix))),
         ("rollup.txt", RollupExport.text(rollup)), ("rollup.md", RollupExport.markdown(rollup)),
         ("rollup.html", RollupExport.html(rollup)), ("rollup.csv", CompareCSV.render(rollup)),
         ("rollup.json", try GoldenFixture.prettyJSON(RollupJSON(rollup)))]
    }
}

/// A small deterministic random generator (SplitMix64), so the property tests repeat exactly.
struct CompareRandom: RandomNumberGenerator {
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
