import Foundation
import MaturityFramework
import MaturityModel
import Testing
@testable import WorkshopUI

/// The start screen offers the framework the named system last used, so a yearly rerun on a store's own
/// framework (issue 16) is offered last year's answers without a key.
@Suite("The start screen's framework follows the system")
struct StartFrameworkTests {
    static let anchor = catalog.framework(id: "anchor-institution-charter")!

    /// Humber's last complete assessment used the anchor charter.
    func start(system: String?) -> WorkshopState {
        var state = startState(system: system)
        var earlier = Assessment(starting: Self.anchor, system: "Humber ICS", date: CalendarDate("2025-11-20")!)
        earlier.status = .complete
        state.storeIndex = StoreIndex(archive: [.init(file: URL(filePath: "/store/2025-11-20-humber-ics.json"), assessment: earlier,
                                                      framework: Self.anchor)])
        return state
    }

    @Test func aKnownSystemStartsOnTheFrameworkItLastUsedAndIsOfferedItsAnswers() {
        var state = start(system: "Humber ICS")
        press([.tab], on: &state)
        #expect(state.framework.id == "anchor-institution-charter")
        #expect(Renderer.render(state).grid.text.contains("‹ Anchor institution charter self-assessment ›"))
        press([.tab, .tab, .enter], on: &state)
        #expect(Renderer.render(state).grid.text.contains("Humber ICS has a complete assessment of 2025-11-20. Start from it?"))
    }

    @Test func anotherNameGoesBackToTheFirstFrameworkAndAChoiceByHandStays() {
        var state = start(system: nil)
        press(keys("Humber ICS"), on: &state)
        #expect(state.framework.id == "anchor-institution-charter")
        press(Array(repeating: .backspace, count: 10) + keys("Hull"), on: &state)
        #expect(state.framework.id == seedFramework.id)
        // Chosen with ←/→ (→ then ← comes back to the first), the framework no longer follows the name.
        press([.backTab, .backTab, .right, .left], on: &state)
        #expect(state.start?.focus == .framework)
        #expect(state.framework.id == seedFramework.id)
        press([.tab, .tab] + Array(repeating: .backspace, count: 4) + keys("Humber ICS"), on: &state)
        #expect(state.start?.system.text == "Humber ICS")
        #expect(state.framework.id == seedFramework.id)
    }
}
