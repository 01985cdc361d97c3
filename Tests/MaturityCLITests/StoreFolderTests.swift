import Foundation
import Testing
import TestSupport

/// A store folder that cannot be read is an error, not an empty store; a resumed workshop tidies up
/// after saves that were killed, and only after its own.
@Suite("The store folder")
struct StoreFolderTests {
    /// Every command that reads the whole store: with the store unreadable, each must fail naming it.
    /// (`export` reads it for the comparison with earlier assessments; the workshop, for drafts and history.)
    static func scanningCommands(_ sandbox: Sandbox) throws -> [[String]] {
        let elsewhere = try sandbox.run(["new", "--system", "Folder ICS", "--date", "2026-01-01"],
                                        environment: ["MATURITY_STORE": sandbox.root.appending(path: "elsewhere").path])
        try #require(elsewhere.status == 0)
        let file = elsewhere.stdout.trimmingCharacters(in: .newlines)
        return [["list"], ["list", "--format", "json"], ["progress", "--system", "Folder ICS"],
                ["export", file, "--format", "md", "--store", sandbox.store.path], ["workshop", "--plain", "--system", "Folder ICS"]]
    }

    @Test func aFileWhereTheStoreFolderShouldBeIsAnErrorNamingIt() throws {
        let sandbox = try Sandbox()
        let commands = try Self.scanningCommands(sandbox)
        try Data("in the way".utf8).write(to: sandbox.store)
        for arguments in commands {
            let result = try sandbox.run(arguments, input: "")
            #expect(result.status == 1, "\(arguments.joined(separator: " ")): \(result.stdout)")
            #expect(result.stderr == "maturity: cannot read the store folder \(sandbox.store.path): it is a file, not a folder\n",
                    "\(arguments.joined(separator: " "))")
            #expect(!result.stdout.contains("No assessments"))
        }
        CampaignReport.record("Store folder unreadable: a file in its place, or mode 000 for its user", cases: commands.count,
                              how: "list (text, json), progress, export, workshop: exit 1 naming the folder, never \"No assessments\"")
    }

    /// Mode 000 stops everyone but root; as root, the commands run as `nobody` through setpriv.
    @Test func aStoreFolderWithoutPermissionIsAnErrorNamingIt() throws {
        let sandbox = try Sandbox()
        let commands = try Self.scanningCommands(sandbox)
        let made = try sandbox.run(["new", "--system", "Folder ICS", "--date", "2025-01-01"])
        try #require(made.status == 0)
        // The sandbox must be reachable by the user the commands run as.
        for folder in [sandbox.root, sandbox.home, sandbox.root.appending(path: "elsewhere")] { chmod(folder.path, 0o755) }
        chmod(sandbox.root.appending(path: "elsewhere").appending(path: "2026-01-01-folder-ics.json").path, 0o644)
        chmod(sandbox.store.path, 0)
        defer { chmod(sandbox.store.path, 0o700) }
        let asAnotherUser = geteuid() == 0
        for arguments in commands {
            let result = asAnotherUser
                ? try sandbox.run(["--reuid=65534", "--regid=65534", "--clear-groups", maturityBinary.path] + arguments,
                                  binary: URL(fileURLWithPath: "/usr/bin/setpriv"), input: "")
                : try sandbox.run(arguments, input: "")
            #expect(result.status == 1, "\(arguments.joined(separator: " ")): \(result.stdout)")
            #expect(result.stderr == "maturity: cannot read the store folder \(sandbox.store.path): Permission denied\n",
                    "\(arguments.joined(separator: " ")): \(result.stderr)")
        }
        // A missing store is still an empty one.
        let missing = try sandbox.run(["list"], environment: ["MATURITY_STORE": sandbox.root.appending(path: "none").path])
        #expect(missing.status == 0 && missing.stdout.hasPrefix("No assessments in "))
        CampaignReport.record("Store folder unreadable: a file in its place, or mode 000 for its user", cases: commands.count,
                              how: "list (text, json), progress, export, workshop: exit 1 naming the folder, never \"No assessments\"")
    }

    /// Temporary files of saves that were killed stay in the store until a workshop resumes the draft:
    /// then those whose process has ended go, and a live process's file stays.
    @Test func resumingRemovesTemporaryFilesOfKilledSavesOnly() throws {
        let sandbox = try Sandbox()
        let made = try sandbox.run(["new", "--system", "Temp ICS", "--date", "2026-01-01"])
        let file = made.stdout.trimmingCharacters(in: .newlines)
        let name = URL(fileURLWithPath: file).lastPathComponent
        let dead = ".\(name).999999.7.tmp"
        // A live process's save in progress: this test runner's.
        let live = ".\(name).\(getpid()).8.tmp"
        for temporary in [dead, live] { try Data("{".utf8).write(to: sandbox.store.appending(path: temporary)) }
        let resumed = try sandbox.run(["workshop", "--plain", "--resume", file], input: "y\nq\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let left = try storeContents(atPath: sandbox.store.path).sorted()
        #expect(left == [live, name].sorted())
        CampaignReport.record("Temporary files of a killed save, then --resume", cases: 2,
                              how: "the one whose process is gone is removed; a live process's is kept")
    }
}
