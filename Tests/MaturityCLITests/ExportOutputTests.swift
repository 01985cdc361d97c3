import Foundation
import Synchronization
import Testing
import TestSupport

/// What `lstat` says of a path, for the export tests.
enum ExportedFile {
    /// The mode bits (permissions only) of the file at `path`, without following a link.
    static func permissions(_ path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }

    /// What is at `path`, without following a link: S_IFREG, S_IFLNK, S_IFIFO…; nil when nothing is.
    static func type(_ path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }
}

extension Sandbox {
    /// Runs `maturity` under `umask` (an octal string such as "000").
    func run(_ arguments: [String], umask: String, in folder: URL? = nil) throws -> CommandResult {
        try run(["-c", "umask \(umask) && exec \"$@\"", "sh", maturityBinary.path] + arguments,
                binary: URL(fileURLWithPath: "/bin/sh"), in: folder)
    }

    /// A draft assessment of `system` on 2026-01-01 in the store; its path.
    func exportTestAssessment(_ system: String) throws -> String {
        let made = try run(["new", "--system", system, "--date", "2026-01-01"])
        try #require(made.status == 0, "\(made.stderr)")
        return made.stdout.trimmingCharacters(in: .newlines)
    }
}

/// The rows of RELIABILITY.md for exports: one name and one description each, whichever test adds cases.
enum ExportCampaign {
    /// Adds `cases` attempts to replace or write through something an export must not touch.
    static func overwrites(_ cases: Int) {
        CampaignReport.record("Exports: overwrite attempts", cases: cases,
                              how: "export and progress -o at an existing file (a free name is taken and shown), a symbolic "
                                + "link, FIFO, device or folder (refused), the store by path, link or .. (refused), eight writers at once "
                                + "on one name (eight files); the "
                                + "workshop's x from inside the store, from a read-only folder, over existing files and a "
                                + "link: nothing replaced unasked, the store and every link target unchanged")
    }

    /// Adds `cases` export files whose mode was checked.
    static func modes(_ cases: Int) {
        CampaignReport.record("Exports: file modes under umask 000, 022 and 077", cases: cases,
                              how: "export and progress -o (4 formats, a free name, --force over a 0666 file) and the "
                                + "workshop's x: every file 0600, x's own folder 0700")
    }
}

@Suite("Exports to files: -o, --force and -o -")
struct ExportOutputTests {
    @Test func anExistingFileIsKeptAndAFreeNameIsChosenAndShown() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.exportTestAssessment("York")
        let paper = try sandbox.write("the board's own paper\n", to: "paper.html")
        _ = try sandbox.write("taken too\n", to: "paper-2.html")
        let result = try sandbox.run(["export", file, "--format", "html", "-o", paper])
        #expect(result.status == 0, "\(result.stderr)")
        let chosen = sandbox.root.appending(path: "paper-3.html").path
        #expect(result.stderr == "Wrote \(chosen) (\(paper) exists; --force replaces it)\n")
        #expect(try String(contentsOfFile: paper, encoding: .utf8) == "the board's own paper\n")
        #expect(try String(contentsOfFile: sandbox.root.appending(path: "paper-2.html").path, encoding: .utf8) == "taken too\n")
        #expect(try String(contentsOfFile: chosen, encoding: .utf8).contains("<html"))

        let progress = try sandbox.run(["progress", "--system", "York", "-o", paper])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stderr.contains("paper-4.html (\(paper) exists; --force replaces it)"))
        #expect(try String(contentsOfFile: paper, encoding: .utf8) == "the board's own paper\n")
        ExportCampaign.overwrites(2)
    }

    /// Writers started together on one name: each gets its own file, none is overwritten.
    @Test func simultaneousExportsToOneNameEachGetTheirOwnFile() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.exportTestAssessment("York")
        let writers = 8
        let statuses = Mutex<[Int32]>([])
        let (root, environment) = (sandbox.root.path, ["HOME": sandbox.home.path, "MATURITY_STORE": sandbox.store.path,
                                                       "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no"])
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            let status = try? Spawn.run(maturityBinary.path, ["export", file, "--format", "md", "-o", "paper.md"],
                                        environment: environment, folder: root, output: "/dev/null",
                                        error: "\(root)/writer-\(writer).err")
            statuses.withLock { $0.append(status ?? -1) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 0, count: writers))
        let names = try storeContents(atPath: root).filter { $0.hasPrefix("paper") }
        #expect(Set(names) == Set(["paper.md"] + (2...writers).map { "paper-\($0).md" }))
        let messages = try (0..<writers).map { try String(contentsOfFile: "\(root)/writer-\($0).err", encoding: .utf8) }
        #expect(Set(messages).count == writers, "each writer names its own file")
        for name in names {
            #expect(try String(contentsOfFile: sandbox.root.appending(path: name).path, encoding: .utf8)
                .hasPrefix("# Maturity self-assessment: York"))
        }
        #expect(try storeContents(atPath: sandbox.root.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        ExportCampaign.overwrites(writers - 1)
    }

    @Test func forceReplacesTheFileAndMakesItOwnerOnly() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.exportTestAssessment("York")
        let paper = try sandbox.write("last year's paper\n", to: "paper.md")
        chmod(paper, 0o644)
        let result = try sandbox.run(["export", file, "--format", "md", "-o", paper, "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "Wrote \(paper)\n")
        #expect(try String(contentsOfFile: paper, encoding: .utf8).hasPrefix("# Maturity self-assessment: York"))
        #expect(ExportedFile.permissions(paper) == 0o600)
        let progress = try sandbox.run(["progress", "--system", "York", "-o", paper, "--force"])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(try String(contentsOfFile: paper, encoding: .utf8).contains("2026-01-01"))
        #expect(try storeContents(atPath: sandbox.root.path).filter { $0.hasPrefix("paper") } == ["paper.md"])
    }

    /// A symbolic link, a FIFO, a device and a folder at `-o`: each refused, whatever it is left as it was.
    @Test(arguments: [false, true])
    func specialFilesAtTheOutputAreRefused(force: Bool) throws {
        let sandbox = try Sandbox()
        let file = try sandbox.exportTestAssessment("York")
        let target = try sandbox.write("the link's target\n", to: "target.txt")
        let link = sandbox.root.appending(path: "link.md").path
        #expect(symlink(target, link) == 0)
        let fifo = sandbox.root.appending(path: "pipe.md").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A device node of our own when we may make one (root), else the system's null device.
        var device = sandbox.root.appending(path: "null.md").path
        if mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) != 0 { device = "/dev/null" }
        let folder = sandbox.root.appending(path: "folder.md").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let cases = [(link, "a symbolic link", S_IFLNK), (fifo, "a FIFO (named pipe)", S_IFIFO),
                     (device, "a device", S_IFCHR), (folder, "a folder", S_IFDIR)]
        for (path, kind, type) in cases {
            for command in [["export", file, "--format", "md"], ["progress", "--system", "York"]] {
                let result = try sandbox.run(command + ["-o", path] + (force ? ["--force"] : []))
                #expect(result.status == 1, "\(command[0]) -o \(kind)")
                #expect(result.stderr == "maturity: \(path) is \(kind); an export is written only to a new file or over "
                        + "a regular one (-o - writes to standard output)\n")
                #expect(ExportedFile.type(path) == type, "\(kind) is still \(kind)")
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "the link's target\n")
        #expect(ExportedFile.type("/dev/null") == S_IFCHR)
        #expect(try storeContents(atPath: folder).isEmpty)
        let leftovers = try storeContents(atPath: sandbox.root.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        ExportCampaign.overwrites(cases.count * 2)
    }

    @Test func aDashMeansStandardOutput() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.exportTestAssessment("York")
        let exported = try sandbox.run(["export", file, "--format", "md", "-o", "-"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.hasPrefix("# Maturity self-assessment: York"))
        #expect(exported.stderr.isEmpty)
        let progress = try sandbox.run(["progress", "--system", "York", "--format", "csv", "-o", "-"])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stdout.contains("2026-01-01"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appending(path: "-").path))
    }

    @Test func nothingIsWrittenIntoTheStoreFolderWhateverPathLeadsThere() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.exportTestAssessment("York")
        let linkToStore = sandbox.root.appending(path: "shortcut").path
        #expect(symlink(sandbox.store.path, linkToStore) == 0)
        let elsewhere = sandbox.root.appending(path: "elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let before = try storeContents(atPath: sandbox.store.path).sorted()
        let targets = [sandbox.store.appending(path: "paper.md").path, "\(linkToStore)/paper.md",
                       "\(elsewhere.path)/../store/paper.md", "2026-01-01-york-summary.json"]
        var attempts = 0
        for target in targets {
            for command in [["export", file, "--format", "md"], ["progress", "--system", "York"]] {
                for force in [false, true] {
                    // The last target is relative: run from inside the store.
                    let result = try sandbox.run(command + ["-o", target] + (force ? ["--force"] : []),
                                                 in: target.hasPrefix("/") ? nil : sandbox.store)
                    #expect(result.status == 1, "\(command[0]) -o \(target)")
                    #expect(result.stderr.hasPrefix("maturity: will not write into "), "\(result.stderr)")
                    #expect(result.stderr.contains("it is the assessment store (\(sandbox.store.path)), which holds "
                                                   + "assessments only; choose another folder"))
                    attempts += 1
                }
            }
        }
        // With --store naming another folder, the assessment's own folder is protected all the same.
        let other = sandbox.root.appending(path: "other-store")
        let result = try sandbox.run(["export", file, "--format", "md", "--store", other.path,
                                      "-o", sandbox.store.appending(path: "x.md").path], environment: ["MATURITY_STORE": ""])
        #expect(result.status == 1)
        #expect(try storeContents(atPath: sandbox.store.path).sorted() == before)
        ExportCampaign.overwrites(attempts + 1)
    }

    @Test(arguments: ["000", "022", "077"])
    func exportsAreOwnerOnlyWhateverTheUmask(_ umask: String) throws {
        let sandbox = try Sandbox()
        let file = try sandbox.exportTestAssessment("York")
        var paths: [String] = []
        for format in ["md", "html", "csv", "json"] {
            let path = sandbox.root.appending(path: "summary.\(format)").path
            let result = try sandbox.run(["export", file, "--format", format, "-o", path], umask: umask)
            #expect(result.status == 0, "\(result.stderr)")
            paths.append(path)
        }
        let progress = sandbox.root.appending(path: "progress.txt").path
        #expect(try sandbox.run(["progress", "--system", "York", "-o", progress], umask: umask).status == 0)
        // A free name and a forced replacement are owner-only too.
        #expect(try sandbox.run(["progress", "--system", "York", "-o", progress], umask: umask).status == 0)
        _ = try sandbox.write("old\n", to: "old.md")
        chmod(sandbox.root.appending(path: "old.md").path, 0o666)
        #expect(try sandbox.run(["export", file, "--format", "md", "-o", "old.md", "--force"], umask: umask).status == 0)
        paths += [progress, sandbox.root.appending(path: "progress-2.txt").path, sandbox.root.appending(path: "old.md").path]
        for path in paths {
            #expect(ExportedFile.permissions(path) == 0o600, "\(path) under umask \(umask)")
        }
        ExportCampaign.modes(paths.count)
    }

    @Test(arguments: [["export", "--help"], ["progress", "--help"]])
    func theHelpExplainsForceAndTheDash(_ arguments: [String]) throws {
        let result = try Sandbox().run(arguments)
        #expect(result.status == 0)
        let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("--force Replace the file given with -o if it exists"))
        #expect(help.contains("('-' is standard output)"))
        #expect(help.contains("a free name such as FILE-2.html is chosen and shown, unless --force"))
    }
}
