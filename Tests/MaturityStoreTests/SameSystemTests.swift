import Foundation
import MaturityFramework
import MaturityModel
import Testing

@Suite("The same-system filter")
struct SameSystemTests {
    @Test func anAssessmentBelongsByIdentityWhateverItsNameAndOnlyToItsFramework() {
        var older = sampleAssessment(system: "Ynys Mon and Gwynedd ICS", date: "2025-11-20")
        older.systemID = nil
        let current = sampleAssessment(system: "Ynys Môn & Gwynedd ICS", date: "2026-11-22")
        var other = sampleAssessment(system: "Humber ICS", date: "2026-11-22")
        other.systemID = "humber-ics"
        var otherFramework = current
        otherFramework.framework.id = "anchor-institution-charter"
        let directory = SystemDirectory([.init(older, file: "old.json"), .init(current, file: "now.json"),
                                         .init(other, file: "humber.json"), .init(otherFramework, file: "anchor.json")])
        let id = directory.identity(of: current, file: "now.json")
        #expect(directory.belongs(older, file: "old.json", to: id), "the same system under a name typed differently")
        #expect(directory.belongs(older, file: "old.json", to: id, framework: seedFramework.id))
        #expect(!directory.belongs(other, file: "humber.json", to: id))
        #expect(directory.belongs(otherFramework, file: "anchor.json", to: id))
        #expect(!directory.belongs(otherFramework, file: "anchor.json", to: id, framework: seedFramework.id))
        #expect(directory.belongs(SystemDirectory.Member(older, file: "old.json"), to: id))
    }
}
