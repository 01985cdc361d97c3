import Foundation
import Testing
@testable import MaturityModel
@testable import MaturityStore

/// The pure parts of the git store: commit messages, what happened between two versions, git's status lines.
@Suite("Git store: commit messages and changes")
struct GitCommitMessageTests {
    @Test func theSubjectNamesSystemPlaceDateAndWhatHappened() {
        var assessment = sampleAssessment(system: "West Yorkshire ICS", date: "2026-11-22")
        #expect(GitCommitMessage.subject(for: assessment, changes: [.completed]) == "West Yorkshire ICS, 2026-11-22: completed")
        assessment.place = "Leeds"
        #expect(GitCommitMessage.subject(for: assessment, changes: [.reopened, .renamed])
            == "West Yorkshire ICS (Leeds), 2026-11-22: reopened, renamed")
    }

    @Test func controlsInNamesBecomeSpacesOnOneLine() {
        let hostile = "Evil\u{1B}[31m\nSigned-off-by: M\r\u{7}\u{85}\u{2028}\u{202E}x\u{7F} "
        let clean = GitCommitMessage.clean(hostile)
        #expect(clean == "Evil [31m Signed-off-by: M     x")
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x202E })
        var assessment = sampleAssessment(system: hostile)
        assessment.place = "\nPlace"
        #expect(!GitCommitMessage.subject(for: assessment, changes: [.draftSaved]).contains("\n"))
        #expect(GitCommitMessage.message(["a\nb", "c"]) == "2 files changed\n\n- a b\n- c")
    }

    @Test func whatHappenedIsReadFromTheRecordsEvents() {
        let draft = sampleAssessment()
        #expect(RecordChange.between(nil, draft) == [.draftStarted])
        #expect(RecordChange.between(draft, draft) == [.draftSaved])
        var complete = draft
        complete.status = .complete
        complete.events.append(RecordEvent(.completed, at: "2026-11-22T10:00:00Z", by: "alice"))
        #expect(RecordChange.between(draft, complete) == [.completed])
        #expect(RecordChange.between(nil, complete) == [.completed])
        var reopened = complete
        reopened.status = .draft
        reopened.events.append(RecordEvent(.reopened, at: "2026-11-23T10:00:00Z", by: "bob", reason: "late"))
        #expect(RecordChange.between(complete, reopened) == [.reopened])
        var renamed = draft
        renamed.systemRename = SystemRename(from: "Ynys Môn ICS", to: "North Wales ICS", date: draft.date)
        #expect(RecordChange.between(nil, renamed) == [.renamed])
        #expect(RecordChange.between(draft, renamed) == [.renamed])
        #expect(RecordChange.between(renamed, renamed) == [.draftSaved])
        // Completed and reopened within one workshop: both said.
        #expect(RecordChange.between(draft, reopened) == [.completed, .reopened])
    }

    @Test func gitStatusLinesGiveEveryChangedPathOnce() {
        let output = "?? 2026-11-22-a.json\0 M 2026-11-22-b.json\0R  new.json\0old.json\0 D gone.json\0"
        #expect(GitStore.changedPaths(output) == ["2026-11-22-a.json", "2026-11-22-b.json", "new.json", "gone.json"])
        #expect(GitStore.changedPaths("") == [])
    }

    @Test func theStoreIgnoresLocksAndTemporaryFilesAndNeverMergesAssessmentsByLines() {
        #expect(GitStore.ignoreText.contains("\n.*\n") && GitStore.ignoreText.contains("!.gitignore"))
        #expect(GitStore.attributesText.contains("*.json -merge"))
    }
}
