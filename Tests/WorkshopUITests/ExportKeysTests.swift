import CellGrid
import Foundation
import Testing
@testable import WorkshopUI

@Suite("The summary board's export keys")
struct ExportKeysTests {
    /// A workshop on its summary board.
    func summary() -> WorkshopState {
        var state = startedState()
        press(keys("s"), on: &state)
        return state
    }

    @Test func existingFilesAreReplacedOnlyOnASecondX() {
        var state = summary()
        #expect(press(keys("x"), on: &state) == [.export])
        send(.exportWouldReplace(folder: "/work", existing: ["/work/a-summary.md", "/work/a-summary.csv"]), to: &state)
        #expect(state.message?.text == "a-summary.md, .csv exist in /work already. Press x again to replace them, "
                + "n to write new files beside, any other key to leave them.")
        #expect(press(keys("x"), on: &state) == [.exportInto(folder: "/work", replacing: true)])
        // The question is answered once: the next x asks again.
        #expect(press(keys("x"), on: &state) == [.export])

        send(.exportWouldReplace(folder: "/work", existing: ["/work/a-summary.md"]), to: &state)
        #expect(press(keys("n"), on: &state) == [.exportInto(folder: "/work", replacing: false)])

        send(.exportWouldReplace(folder: "/work", existing: ["/work/a-summary.md"]), to: &state)
        #expect(press([.down], on: &state).isEmpty)
        #expect(state.message == nil)
        #expect(press(keys("n"), on: &state).isEmpty, "n alone exports nothing")
        #expect(press(keys("x"), on: &state) == [.export])
    }

    @Test func theMessageListsEveryFileWrittenAndWrapsRatherThanCutThemOff() {
        var state = summary()
        let folder = "/home/facilitator/maturity-exports"
        let paths = ["md", "html", "csv", "json"].map { "\(folder)/2026-01-01-york-summary.\($0)" }
        send(.exported(paths: paths, note: "the current folder is the store"), to: &state)
        #expect(state.message?.text == "Exported to \(folder) (the current folder is the store): 2026-01-01-york-summary "
                + "as .md, .html, .csv, .json")
        let screen = Renderer.render(state).grid.text
        #expect(screen.contains(" Exported to \(folder) (the current folder is the\n"
                                + " store): 2026-01-01-york-summary as .md, .html, .csv, .json"))
    }
}
