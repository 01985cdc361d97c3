import CellGrid
import Foundation
import MaturityFramework
import MaturityModel
import Testing
import TestSupport
@testable import WorkshopUI

/// Random keys, sizes and store answers through the one update function and the renderer: whatever
/// a facilitator (or a cat on the keyboard) types, the workshop neither traps nor draws outside the screen.
@Suite("Random keys")
struct RandomKeysTests {
    static let keys: [Key] = [.enter, .tab, .backTab, .backspace, .delete, .escape, .up, .down, .left, .right, .home,
                              .end, .pageUp, .pageDown, .help, .control("u"), .control("k")]
        + "ypnuaedrcxhst[]?12345 .-+é日🌡".map { Key.character($0) }  // q would end the walk early

    /// A generator with a fixed seed, so that a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    static func states() throws -> [WorkshopState] {
        var complete = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: workshopDate)
        for criterion in seedFramework.allCriteria { complete[area: seedFramework.areas[0].id].answers[criterion.id] = .partly }
        complete.status = .complete
        var earlier = complete
        earlier.date = CalendarDate("2025-11-20")!
        earlier[area: seedFramework.areas[0].id].actions = [Action(id: "action-1", what: "Brief partners", owner: "Chair")]
        var carried = startState(system: "West Yorkshire ICS")
        carried.storeIndex = StoreIndex(archive: [.init(file: URL(fileURLWithPath: "/store/2025-11-20-west-yorkshire-ics.json"),
                                                        assessment: earlier, framework: seedFramework)])
        return [startState(), startedState(), carried,
                WorkshopState(resuming: complete, file: URL(fileURLWithPath: "/store/c.json"), framework: seedFramework)]
    }

    @Test func randomKeysNeverTrapOrOverflow() throws {
        let steps = Int(ProcessInfo.processInfo.environment["MATURITY_RANDOM_KEYS"] ?? "") ?? 1_000
        var generator = Generator(state: 20261123)
        var frames = 0
        for var state in try Self.states() {
            for _ in 0..<steps {
                let roll = Int.random(in: 0..<100, using: &generator)
                let effects: [WorkshopEffect]
                if roll < 3 {
                    effects = send(.resize(width: Int.random(in: 1...140, using: &generator),
                                           height: Int.random(in: 1...50, using: &generator)), to: &state)
                } else {
                    effects = press([Self.keys.randomElement(using: &generator)!], on: &state, storeFails: roll < 8,
                                    rescueCopy: roll < 6 ? "/tmp/rescue.json" : nil)
                }
                if effects.contains(.quit) { break }
                let frame = Renderer.render(state)
                #expect(frame.grid.lines.allSatisfy { TextWidth.of($0) <= state.width })
                frames += 1
            }
        }
        CampaignReport.record("Workshop: random keys, sizes and store failures through update and render", cases: frames,
                              how: "four starting states (start screen, new, carried forward, complete): no trap, no line wider than the terminal")
    }
}
