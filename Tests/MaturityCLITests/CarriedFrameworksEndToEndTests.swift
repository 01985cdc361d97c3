import Foundation
import Testing
import TestSupport

/// Issue 16: a store carries the frameworks its assessments use, so that it reads anywhere.
@Suite("A store that carries its own frameworks")
struct CarriedFrameworksEndToEndTests {
    static let framework = ProcurementFramework.text(known: "Is local spend known to the board?")

    @Test func aCopiedStoreReadsInAFreshHomeWithNoFrameworksFolder() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write(Self.framework, to: "procurement.yaml")
        let sheet = try sandbox.write("criterion,answer,note\nspend-known,yes,\nspend-steered,partly,\n", to: "sheet.csv")
        let made = try sandbox.run(["new", "--system", "Test ICS", "--date", "2025-11-20", "--framework", file, "--answers", sheet, "--complete"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: sandbox.store.appending(path: "frameworks/procurement-social-value-1.0.0.yaml").path))
        // Another machine: a fresh sandbox (fresh HOME, no frameworks folder) given a copy of the store.
        let other = try Sandbox()
        try? FileManager.default.removeItem(at: other.store)
        try FileManager.default.copyItem(at: sandbox.store, to: other.store)
        let listed = try other.run(["list"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("2025-11-20  Test ICS  complete  procurement-social-value"))
        #expect(!listed.stdout.contains("No assessments"))
        let shown = try other.run(["show", "2025-11-20-test-ics.json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let exported = try other.run(["export", "2025-11-20-test-ics.json", "--format", "md"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("Local spend"))
        let frameworks = try other.run(["frameworks"])
        #expect(frameworks.stdout.contains("store: \(other.store.path)/frameworks/procurement-social-value-1.0.0.yaml"))
        // A plain workshop there carries last year's answers forward: the framework is offered from the store.
        let workshop = try other.run(["workshop", "--plain", "--system", "Test ICS", "--framework", "procurement-social-value"],
                                     input: "2026-11-20\n\n" + String(repeating: "\n", count: 40))
        let drafts = try storeContents(atPath: other.store.path).filter { $0.hasPrefix("2026-11-20") }
        #expect(drafts.count == 1, "\(workshop.stdout.suffix(400)) \(workshop.stderr)")
        if let draft = drafts.first {
            let text = try String(contentsOf: other.store.appending(path: draft), encoding: .utf8)
            #expect(text.contains("\"lastTime\""), "carried forward from 2025-11-20")
        }
    }

    @Test func editingTheFrameworkWithoutRaisingItsVersionKeepsTheOldQuestionsAndRefusesTheNewText() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write(Self.framework, to: "procurement.yaml")
        #expect(try sandbox.run(["new", "--system", "Test ICS", "--date", "2025-11-20", "--framework", file]).status == 0)
        _ = try sandbox.write(Self.framework.replacingOccurrences(of: "Is local spend known to the board?", with: "Is spend counted?"),
                              to: "procurement.yaml")
        let shown = try sandbox.run(["show", "2025-11-20-test-ics.json", "--format", "json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let refused = try sandbox.run(["new", "--system", "Other ICS", "--date", "2025-11-21", "--framework", file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("raise `version`"), "\(refused.stderr)")
        let exported = try sandbox.run(["export", "2025-11-20-test-ics.json", "--format", "md"])
        #expect(exported.stdout.contains("Is local spend known to the board?") || exported.stdout.contains("spend known"), "\(exported.stdout.prefix(600))")
        #expect(!exported.stdout.contains("Is spend counted?"))
    }

    @Test func aCopyWhoseHashDoesNotMatchOrABombIsRefusedInOneLine() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write(Self.framework, to: "procurement.yaml")
        #expect(try sandbox.run(["new", "--system", "Test ICS", "--date", "2025-11-20", "--framework", file]).status == 0)
        let copy = sandbox.store.appending(path: "frameworks/procurement-social-value-1.0.0.yaml")
        let bomb = "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
        for planted in [Self.framework.replacingOccurrences(of: "Spend is known.", with: "Spend is guessed."), bomb] {
            try FileManager.default.removeItem(at: copy)
            try Data(planted.utf8).write(to: copy)
            // A fresh HOME has no installed copy to fall back on.
            for command in [["show", "2025-11-20-test-ics.json"], ["export", "2025-11-20-test-ics.json", "--format", "md"]] {
                let result = try sandbox.run(command)
                #expect(result.status == 1)
                #expect(result.stderr.hasPrefix("maturity: ") && result.stderr.contains("procurement-social-value"), "\(result.stderr)")
            }
            let listed = try sandbox.run(["list"])
            #expect(!listed.stdout.contains("No assessments in"), "\(listed.stdout)")
        }
        CampaignReport.record("A store's framework copy altered (another text under the hash, a YAML alias bomb)", cases: 2,
                              how: "show and export refuse in one line naming the framework; list never says No assessments")
    }

    /// A store with one complete assessment of Test ICS on the custom framework, copied into a fresh sandbox.
    static func copiedStore() throws -> Sandbox {
        let sandbox = try Sandbox()
        let file = try sandbox.write(framework, to: "procurement.yaml")
        let sheet = try sandbox.write("criterion,answer,note\nspend-known,yes,\nspend-steered,partly,\n", to: "sheet.csv")
        let made = try sandbox.run(["new", "--system", "Test ICS", "--date", "2025-11-20", "--framework", file, "--answers", sheet, "--complete"])
        #expect(made.status == 0, "\(made.stderr)")
        let other = try Sandbox()
        try? FileManager.default.removeItem(at: other.store)
        try FileManager.default.copyItem(at: sandbox.store, to: other.store)
        return other
    }

    @Test func aCarriedForwardFullScreenWorkshopRunsOnTheStoresCopyInAFreshHome() throws {
        let other = try Self.copiedStore()
        let session = try TmuxSession(["workshop", "--system", "Test ICS", "--framework", "procurement-social-value"],
                                      sandbox: other)
        try session.waitFor("Framework: Procurement for social value 1.0.0")
        try session.waitFor("▸ Participants")
        try session.press("Tab", "Tab", "Enter")
        try session.waitFor("Test ICS has a complete assessment of 2025-11-20. Start from it?")
        try session.type("y")
        try session.waitFor("Spend (1 of 1) · Overview")
        try session.press("Enter")
        let carried = try session.waitForWholeFrame("as last time: Enter confirms")
        #expect(carried.contains("Is local spend known to the board?"))
        #expect(carried.contains("Last time (2025-11-20): Yes, in place"))
        try session.press("Enter")
        try session.waitFor("Question 2 of 2")
        try session.answer("y")
        try session.waitFor("Placed at: Doing")
        try session.type("s")
        try session.type("c")
        try session.waitFor("Marked complete (recorded)")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        let listed = try other.run(["list"])
        // This year's (dated today) is complete and placed on the store's copy.
        #expect(listed.stdout.contains("  Test ICS  complete  procurement-social-value 1.0.0  Spend: Doing  "), "\(listed.stdout)")
        #expect(listed.stdout.contains("2025-11-20  Test ICS  complete  procurement-social-value 1.0.0  Spend: Starting"))
    }

    @Test func aRerunOnANewVersionCarriesByCriterionAndProgressNamesWhatEachVersionLacks() throws {
        let other = try Self.copiedStore()
        // This year the board uses version 1.1.0, installed on this machine: one question replaced by another.
        let folder = other.home.appending(path: ".config/maturity/frameworks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let next = ProcurementFramework.text(version: "1.1.0", known: "Is local spend known to the whole board?", doing: "spend-reported",
                                             doingQuestion: "Is local spend reported yearly?")
        try Data(next.utf8).write(to: folder.appending(path: "procurement.yaml"))
        // Date, participants, start from last year; Enter confirms question 1 as last time; y answers the new one; complete.
        let workshop = try other.run(["workshop", "--plain", "--system", "Test ICS", "--framework", "procurement-social-value"],
                                     input: "2026-11-20\n\n\n\n\ny\n\n\ny\n\n")
        #expect(workshop.status == 0, "\(workshop.stderr)")
        #expect(workshop.stdout.contains("Last time (2025-11-20): Yes, in place"), "carried by criterion id across versions")
        #expect(workshop.stdout.contains("Last time (2025-11-20): not asked (new in version 1.1.0)"), "\(workshop.stdout)")
        // The question 1.1.0 reworded says how it was asked last time.
        #expect(workshop.stdout.contains("Last time (2025-11-20): Yes, in place — then worded: Is local spend known to the board?"))
        let listed = try other.run(["list"])
        #expect(listed.stdout.contains("2026-11-20  Test ICS  complete  procurement-social-value 1.1.0  Spend: Doing"), "\(listed.stdout)")
        #expect(listed.stdout.contains("2025-11-20  Test ICS  complete  procurement-social-value 1.0.0  Spend: Starting  "))
        #expect(FileManager.default.fileExists(atPath: other.store.appending(path: "frameworks/procurement-social-value-1.1.0.yaml").path))
        let progress = try other.run(["progress", "--system", "Test ICS"])
        #expect(progress.status == 0, "\(progress.stderr)")
        // Last year stays as its board saw it (not provisional for the question it was never asked).
        #expect(progress.stdout.contains("Spend  Starting      Doing (↑ up)"), "\(progress.stdout)")
        #expect(progress.stdout.contains("Spend: ↑ up. Newly met: none. Newly lost: none. Framework version 1.0.0 → 1.1.0: "
                                         + "newly asked: spend reported; no longer asked: spend steered."))
        let paper = try other.run(["export", "2026-11-20-test-ics.json", "--format", "md"])
        #expect(paper.stdout.contains("Placed at Starting then, Doing now: ↑ up. Framework version 1.0.0 → 1.1.0:"), "\(paper.stdout)")
        #expect(paper.stdout.contains("No answer changed."))
    }

    @Test func plainModeOffersTheFrameworkTheSystemLastUsedOnEnter() throws {
        let other = try Self.copiedStore()
        // Date, participants, Enter at the framework prompt, Enter to start from last year's answers.
        let workshop = try other.run(["workshop", "--plain", "--system", "Test ICS"], input: "2026-11-20\n\n\n\n" + String(repeating: "\n", count: 12))
        #expect(workshop.stdout.contains("  3. Procurement for social value (procurement-social-value)\n"), "\(workshop.stdout.prefix(900))")
        #expect(workshop.stdout.contains("Framework (Enter for 3, the one Test ICS last used): "))
        #expect(workshop.stdout.contains("Test ICS has a complete assessment of 2025-11-20. Start from its answers"))
        #expect(workshop.stdout.contains("Last time (2025-11-20): Yes, in place"))
        // A system with no assessment still starts on the first framework.
        let fresh = try other.run(["workshop", "--plain", "--system", "Other ICS"], input: "2026-11-20\n\n\n" + String(repeating: "q\n", count: 3))
        #expect(fresh.stdout.contains("Framework (Enter for 1): "), "\(fresh.stdout.prefix(900))")
    }

    /// Issue 16's newcomer run: the edited text of a version the store keeps, installed on this machine.
    @Test func anEditedInstalledTextOfAKeptVersionIsSetAsideAndRefusedBeforeTheWorkshopStarts() throws {
        let other = try Self.copiedStore()
        let folder = other.home.appending(path: ".config/maturity/frameworks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let edited = folder.appending(path: "procurement.yaml")
        try Data(Self.framework.replacingOccurrences(of: "Is local spend known to the board?", with: "Is spend counted?").utf8).write(to: edited)
        // Listed once, as the store's copy, with a warning naming the installed file.
        let listed = try other.run(["frameworks"])
        #expect(listed.stdout.components(separatedBy: "procurement-social-value 1.0.0").count == 2, "\(listed.stdout)")
        #expect(listed.stdout.contains("procurement-social-value 1.0.0 · 1 area · the store's copy"))
        #expect(listed.stderr.contains("warning: \(edited.path) is another text of framework 'procurement-social-value' version 1.0.0"))
        #expect(listed.stderr.contains("raise `version` in its file"))
        // validate says the store would refuse it; show finds the store's copy by id.
        let validated = try other.run(["frameworks", "validate", edited.path])
        #expect(validated.status == 0 && validated.stderr.contains("raise `version`"), "\(validated.stderr)")
        let shown = try other.run(["frameworks", "show", "procurement-social-value"])
        #expect(shown.status == 0 && shown.stdout.contains("Is local spend known to the board?"), "\(shown.stderr)")
        // A workshop on the edited file is refused before it starts: nothing to rescue, nothing written.
        let before = try storeContents(atPath: other.store.path)
        for mode in [["--plain"], []] {
            let refused = try other.run(["workshop", "--system", "Test ICS", "--framework", edited.path] + mode, input: "")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("is not the text this store already keeps for that version"), "\(refused.stderr)")
        }
        #expect(try storeContents(atPath: other.store.path) == before)
        // By id, the store's copy is used, and a note says why.
        let made = try other.run(["new", "--system", "Test ICS", "--date", "2026-11-20", "--framework", "procurement-social-value"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("note: \(edited.path) is another text"))
        let paper = try other.run(["export", "2026-11-20-test-ics.json", "--format", "md"])
        #expect(paper.stdout.contains("Is local spend known to the board?"), "the store's text, not the edited one")
        #expect(!paper.stdout.contains("Is spend counted?"))
    }

    @Test func aStoreOnlyFrameworkCanBeShownByIdAndItsOfferToCarryForwardNamesTheVersions() throws {
        let other = try Self.copiedStore()
        let shown = try other.run(["frameworks", "show", "procurement-social-value", "--format", "json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("\"spend-known\""))
        let folder = other.home.appending(path: ".config/maturity/frameworks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.framework.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0").utf8)
            .write(to: folder.appending(path: "procurement.yaml"))
        let workshop = try other.run(["workshop", "--plain", "--system", "Test ICS", "--framework", "procurement-social-value"],
                                     input: "2026-11-20\n\n" + String(repeating: "q\n", count: 3))
        #expect(workshop.stdout.contains("Test ICS has a complete assessment of 2025-11-20. It was answered on version 1.0.0 of the "
                                         + "framework; this workshop uses 1.1.0: answers are carried question by question"), "\(workshop.stdout.prefix(900))")
    }

    /// A workshop the store could not keep is refused before it starts, not met at its first save.
    @Test func aWorkshopIsRefusedBeforeItStartsWhenTheStoreCannotKeepItsFramework() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["new", "--system", "Old ICS", "--date", "2025-11-20"]).status == 0)
        let folder = sandbox.store.appending(path: "frameworks")
        let elsewhere = sandbox.root.appending(path: "elsewhere-frameworks")
        try FileManager.default.moveItem(at: folder, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: elsewhere)
        let before = try storeContents(atPath: sandbox.store.path)
        let refused = try sandbox.run(["workshop", "--plain", "--system", "New ICS"], input: "2026-11-20\n\n\n")
        #expect(refused.status == 1)
        #expect(refused.stderr == "maturity: \(folder.path): is not a folder (a symbolic link, file or other special file), so nothing in it "
                + "is read; the store keeps its frameworks there, so remove what is in its place\n", "\(refused.stderr)")
        #expect(!refused.stdout.contains("Date,"), "refused before the first question")
        #expect(try storeContents(atPath: sandbox.store.path) == before)
        // A special file at another framework's copy leaves that one out of the offer, with a note; the workshop runs.
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        #expect(mkfifo(folder.appending(path: "anchor-institution-charter-1.0.0.yaml").path, 0o600) == 0)
        let offered = try sandbox.run(["workshop", "--plain", "--system", "New ICS"], input: "2026-11-20\n\n" + String(repeating: "q\n", count: 3))
        #expect(offered.stderr.contains("anchor-institution-charter-1.0.0.yaml: is not a regular file"), "\(offered.stderr)")
        #expect(offered.stderr.contains("'anchor-institution-charter' 1.0.0 is not offered"))
        #expect(offered.stdout.contains("Saving to \(sandbox.store.path)/2026-11-20-new-ics.json"), "\(offered.stdout.prefix(600))")
    }
}
