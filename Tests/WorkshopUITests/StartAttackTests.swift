import MaturityFramework
import MaturityModel
import MaturityRules
import Testing
@testable import WorkshopUI

/// The start screen attacked (views-attack): a name typed twice is one participant, so that a round
/// asks them once and no view is replaced by a second one under the same name.
@Suite("Start screen under attack")
struct StartAttackTests {
    @Test func aNameTypedTwiceIsOneParticipant() {
        var state = startState(system: "West Yorkshire ICS")
        press(keys("Ann, Bob,Ann ,  Ann") + [.tab, .tab, .tab, .enter], on: &state)
        #expect(state.assessment?.participants == ["Ann", "Bob"])
    }
}
