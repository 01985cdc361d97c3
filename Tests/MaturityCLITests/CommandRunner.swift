import Foundation
import Testing
import TestSupport

/// What a run of the `maturity` binary printed, and how it exited.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built `maturity` binary: `MATURITY_BINARY`, else the one beside this test bundle.
let maturityBinary: URL = {
    if let path = ProcessInfo.processInfo.environment["MATURITY_BINARY"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = runner.deletingLastPathComponent()
    while folder.path != "/" {
        let candidate = folder.appending(path: "maturity")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    return runner.deletingLastPathComponent().appending(path: "maturity")
}()

/// A sandbox for one test: its own HOME, store and working folder, removed afterwards.
final class Sandbox {
    let root: URL
    var home: URL { root.appending(path: "home") }
    var store: URL { root.appending(path: "store") }
    /// Where rescue copies go while the store cannot be written (TMPDIR is the sandbox).
    var rescue: URL { root.appending(path: "maturity-rescue-\(getuid())") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appending(path: "maturity-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appending(path: "home"), withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes `text` to a file in the sandbox and returns its path.
    func write(_ text: String, to name: String) throws -> String {
        let url = root.appending(path: name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs `maturity` with `arguments`, with the store in the sandbox unless `environment` says otherwise.
    func run(_ arguments: [String], environment: [String: String] = [:], binary: URL = maturityBinary,
             in folder: URL? = nil, input: String? = nil) throws -> CommandResult {
        var base = ["HOME": home.path, "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no", "LANG": "C.UTF-8",
                    "MATURITY_STORE": store.path, "TMPDIR": root.path]
        base.merge(environment) { _, new in new }
        let outURL = root.appending(path: "stdout-\(UUID().uuidString)")
        let errURL = root.appending(path: "stderr-\(UUID().uuidString)")
        let inURL = root.appending(path: "stdin-\(UUID().uuidString)")
        defer {
            for url in [outURL, errURL, inURL] { try? FileManager.default.removeItem(at: url) }
        }
        var inputPath = "/dev/null"
        if let input {
            try Data(input.utf8).write(to: inURL)
            inputPath = inURL.path
        }
        let status = try Spawn.run(binary.path, arguments, environment: base.filter { !$0.value.isEmpty },
                                   folder: (folder ?? root).path, input: inputPath, output: outURL.path, error: errURL.path)
        return CommandResult(status: status,
                             stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                             stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
