import Foundation
import Testing
import TestSupport

/// Two facilitators, each with a clone of one bare repository (`file://`), in one sandbox whose HOME
/// and git configuration are its own: git runs for real, with an identity given per person through
/// `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n` (no global or system file is read).
final class GitSandbox: @unchecked Sendable {
    let sandbox = try! Sandbox()
    var root: URL { sandbox.root }
    var remote: URL { root.appending(path: "shared.git") }
    func store(_ person: String) -> URL { root.appending(path: "store-\(person)") }

    /// The environment `maturity` and git run with for `person` (nil: git knows no one).
    func environment(_ person: String?, date: String? = nil) -> [String: String] {
        var environment = ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": root.appending(path: "no-gitconfig").path,
                           "EMAIL": "", "GIT_AUTHOR_NAME": "", "GIT_AUTHOR_EMAIL": "", "GIT_COMMITTER_NAME": "", "GIT_COMMITTER_EMAIL": ""]
        if let person {
            environment.merge(["GIT_CONFIG_COUNT": "2", "GIT_CONFIG_KEY_0": "user.name", "GIT_CONFIG_VALUE_0": person,
                               "GIT_CONFIG_KEY_1": "user.email", "GIT_CONFIG_VALUE_1": "\(person.lowercased())@example.org",
                               "MATURITY_STORE": store(person).path]) { _, new in new }
        }
        if let date { environment["GIT_AUTHOR_DATE"] = date; environment["GIT_COMMITTER_DATE"] = date }
        return environment
    }

    /// `maturity` as `person`, in their store.
    func maturity(_ person: String, _ arguments: [String], date: String? = nil, extra: [String: String] = [:]) throws -> CommandResult {
        try sandbox.run(arguments, environment: environment(person, date: date).merging(extra) { _, new in new })
    }

    /// Git itself, as the test's own tool, in `folder`.
    func git(_ arguments: [String], in folder: URL) throws -> CommandResult {
        let git = try RequiredTool.path("git")
        let out = root.appending(path: "git-out-\(UUID().uuidString)")
        let err = root.appending(path: "git-err-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        var environment = environment("Test")
        environment["HOME"] = sandbox.home.path
        environment["PATH"] = "/usr/bin:/bin"
        let status = try Spawn.run(git, arguments, environment: environment.filter { !$0.value.isEmpty }, folder: folder.path,
                                   output: out.path, error: err.path)
        return CommandResult(status: status, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                             stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// A bare repository, then Alice's store made a git store with it as origin, and Bob's cloned from it.
    func twoFacilitators() throws {
        #expect(try git(["init", "--quiet", "--bare", remote.path], in: root).status == 0)
        let made = try maturity("Alice", ["store", "init", "--git"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try git(["remote", "add", "origin", "file://" + remote.path], in: store("Alice")).status == 0)
        let pushed = try maturity("Alice", ["sync"])
        #expect(pushed.status == 0, "\(pushed.stderr)")
        let cloned = try maturity("Bob", ["store", "clone", "file://" + remote.path])
        #expect(cloned.status == 0, "\(cloned.stderr)")
    }

    /// The `.json` files in `person`'s store.
    func files(_ person: String) throws -> [String] {
        try storeContents(atPath: store(person).path).filter { $0.hasSuffix(".json") }.sorted()
    }
}

@Suite("A store shared through git: init, clone, sync, history, conflicts, missing git")
struct GitStoreEndToEndTests {
    @Test func twoFacilitatorsSyncDifferentAssessmentsWithoutConflict() throws {
        let git = GitSandbox()
        try git.twoFacilitators()
        let alice = try git.maturity("Alice", ["new", "--system", "West Yorkshire ICS", "--date", "2026-11-22", "--complete"])
        #expect(alice.status == 0, "\(alice.stderr)")
        #expect(alice.stderr.contains("git: committed \u{201C}West Yorkshire ICS, 2026-11-22: completed\u{201D}"))
        let bob = try git.maturity("Bob", ["new", "--system", "Humber and North Yorkshire", "--date", "2026-11-23", "--complete"])
        #expect(bob.status == 0, "\(bob.stderr)")
        for person in ["Alice", "Bob", "Alice"] {
            let synced = try git.maturity(person, ["sync"])
            #expect(synced.status == 0, "\(person): \(synced.stdout) \(synced.stderr)")
            #expect(synced.stdout.contains("Synced with 'origin'"))
        }
        let both = ["2026-11-22-west-yorkshire-ics.json", "2026-11-23-humber-and-north-yorkshire.json"]
        #expect(try git.files("Alice") == both)
        #expect(try git.files("Bob") == both)
        let authors = try git.git(["log", "--format=%an|%s"], in: git.store("Alice")).stdout
        #expect(authors.contains("Alice|West Yorkshire ICS, 2026-11-22: completed"))
        #expect(authors.contains("Bob|Humber and North Yorkshire, 2026-11-23: completed"))
        // Nothing of a lock or a temporary file is ever committed.
        let tracked = try git.git(["ls-files"], in: git.store("Bob")).stdout.split(separator: "\n").map(String.init).sorted()
        // The framework both were answered against went in with the first of them (issue 16), so a clone reads them.
        #expect(tracked == [".gitattributes", ".gitignore"] + both + ["frameworks/ics-social-economic-development-1.0.0.yaml"])
        // Files git wrote (Alice's, merged into Bob's store) are Bob's alone, whatever the test's umask.
        let merged = try FileManager.default.attributesOfItem(atPath: git.store("Bob").appending(path: both[0]).path)
        #expect((merged[.posixPermissions] as? Int) == 0o600)
        let objects = try FileManager.default.attributesOfItem(atPath: git.store("Bob").appending(path: ".git/objects").path)
        #expect((objects[.posixPermissions] as? Int) == 0o700)
        CampaignReport.record("Git store: two facilitators' different assessments synced through a file:// bare repository",
                              cases: 1, how: "store init --git, store clone, new --complete on each, sync ×3: both files on both, "
                                  + "each commit by its author, nothing but assessments and the git settings tracked")
    }

    @Test func oneFrameworkVersionWrittenWithTwoTextsOnTwoMachinesKeepsEachAssessmentReadable() throws {
        let git = GitSandbox()
        try git.twoFacilitators()
        // Each facilitator has their own text of one id and version (someone edited it without raising the version).
        let aliceFile = try git.sandbox.write(CarriedFrameworksEndToEndTests.framework, to: "alice.yaml")
        let bobFile = try git.sandbox.write(CarriedFrameworksEndToEndTests.framework
            .replacingOccurrences(of: "Is local spend steered?", with: "Is local spend steered by the board?"), to: "bob.yaml")
        #expect(try git.maturity("Alice", ["new", "--system", "Leeds ICS", "--date", "2026-11-22", "--framework", aliceFile]).status == 0)
        #expect(try git.maturity("Bob", ["new", "--system", "York ICS", "--date", "2026-11-23", "--framework", bobFile]).status == 0)
        #expect(try git.maturity("Alice", ["sync"], date: "2026-11-24T10:00:00Z").status == 0)
        let bob = try git.maturity("Bob", ["sync"], date: "2026-11-24T11:00:00Z")
        #expect(bob.stdout.contains("frameworks/procurement-social-value-1.0.0.yaml was written with another text on each side"), "\(bob.stdout) \(bob.stderr)")
        #expect(bob.stdout.contains("keep both") && bob.stdout.contains("raise `version`"), "\(bob.stdout)")
        #expect(try git.maturity("Alice", ["sync"]).status == 0)
        for person in ["Alice", "Bob"] {
            let listed = try git.maturity(person, ["list"])
            #expect(listed.status == 0 && listed.stderr.isEmpty, "\(person): \(listed.stdout) \(listed.stderr)")
            // Each assessment reads with the text it was answered against, kept whole on both machines.
            let leeds = try git.maturity(person, ["export", "2026-11-22-leeds-ics.json", "--format", "md"])
            #expect(leeds.status == 0, "\(person): \(leeds.stderr)")
            #expect(leeds.stdout.contains("Is local spend steered?") && !leeds.stdout.contains("steered by the board"))
            let york = try git.maturity(person, ["export", "2026-11-23-york-ics.json", "--format", "md"])
            #expect(york.status == 0, "\(person): \(york.stderr)")
            #expect(york.stdout.contains("Is local spend steered by the board?"))
        }
        CampaignReport.record("Git store: one framework version written with two texts on two machines, then synced", cases: 1,
                              how: "sync keeps both copies (the later under a conflict name); every assessment reads with "
                                  + "its own text on both machines")
    }

    @Test func theSameDraftChangedOnBothSidesIsKeptTwiceUntilSomeoneChooses() throws {
        let git = GitSandbox()
        try git.twoFacilitators()
        let name = "2026-11-22-leeds-ics.json"
        #expect(try git.maturity("Alice", ["new", "--system", "Leeds ICS", "--date", "2026-11-22", "--complete"]).status == 0)
        #expect(try git.maturity("Alice", ["sync"]).status == 0)
        #expect(try git.maturity("Bob", ["sync"]).status == 0)
        #expect(try git.files("Bob") == [name])
        // Both reopen it, each with a reason: the same file changed on two machines, Bob's an hour later.
        let reopenedA = try git.maturity("Alice", ["reopen", name, "--reason", "Alice's late evidence"], date: "2026-11-24T10:00:00Z")
        #expect(reopenedA.status == 0 && reopenedA.stderr.contains("Leeds ICS, 2026-11-22: reopened"), "\(reopenedA.stderr)")
        #expect(try git.maturity("Bob", ["reopen", name, "--reason", "Bob's late evidence"], date: "2026-11-24T11:00:00Z").status == 0)
        #expect(try git.maturity("Alice", ["sync"], date: "2026-11-24T10:00:00Z").status == 0)
        let bob = try git.maturity("Bob", ["sync"], date: "2026-11-24T11:00:00Z")
        #expect(bob.status == 2, "\(bob.stdout) \(bob.stderr)")
        let files = try git.files("Bob")
        #expect(files.count == 2)
        let copy = try #require(files.first { $0 != name })
        #expect(copy.hasPrefix("2026-11-22-leeds-ics.conflict-") && copy.hasSuffix("-20261124T110000.json"), "\(copy)")
        #expect(bob.stdout.contains("\(name) was changed on both sides: both are kept, the later as \(copy)."))
        #expect(bob.stderr.contains("1 conflict copy waits for a choice"))
        #expect(bob.stderr.contains("delete the version you do not keep"))
        // Nothing lost: the original holds Alice's reopening, the later copy Bob's.
        let original = try String(contentsOf: git.store("Bob").appending(path: name), encoding: .utf8)
        let later = try String(contentsOf: git.store("Bob").appending(path: copy), encoding: .utf8)
        #expect(original.contains("Alice's late evidence") && !original.contains("Bob's late evidence"))
        #expect(later.contains("Bob's late evidence") && !later.contains("Alice's late evidence"))
        // The copy is an assessment the store reads: list shows it, so it can be compared with show.
        let listed = try git.maturity("Bob", ["list"])
        #expect(listed.status == 0 && listed.stdout.contains(copy), "\(listed.stdout) \(listed.stderr)")
        // Alice gets both as well, and is told too.
        let alice = try git.maturity("Alice", ["sync"])
        #expect(alice.status == 2, "\(alice.stdout) \(alice.stderr)")
        #expect(try git.files("Alice") == files)
        // Bob chooses his own version: the copy moved over the original, then sync; both end at 0.
        try FileManager.default.removeItem(at: git.store("Bob").appending(path: name))
        try FileManager.default.moveItem(at: git.store("Bob").appending(path: copy), to: git.store("Bob").appending(path: name))
        let chosen = try git.maturity("Bob", ["sync"])
        #expect(chosen.status == 0, "\(chosen.stdout) \(chosen.stderr)")
        let settled = try git.maturity("Alice", ["sync"])
        #expect(settled.status == 0, "\(settled.stdout) \(settled.stderr)")
        #expect(try git.files("Alice") == [name])
        #expect(try String(contentsOf: git.store("Alice").appending(path: name), encoding: .utf8).contains("Bob's late evidence"))
        // Published history was never rewritten: every commit Alice pushed is still in the remote's history.
        let aliceCommits = try git.git(["log", "--format=%H", "--author=Alice"], in: git.store("Alice")).stdout
        let remoteCommits = try git.git(["--git-dir", git.remote.path, "log", "--format=%H", "main"], in: git.root).stdout
        for commit in aliceCommits.split(separator: "\n") { #expect(remoteCommits.contains(commit)) }
        CampaignReport.record("Git store: one draft changed on two machines, then synced", cases: 1,
                              how: "both reopen one file: sync keeps the earlier under its name and the later as "
                                  + "<name>.conflict-<host>-<time>.json, exit 2 on both until one is deleted and sync runs again; "
                                  + "no pushed commit lost from the remote")
    }

    @Test func oneDraftAnsweredInWorkshopsOnTwoMachinesKeepsBothAnswers() throws {
        let git = GitSandbox()
        try git.twoFacilitators()
        let name = "2026-11-20-draft-ics.json"
        #expect(try git.maturity("Alice", ["new", "--system", "Draft ICS", "--date", "2026-11-20"]).status == 0)
        #expect(try git.maturity("Alice", ["sync"]).status == 0)
        #expect(try git.maturity("Bob", ["sync"]).status == 0)
        // Each resumes the draft in a plain workshop and answers its first question, Alice yes, Bob (later) no.
        for (person, answer, date) in [("Alice", "y", "2026-11-24T10:00:00Z"), ("Bob", "n", "2026-11-24T11:00:00Z")] {
            let workshop = try git.sandbox.run(["workshop", "--plain", "--resume", name],
                                               environment: git.environment(person, date: date), input: answer + "\n")
            #expect(workshop.status == 0, "\(workshop.stderr)")
            #expect(workshop.stderr.contains("git: committed \u{201C}Draft ICS, 2026-11-20: draft saved\u{201D}"), "\(workshop.stderr)")
        }
        #expect(try git.maturity("Alice", ["sync"]).status == 0)
        let bob = try git.maturity("Bob", ["sync"], date: "2026-11-24T11:00:00Z")
        #expect(bob.status == 2, "\(bob.stdout) \(bob.stderr)")
        let copy = try #require(try git.files("Bob").first { $0 != name })
        #expect(copy.hasSuffix("-20261124T110000.json"))
        #expect(try SavedAssessment(path: git.store("Bob").appending(path: name).path).answers["econ-emerging-plan-reviewed"] == "yes")
        #expect(try SavedAssessment(path: git.store("Bob").appending(path: copy).path).answers["econ-emerging-plan-reviewed"] == "no")
        CampaignReport.record("Git store: one draft answered in plain workshops on two machines", cases: 1,
                              how: "each workshop commits its draft at its end; sync keeps Alice's yes under the name and "
                                  + "Bob's later no in the conflict copy, exit 2")
    }

    @Test func aFileRemovedOnOneSideAndChangedOnTheOtherIsKeptAsChanged() throws {
        let git = GitSandbox()
        try git.twoFacilitators()
        let name = "2026-11-22-york-ics.json"
        #expect(try git.maturity("Alice", ["new", "--system", "York ICS", "--date", "2026-11-22", "--complete"]).status == 0)
        #expect(try git.maturity("Alice", ["sync"]).status == 0)
        #expect(try git.maturity("Bob", ["sync"]).status == 0)
        try FileManager.default.removeItem(at: git.store("Bob").appending(path: name))
        let removed = try git.maturity("Bob", ["sync"])
        #expect(removed.status == 0 && removed.stdout.contains("\(name): removed"), "\(removed.stdout)")
        #expect(try git.maturity("Alice", ["reopen", name, "--reason", "Kept by Alice"]).status == 0)
        let merged = try git.maturity("Alice", ["sync"])
        #expect(merged.status == 0, "\(merged.stdout) \(merged.stderr)")
        #expect(try git.maturity("Bob", ["sync"]).status == 0)
        for person in ["Alice", "Bob"] {
            #expect(try git.files(person) == [name])
            #expect(try String(contentsOf: git.store(person).appending(path: name), encoding: .utf8).contains("Kept by Alice"))
        }
        CampaignReport.record("Git store: a file removed on one machine and changed on the other", cases: 1,
                              how: "sync keeps the changed version on both, exit 0")
    }

    @Test func syncWithNoRemoteCommitsAndSaysSo() throws {
        let git = GitSandbox()
        #expect(try git.maturity("Alice", ["store", "init", "--git"]).status == 0)
        // Changed behind maturity's back (a file copied in): sync commits it.
        let created = try git.maturity("Alice", ["new", "--system", "Solo ICS", "--date", "2026-11-22"])
        #expect(created.status == 0)
        try FileManager.default.copyItem(at: git.store("Alice").appending(path: "2026-11-22-solo-ics.json"),
                                         to: git.store("Alice").appending(path: "2026-11-23-solo-ics.json"))
        let synced = try git.maturity("Alice", ["sync"])
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout.contains("This store has no remote: everything is committed locally."))
        #expect(try git.git(["status", "--porcelain"], in: git.store("Alice")).stdout.isEmpty)
        // A remote that cannot be reached: said, with the remote's name and address, and the commit kept.
        #expect(try git.git(["remote", "add", "origin", git.root.appending(path: "gone.git").path], in: git.store("Alice")).status == 0)
        #expect(try git.maturity("Alice", ["new", "--system", "Solo ICS", "--date", "2026-11-24"]).status == 0)
        let unreachable = try git.maturity("Alice", ["sync"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("maturity: cannot reach the remote 'origin' (\(git.root.path)/gone.git)"), "\(unreachable.stderr)")
        #expect(unreachable.stderr.contains("your changes are committed locally"))
        // A store that is not a git store: sync says how to make one.
        let plain = try git.sandbox.run(["sync"])
        #expect(plain.status == 1 && plain.stderr.contains("is not a git store; make it one with 'maturity store init --git'"))
        CampaignReport.record("Git store: sync with no remote, an unreachable remote, and a store that is not a git store",
                              cases: 3, how: "exit 0 with everything committed and 'no remote' said; exit 1 naming the remote "
                                  + "and saying the commit is kept; exit 1 naming store init --git")
    }

    @Test func missingGitIsSaidClearlyByEveryGitCommand() throws {
        let git = GitSandbox()
        #expect(try git.maturity("Alice", ["store", "init", "--git"]).status == 0)
        #expect(try git.maturity("Alice", ["new", "--system", "Some ICS", "--date", "2026-11-22"]).status == 0)
        let noGit = ["PATH": git.root.appending(path: "empty-bin").path]
        let commands = [["store", "init", "--git"], ["store", "clone", "file:///nowhere.git", git.root.appending(path: "c").path],
                        ["sync"], ["history", "2026-11-22-some-ics.json"]]
        for command in commands {
            let result = try git.maturity("Alice", command, extra: noGit)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("git is not installed (no 'git' program on PATH)"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("sudo apt-get install git"), "\(command)")
        }
        // A change in a git store without git is saved all the same; the note says why it is not committed.
        let saved = try git.maturity("Alice", ["new", "--system", "Other ICS", "--date", "2026-11-22"], extra: noGit)
        #expect(saved.status == 0)
        #expect(saved.stderr.contains("could not be committed (it is saved in the store): git is not installed"))
        #expect(try git.files("Alice").contains("2026-11-22-other-ics.json"))
        // Without git's identity, the change is saved and pending; told once how to fix it, then sync commits it.
        let anonymous = try git.sandbox.run(["new", "--system", "Third ICS", "--date", "2026-11-22"],
                                            environment: git.environment(nil).merging(["MATURITY_STORE": git.store("Alice").path]) { _, new in new })
        #expect(anonymous.status == 0)
        #expect(anonymous.stderr.contains("git does not know who you are"), "\(anonymous.stderr)")
        #expect(anonymous.stderr.contains("git config --global user.name"))
        let synced = try git.maturity("Alice", ["sync"])
        #expect(synced.status == 0 && synced.stdout.contains("Committed"), "\(synced.stdout) \(synced.stderr)")
        #expect(try git.git(["status", "--porcelain"], in: git.store("Alice")).stdout.isEmpty)
        CampaignReport.record("Git store: git missing from PATH, and git with no identity", cases: commands.count + 2,
                              how: "store init, clone, sync, history each exit 1 saying git is missing and how to install it; "
                                  + "new in a git store saves and notes why it is not committed (no git; no identity, then sync commits)")
    }

    @Test func historyShowsWhoChangedAnAssessmentAndWhen() throws {
        let git = GitSandbox()
        try git.twoFacilitators()
        let name = "2026-11-22-kent-ics.json"
        #expect(try git.maturity("Alice", ["new", "--system", "Kent ICS", "--date", "2026-11-22", "--complete"],
                                 date: "2026-11-24T09:30:00Z").status == 0)
        #expect(try git.maturity("Alice", ["sync"]).status == 0)
        #expect(try git.maturity("Bob", ["sync"]).status == 0)
        #expect(try git.maturity("Bob", ["reopen", name, "--reason", "New data"], date: "2026-11-25T14:05:00Z").status == 0)
        let text = try git.maturity("Bob", ["history", name])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == "2026-11-25 14:05  Bob <bob@example.org>  Kent ICS, 2026-11-22: reopened\n"
            + "2026-11-24 09:30  Alice <alice@example.org>  Kent ICS, 2026-11-22: completed\n", "\(text.stdout)")
        let json = try git.maturity("Bob", ["history", name, "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["author"] as? String } == ["Bob", "Alice"])
        #expect(entries.map { $0["message"] as? String } == ["Kent ICS, 2026-11-22: reopened", "Kent ICS, 2026-11-22: completed"])
        #expect(entries.first?["date"] as? String == "2026-11-25T14:05:00+00:00")
        #expect((entries.first?["commit"] as? String)?.count == 40)
        #expect(entries.first?["email"] as? String == "bob@example.org")
        // A store that is not a git store keeps no history, and says so.
        #expect(try git.sandbox.run(["new", "--system", "Plain ICS", "--date", "2026-11-22"]).status == 0)
        let none = try git.sandbox.run(["history", "2026-11-22-plain-ics.json"])
        #expect(none.status == 1 && none.stderr.contains("is not a git store, so it keeps no history"))
        CampaignReport.record("Git store: history of one assessment", cases: 3,
                              how: "text and --format json name both authors, dates and what happened, newest first; "
                                  + "a plain store refused with the reason")
    }

    @Test func aWorkshopDraftIsCommittedWhenTheWorkshopEnds() throws {
        let git = GitSandbox()
        #expect(try git.maturity("Alice", ["store", "init", "--git"]).status == 0)
        let lines = ["2026-11-20", "", "1", "y", ""]
        let workshop = try git.sandbox.run(["workshop", "--plain", "--system", "Draft ICS"],
                                           environment: git.environment("Alice"), input: lines.joined(separator: "\n") + "\n")
        #expect(workshop.status == 0, "\(workshop.stderr)")
        #expect(workshop.stderr.contains("git: committed \u{201C}Draft ICS, 2026-11-20: draft started\u{201D}"), "\(workshop.stderr)")
        let log = try git.git(["log", "-1", "--format=%an|%s", "--", "2026-11-20-draft-ics.json"], in: git.store("Alice")).stdout
        #expect(log == "Alice|Draft ICS, 2026-11-20: draft started\n")
        CampaignReport.record("Git store: a plain workshop's draft committed when the workshop ends", cases: 1,
                              how: "piped input ending mid-area: one commit, by the facilitator, naming system, date and 'draft started'")
    }

    @Test func aFullScreenWorkshopDraftIsCommittedWhenTheWorkshopEndsNotOnEveryKey() throws {
        let git = GitSandbox()
        #expect(try git.maturity("Alice", ["store", "init", "--git"]).status == 0)
        let session = try TmuxSession(["workshop", "--system", "Screen ICS"], sandbox: git.sandbox,
                                      environment: git.environment("Alice").filter { !$0.value.isEmpty })
        try session.openFirstQuestion()
        try session.answer("y")
        try session.answer("p")
        // Saved on every key, but not committed while the workshop runs.
        #expect(try git.git(["log", "--format=%s"], in: git.store("Alice")).stdout.split(separator: "\n").count == 1)
        // sync waits for no workshop: it refuses while one has a draft open, as that workshop's next save
        // would replace whatever the merge brought.
        let refused = try git.maturity("Alice", ["sync"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is open in another workshop") && refused.stderr.contains("close it before 'maturity sync'"),
                "\(refused.stderr)")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        let log = try git.git(["log", "--format=%an|%s"], in: git.store("Alice")).stdout.split(separator: "\n").map(String.init)
        #expect(log.count == 2, "\(log)")
        #expect(log.first?.hasPrefix("Alice|Screen ICS, ") == true && log.first?.hasSuffix(": draft started") == true, "\(log)")
        #expect(try git.git(["status", "--porcelain"], in: git.store("Alice")).stdout.isEmpty)
        #expect(try git.maturity("Alice", ["sync"]).status == 0)
        CampaignReport.record("Git store: a full-screen workshop's draft committed once, when the workshop ends", cases: 2,
                              how: "tmux: two answers saved and not committed, sync refused while the draft is open; "
                                  + "q: one commit by the facilitator, nothing pending, sync 0")
    }

    @Test func simultaneousChangesInOneGitStoreAreEachCommitted() throws {
        let git = GitSandbox()
        #expect(try git.maturity("Alice", ["store", "init", "--git"]).status == 0)
        let count = 6
        let statuses = ConcurrentResults()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = try? git.maturity("Alice", ["new", "--system", "Race \(index) ICS", "--date", "2026-11-22"])
            statuses.append((result?.status ?? -1, result?.stderr ?? ""))
        }
        for (status, stderr) in statuses.values {
            #expect(status == 0)
            #expect(stderr.contains("git: committed"), "\(stderr)")
        }
        let log = try git.git(["log", "--format=%s"], in: git.store("Alice")).stdout.split(separator: "\n")
        #expect(log.count == count + 1, "\(log)")
        #expect(try git.git(["status", "--porcelain"], in: git.store("Alice")).stdout.isEmpty)
        CampaignReport.record("Git store: simultaneous changes in one git store", cases: count,
                              how: "six new at once: git's index lock waited for, each its own commit, nothing pending")
    }

    @Test func aHostileRemoteCannotHideAssessmentsOrPlantLinks() throws {
        let git = GitSandbox()
        try git.twoFacilitators()
        // Mallory pushes, with git alone, a .gitignore that hides every assessment and a link to a file outside the store.
        let evil = git.root.appending(path: "evil")
        #expect(try git.git(["clone", "--quiet", "--branch", "main", git.remote.path, evil.path], in: git.root).status == 0)
        try Data("*.json\n".utf8).write(to: evil.appending(path: ".gitignore"))
        let secret = git.root.appending(path: "secret.txt")
        try Data("not for the store".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(atPath: evil.appending(path: "2026-01-01-link.json").path, withDestinationPath: secret.path)
        #expect(try git.git(["add", "--all", "--force"], in: evil).status == 0)
        #expect(try git.git(["commit", "--quiet", "-m", "hide"], in: evil).status == 0)
        #expect(try git.git(["push", "--quiet", "origin", "HEAD:main"], in: evil).status == 0)
        #expect(try git.maturity("Alice", ["sync"]).status == 0)
        // The link arrives as a small file holding its target, not as a link.
        let planted = try FileManager.default.attributesOfItem(atPath: git.store("Alice").appending(path: "2026-01-01-link.json").path)
        #expect(planted[.type] as? FileAttributeType == .typeRegular)
        // A new assessment is committed and shared all the same.
        let created = try git.maturity("Alice", ["new", "--system", "Visible ICS", "--date", "2026-11-22"])
        #expect(created.stderr.contains("git: committed"), "\(created.stderr)")
        #expect(try git.maturity("Alice", ["sync"]).status == 0)
        #expect(try git.maturity("Bob", ["sync"]).status == 0)
        #expect(try git.files("Bob").contains("2026-11-22-visible-ics.json"))
        CampaignReport.record("Git store: a hostile remote (a .gitignore hiding *.json, a committed link)", cases: 2,
                              how: "the link checked out as a regular file (core.symlinks false); a new assessment still "
                                  + "committed (added with --force) and reaches the other clone")
    }

    @Test func hostileNamesNeverReachAShellAndMessagesHoldNoControls() throws {
        let git = GitSandbox()
        #expect(try git.maturity("Alice", ["store", "init", "--git"]).status == 0)
        // Each a different system (names are matched ignoring punctuation), given as --system=NAME so that a
        // leading "-" is a value.
        let hostile = ["Quote\"; touch PWNED1; \"", "Dollar $(touch PWNED2)", "Tick `touch PWNED3`", "-rf --amend Dash",
                       "--message=forged"]
        for (index, name) in hostile.enumerated() {
            let result = try git.maturity("Alice", ["new", "--system=" + name, "--date", "2026-11-\(10 + index)", "--complete"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
        // A line break typed into a name is refused before anything is written.
        let newline = try git.maturity("Alice", ["new", "--system", "Evil\nSigned-off-by: Mallory", "--date", "2026-11-20"])
        #expect(newline.status == 1)
        // A file from elsewhere (pulled, or edited by hand) with controls in its names: the message stays one clean line.
        let first = git.store("Alice").appending(path: "2026-11-10-quote-touch-pwned1.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: first)) as? [String: Any])
        object["system"] = "Evil\u{1B}[31m\nSigned-off-by: Mallory\r\u{7}"
        try JSONSerialization.data(withJSONObject: object).write(to: git.store("Alice").appending(path: "2026-11-30-evil.json"))
        #expect(try git.maturity("Alice", ["sync"]).status == 0)
        let messages = try git.git(["log", "--format=%B%x00"], in: git.store("Alice")).stdout
        for message in messages.split(separator: "\0") {
            let body = message.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!body.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }, "\(body.debugDescription)")
            #expect(!body.contains("\nSigned-off-by"))
        }
        let subjects = try git.git(["log", "--format=%s"], in: git.store("Alice")).stdout
        for name in hostile { #expect(subjects.contains("\(name), 2026-11-"), "\(name)") }
        #expect(subjects.contains("Evil [31m Signed-off-by: Mallory, 2026-11-10: completed\n"), "\(subjects)")
        // Hostile remotes: an option disguised as a URL, and git's ext:: transport, which would run a command.
        for remote in ["--upload-pack=touch PWNED4", "ext::sh -c touch% PWNED5"] {
            let cloned = try git.maturity("Bob", ["store", "clone", "--", remote, git.root.appending(path: "hostile-clone").path])
            #expect(cloned.status == 1 && cloned.stderr.hasPrefix("maturity: cannot clone "), "\(remote): \(cloned.stderr)")
        }
        // No shell ever ran: nothing was touched anywhere in the sandbox.
        let found = FileManager.default.enumerator(atPath: git.root.path)?.compactMap { $0 as? String }.filter { $0.contains("PWNED") }
        #expect(found == [])
        CampaignReport.record("Git store: hostile system names in commits", cases: hostile.count + 2,
                              how: "quotes, $(…), backticks, leading '-' and --message= as names: committed as text, no shell "
                                  + "ran; a typed line break refused; controls in a file's name become spaces in a one-line subject")
    }
}

/// Results gathered from concurrent runs.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [(Int32, String)] = []
    func append(_ value: (Int32, String)) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }
}
