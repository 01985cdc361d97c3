import Foundation
import Testing
import TestSupport

/// The summary board's `x` in tmux: never into the store, never over a file unasked, owner-only.
@Suite("Workshop export (x) in tmux", .serialized)
struct WorkshopExportTests {
    static let endings = ["md", "html", "csv", "json"]

    /// Resumes `file` in tmux from `folder` under `umask`, and opens the summary board.
    func summaryBoard(_ sandbox: Sandbox, _ file: String, from folder: URL, umask: String = "022") throws -> TmuxSession {
        let session = try TmuxSession(["workshop", "--resume", file], sandbox: sandbox,
                                      launcher: ["sh", "-c", "umask \(umask) && cd \"$0\" && exec \"$@\"", folder.path])
        try session.waitFor("York · 2026-01-01")
        try session.type("s")
        try session.waitFor("· Summary")
        return session
    }

    /// The York Summary reproduction: the store is the current folder, and York's export would be named like
    /// another system's assessment. The exports go to ~/maturity-exports, owner-only; the assessment is untouched.
    @Test(arguments: ["000", "022"])
    func anExportFromInsideTheStoreNeverTouchesIt(_ umask: String) throws {
        let sandbox = try Sandbox()
        let other = try sandbox.exportTestAssessment("York Summary")
        #expect(other.hasSuffix("/2026-01-01-york-summary.json"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: other))
        let york = try sandbox.exportTestAssessment("York")
        let storeBefore = try storeContents(atPath: sandbox.store.path).sorted()

        let session = try summaryBoard(sandbox, york, from: sandbox.store, umask: umask)
        try session.type("x")
        let exports = sandbox.home.appending(path: "maturity-exports")
        try session.waitIgnoringSpaces("Exported to")
        #expect(try session.screen().filter { !$0.isWhitespace }.contains(
            "Exported to \(exports.path) (the current folder is the store): 2026-01-01-york-summary as .md, .html, .csv, .json"
                .filter { !$0.isWhitespace }))
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == bytes, "York Summary's assessment is unchanged")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")

        #expect(try storeContents(atPath: sandbox.store.path).sorted() == storeBefore)
        #expect(ExportedFile.permissions(exports.path) == 0o700)
        for ending in Self.endings {
            let path = exports.appending(path: "2026-01-01-york-summary.\(ending)").path
            #expect(ExportedFile.permissions(path) == 0o600, "\(path) under umask \(umask)")
        }
        let summary = try fileObject(exports.appending(path: "2026-01-01-york-summary.json").path)
        #expect(summary["kind"] as? String == "maturity-summary")
        ExportCampaign.overwrites(1)
        ExportCampaign.modes(Self.endings.count)
    }

    /// The other way into the store: the current folder cannot be written (a read-only file system for
    /// root, a folder without write permission for anyone else). The exports go to ~/maturity-exports.
    @Test func anUnwritableCurrentFolderSendsTheExportHomeNotToTheStore() throws {
        let sandbox = try Sandbox()
        let other = try sandbox.exportTestAssessment("York Summary")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: other))
        let york = try sandbox.exportTestAssessment("York")
        let readOnly = sandbox.root.appending(path: "read-only")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        var disk: SmallDisk?
        if SmallDisk.isAvailable {
            disk = try SmallDisk(at: readOnly, kilobytes: 64)
            try disk?.remount(readOnly: true)
        } else {
            chmod(readOnly.path, 0o555)
        }
        defer { disk?.unmount() }

        let session = try summaryBoard(sandbox, york, from: readOnly)
        try session.type("x")
        let exports = sandbox.home.appending(path: "maturity-exports")
        try session.waitIgnoringSpaces("Exported to")
        #expect(try session.screen().filter { !$0.isWhitespace }.contains(
            "Exported to \(exports.path) (the current folder cannot be written): 2026-01-01-york-summary as .md, .html, .csv, .json"
                .filter { !$0.isWhitespace }))
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == bytes, "York Summary's assessment is unchanged")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        for ending in Self.endings {
            #expect(ExportedFile.permissions(exports.appending(path: "2026-01-01-york-summary.\(ending)").path) == 0o600)
        }
        ExportCampaign.overwrites(1)
        ExportCampaign.modes(Self.endings.count)
    }

    /// Existing summary files: x asks; n writes new ones beside them; x again replaces them; a link is never followed.
    @Test func existingFilesAreReplacedOnlyWhenTheBoardSaysSo() throws {
        let sandbox = try Sandbox()
        let york = try sandbox.exportTestAssessment("York")
        let work = sandbox.root.appending(path: "work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let markdown = work.appending(path: "2026-01-01-york-summary.md").path
        try Data("the board's own notes\n".utf8).write(to: URL(fileURLWithPath: markdown))
        let target = try sandbox.write("the link's target\n", to: "target.txt")
        let link = work.appending(path: "2026-01-01-york-summary.html").path
        #expect(symlink(target, link) == 0)

        let session = try summaryBoard(sandbox, york, from: work)
        try session.type("x")
        try session.waitIgnoringSpaces("2026-01-01-york-summary.md, .html exist in \(work.path) already. Press x again to replace them, "
                            + "n to write new files beside, any other key to leave them.")
        try session.type("n")
        try session.waitIgnoringSpaces("Exported to \(work.path): 2026-01-01-york-summary-2 as .md, .html, .csv, .json")
        #expect(try String(contentsOfFile: markdown, encoding: .utf8) == "the board's own notes\n")

        // Replacing refuses the link, and leaves its target and the other files alone.
        try session.type("x")
        try session.waitIgnoringSpaces("Press x again to replace them")
        try session.type("x")
        try session.waitIgnoringSpaces("Not exported: \(link) is a symbolic link")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "the link's target\n")
        #expect(try String(contentsOfFile: markdown, encoding: .utf8) == "the board's own notes\n")

        // Any other key leaves the files; once the link is gone, x x replaces the Markdown.
        try session.type("x")
        try session.waitIgnoringSpaces("Press x again to replace them")
        try session.press("Down")
        try session.waitIgnoringSpaces("Press x again to replace them", gone: true)
        try session.type("x")
        try session.waitIgnoringSpaces("Press x again to replace them")
        #expect(try String(contentsOfFile: markdown, encoding: .utf8) == "the board's own notes\n")
        unlink(link)
        try session.type("x")
        try session.waitIgnoringSpaces("Exported to \(work.path): 2026-01-01-york-summary as .md, .html, .csv, .json")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")

        #expect(try String(contentsOfFile: markdown, encoding: .utf8).hasPrefix("# Maturity self-assessment: York"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "the link's target\n")
        let names = try storeContents(atPath: work.path).sorted()
        #expect(names == Self.endings.flatMap { ["2026-01-01-york-summary-2.\($0)", "2026-01-01-york-summary.\($0)"] }.sorted())
        for name in names { #expect(ExportedFile.permissions(work.appending(path: name).path) == 0o600, "\(name)") }
        ExportCampaign.overwrites(3)
        ExportCampaign.modes(names.count)
    }
}

extension TmuxSession {
    /// Waits until the screen shows `text` (with `gone`, no longer shows it), ignoring white space: a status
    /// message wraps, and a long path in it is cut wherever the line ends.
    func waitIgnoringSpaces(_ text: String, gone: Bool = false, timeout: Double = 15,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let wanted = text.filter { !$0.isWhitespace }
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.filter({ !$0.isWhitespace }).contains(wanted) != gone { return }
            Thread.sleep(forTimeInterval: 0.03)
        }
        Issue.record("timed out waiting for \"\(text)\"\(gone ? " to go" : ""); the screen shows:\n\(last)", sourceLocation: sourceLocation)
        throw TimedOut()
    }
}
