import CellGrid
import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
@testable import WorkshopUI
import BuiltInFrameworks

let catalog = FrameworkCatalog(userFolder: nil)
let seedFramework = catalog.framework(id: FrameworkCatalog.defaultFrameworkID)!
let workshopDate = CalendarDate("2026-11-22")!

/// A workshop on the start screen, built-in frameworks offered, the seed framework first.
func startState(system: String? = nil, width: Int = 80, height: Int = 24, drafts: [WorkshopState.Draft] = []) -> WorkshopState {
    let frameworks = [seedFramework] + catalog.entries.map(\.framework).filter { $0.id != seedFramework.id }
    return WorkshopState(frameworks: frameworks, drafts: drafts, system: system, date: workshopDate,
                         frameworkID: seedFramework.id, width: width, height: height)
}

/// Keys as a facilitator types them: each character of a string becomes a key.
func keys(_ text: String) -> [Key] {
    text.map { $0 == "\n" ? .enter : .character($0) }
}

/// Sends `event` to the workshop's update, keeps the new state and returns the effects.
@discardableResult
func send(_ event: WorkshopEvent, to state: inout WorkshopState) -> [WorkshopEffect] {
    let effects: [WorkshopEffect]
    (state, effects) = Workshop.update(state, event)
    return effects
}

/// The draft file the tests' store creates.
let draftFile = URL(filePath: "/store/2026-11-22-west-yorkshire-ics.json")

/// Drives `state` with keys, answering each create or save effect as a working store would; with
/// `storeFails`, as a full disk would, with the content rescued to `rescueCopy` if given.
@discardableResult
func press(_ keys: [Key], on state: inout WorkshopState, storeFails: Bool = false, rescueCopy: String? = nil) -> [WorkshopEffect] {
    let failure = WorkshopEvent.storeFailed(reason: "disk full", rescueCopy: rescueCopy)
    var all: [WorkshopEffect] = []
    for key in keys {
        let effects = send(.key(key), to: &state)
        all += effects
        for effect in effects {
            switch effect {
            case .createDraft:
                send(storeFails ? failure : .draftCreated(draftFile), to: &state)
            case .save:
                send(storeFails ? failure : .saved, to: &state)
            default:
                break
            }
        }
    }
    return all
}

/// A workshop started for West Yorkshire ICS, on the first area's overview.
func startedState(width: Int = 80, height: Int = 24) -> WorkshopState {
    var state = startState(system: "West Yorkshire ICS", width: width, height: height)
    press(keys("Cathy Elliott, Rob Webster") + [.tab, .tab, .tab, .enter], on: &state)
    return state
}

/// Compares a rendered screen with `Golden/NAME.txt` (its text) and `Golden/NAME.styles` (the style of
/// every cell, a letter per column: see ``styleLetters``, and where the cursor is); `UPDATE_GOLDEN=1`
/// rewrites both files instead.
func expectGolden(_ state: WorkshopState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let frame = Renderer.render(state)
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden")
    let files = [("txt", frame.grid.text + "\n"), ("styles", styles(of: frame))]
    for (ending, text) in files {
        let url = folder.appending(path: "\(name).\(ending)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            continue
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "screen \(name) differs from its golden \(ending) file; rerun with UPDATE_GOLDEN=1 after checking it",
                sourceLocation: sourceLocation)
    }
}

/// One letter per style in `.styles` golden files.
let styleLetters: [Style: Character] = [
    .plain: ".", .title: "T", .dim: "d", .bar: "=", .selected: "S", .accent: "a", .good: "g", .warning: "W", .input: "_",
]

/// The styles of a frame as text: a legend, then one line per row with a letter per column (plain cells
/// at the end of a row left off), then the cursor.
func styles(of frame: Frame) -> String {
    let legend = "# " + Style.allCases.map { "\(styleLetters[$0] ?? "?") \($0)" }.joined(separator: "  ")
    let rows = (0..<frame.grid.height).map { row in
        var line = String((0..<frame.grid.width).map { styleLetters[frame.grid[row, $0].style] ?? "?" })
        while line.hasSuffix(".") { line.removeLast() }
        return line
    }
    let cursor = frame.cursor.map { "# cursor: row \($0.row), column \($0.column)" } ?? "# cursor: hidden"
    return ([legend] + rows + [cursor]).joined(separator: "\n") + "\n"
}
