import Foundation
import MaturityFramework
import MaturityModel
import MaturityRules
import Testing
@testable import WorkshopUI

@Suite("Plain mode: export, history and commands")
struct PlainExportHistoryTests {
    @Test func xExportsThroughTheShellAndSaysEveryPath() {
        let script = PlainScript(["s", "", "x", ""])
        var workshop = script.workshop(PlainScript.newAssessment())
        var requests: [PlainWorkshop.ExportRequest] = []
        workshop.export = { _, path, request in
            requests.append(request)
            #expect(path == "/store/2026-11-22-west-yorkshire-ics.json", "the export is named after the draft")
            return .written(paths: ["/here/s.md", "/here/s.html", "/here/s.csv", "/here/s.json"], note: "the current folder is the store")
        }
        _ = workshop.run()
        #expect(requests == [.ask])
        #expect(script.output.contains("Exported the summary (the current folder is the store) to:\n  /here/s.md\n  /here/s.html\n"
            + "  /here/s.csv\n  /here/s.json\n"))
    }

    @Test func existingFilesAreReplacedOrWrittenBesideOnlyWhenTheBoardSaysSo() {
        let existing = ["/here/s.md", "/here/s.html", "/here/s.csv", "/here/s.json"]
        for (reply, expected) in [("r", PlainWorkshop.ExportRequest.replace(folder: "/here")), ("n", .beside(folder: "/here")), ("", nil)] {
            let script = PlainScript(["s", "", "x", reply, ""])
            var workshop = script.workshop(PlainScript.newAssessment())
            var requests: [PlainWorkshop.ExportRequest] = []
            workshop.export = { _, _, request in
                requests.append(request)
                return request == .ask ? .wouldReplace(folder: "/here", existing: existing) : .written(paths: ["/here/s-2.md"], note: nil)
            }
            _ = workshop.run()
            #expect(requests == [.ask] + (expected.map { [$0] } ?? []), "reply \(reply)")
            #expect(script.output.contains("s.md, .html, .csv and .json exist in /here already.\n"
                + "r replaces them, n writes new files beside them, Enter leaves them: "))
            if expected == nil { #expect(script.output.contains("Not exported; the files were left as they are.")) }
        }
    }

    @Test func aFailedExportSaysWhyInertly() {
        let script = PlainScript(["s", "", "x", ""])
        var workshop = script.workshop(PlainScript.newAssessment())
        workshop.export = { _, _, _ in .failed("no folder \u{1B}[2J to write in") }
        _ = workshop.run()
        #expect(script.output.contains("Not exported: no folder \\u{1B}[2J to write in\n"))
    }

    @Test func hSaysEachAreasStageOverTheYears() {
        var earlier = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2025-11-20")!)
        earlier.status = .complete
        var now = PlainScript.newAssessment()
        for index in 0..<3 { now[area: "economic-development"].answers[criterion(0, index)] = .yes }
        let script = PlainScript(["s", "", "h", ""])
        var workshop = script.workshop(now)
        workshop.earlier = [Progression.Entry(assessment: earlier, file: "2025-11-20-west-yorkshire-ics.json")]
        _ = workshop.run()
        #expect(script.output.contains("Progression of West Yorkshire ICS: "))
        #expect(script.output.contains("2025-11-20 → 2026-11-22"))
        #expect(script.output.contains("Economy: ↑ up. Newly met: "))
    }

    @Test(arguments: [
        ("b", PlainCommand.back), ("BACK", .back), ("s", .summary), ("q", .quit), ("?", .help), ("help", .help),
        ("g", .go(nil)), ("g 2", .go(PlainTarget("2"))), ("g2.4", .go(PlainTarget("2.4"))), ("go 1.10", .go(PlainTarget("1.10"))),
        ("e", .edit(nil)), ("e 3", .edit(3)), ("E3", .edit(3)), ("delete 2", .delete(2)), ("d", .delete(nil)),
        ("a", .add), ("c", .complete), ("x", .export), ("h", .history), ("l", .list),
    ])
    func commandsAreLettersOrWords(_ reply: String, _ command: PlainCommand) {
        #expect(PlainCommand(reply) == command)
    }

    @Test(arguments: ["", "y", "n", "p", "u", "-", "+", "g x", "g 2.", "e one", "d 1 2", "Align the strategy", "done", "b 2"])
    func otherRepliesAreNoCommand(_ reply: String) {
        #expect(PlainCommand(reply) == nil)
    }

    @Test func questionNumbersAreSaidAsRuns() {
        #expect(PlainWorkshop.questions([3], of: 10) == "question 4")
        #expect(PlainWorkshop.questions([0, 1], of: 10) == "questions 1 and 2")
        #expect(PlainWorkshop.questions([0, 2, 3, 4, 5, 8], of: 10) == "questions 1, 3 to 6 and 9")
        #expect(PlainWorkshop.questions(Array(0..<9), of: 9) == "all 9 questions")
    }
}
