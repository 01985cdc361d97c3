import FoundationEssentials
import MaturityFramework
#if canImport(Glibc)
import Glibc
#endif

/// The `git` program, found on `PATH` and run with an argument vector (never through a shell), so no
/// system name, file name or message can become a command. Git is a real dependency of a git store:
/// it is run, never re-implemented.
public struct GitProgram: Sendable {
    /// The executable found on `PATH`.
    public let executable: String
    /// The folder git runs in (`git -C`).
    public let folder: URL

    /// What a run of git printed, and how it exited.
    public struct Outcome: Sendable {
        /// The exit status (128 + signal when killed).
        public var status: Int32
        /// Standard output, as UTF-8 (invalid bytes replaced).
        public var output: String
        /// Standard error, as UTF-8.
        public var error: String
        /// Whether git exited 0.
        public var succeeded: Bool { status == 0 }
        /// Git's first line of complaint, for a message of our own ("fatal: ..." as git said it).
        public var reason: String {
            let lines = (error + "\n" + output).split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
            return lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") } ?? lines.first { !$0.isEmpty }
                ?? "git exited with status \(status)"
        }
    }

    /// Git in `folder`, or ``GitError/missing`` when no `git` is on `PATH`.
    public static func find(in folder: URL, environment: [String: String] = ProcessEnvironment.variables) throws(GitError) -> GitProgram {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = String(directory) + "/git"
            var status = stat()
            if stat(candidate, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return GitProgram(executable: candidate, folder: folder)
            }
        }
        throw .missing
    }

    /// Runs `git -C folder arguments…` and waits for it. Git never asks on the terminal (for a password),
    /// ignores `GIT_DIR` and the like from the caller's environment (the store's own repository is meant),
    /// and runs with the store's file mode mask (see ``GitProgram/fileModeMask(for:)``).
    public func run(_ arguments: [String], in directory: URL? = nil) throws(GitError) -> Outcome {
        var environment = ProcessEnvironment.variables
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES"] {
            environment[name] = nil
        }
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_EDITOR"] = "true"
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        environment["LC_ALL"] = "C"
        environment["LANGUAGE"] = nil
        let base = directory ?? folder
        let argv = [executable, "-C", base.path] + arguments
        let mask = Self.fileModeMask(for: base)
        let previous = umask(mask)
        defer { umask(previous) }
        // Another maturity (or git) on this store holds git's index lock for a moment: git refuses before
        // changing anything, so the same command is tried again, for up to five seconds.
        var outcome = try Self.spawn(argv, environment: environment)
        for _ in 0..<50 where !outcome.succeeded && outcome.error.contains("index.lock") && outcome.error.contains("File exists") {
            usleep(100_000)
            outcome = try Self.spawn(argv, environment: environment)
        }
        return outcome
    }

    /// The mask git's files are created with: group-readable only in a store shared with a group
    /// (as ``StoreAccess`` decides it for every store file), otherwise the owner's alone.
    public static func fileModeMask(for folder: URL) -> mode_t {
        if case .group = StoreAccess.of(folder: folder.path) { return 0o007 }
        return 0o077
    }

    private static func spawn(_ argv: [String], environment: [String: String]) throws(GitError) -> Outcome {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { throw .failed("cannot run git: \(String(cString: strerror(errno)))") }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw .failed("cannot run git: \(String(cString: strerror(errno)))")
        }
        // The parent's ends are never inherited by git (nor by another thread's child).
        for descriptor in outPipe + errPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cEnvironment.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            if spawned == ENOENT { throw .missing }
            throw .failed("cannot run git: \(String(cString: strerror(spawned)))")
        }
        let (output, error) = readBoth(outPipe[0], errPipe[0])
        close(outPipe[0])
        close(errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signal = status & 0x7F
        return Outcome(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal,
                       output: String(decoding: output, as: UTF8.self), error: String(decoding: error, as: UTF8.self))
    }

    /// Reads two pipes to their ends together, so that neither fills while the other is waited on.
    private static func readBoth(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
        var buffers: [[UInt8]] = [[], []]
        var open = [true, true]
        var chunk = [UInt8](repeating: 0, count: 65536)
        while open[0] || open[1] {
            var fds = [pollfd(fd: open[0] ? first : -1, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: open[1] ? second : -1, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in 0..<2 where open[index] && fds[index].revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    buffers[index].append(contentsOf: chunk[0..<count])
                } else if count == 0 || errno != EINTR {
                    open[index] = false
                }
            }
        }
        return (buffers[0], buffers[1])
    }
}

/// Why a git operation could not be done, in words for the user.
public enum GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `git` program on `PATH`.
    case missing
    /// Git ran and refused, or could not be run; the message says what and why.
    case failed(String)

    /// How to install git, for every message that says it is missing.
    public static let installHint = "install git (Debian/Ubuntu: sudo apt-get install git; see https://git-scm.com/downloads) "
        + "and make sure it is on PATH"

    /// One line for the user.
    public var description: String {
        switch self {
        case .missing: "git is not installed (no 'git' program on PATH); a git store needs it: \(Self.installHint)"
        case let .failed(message): message
        }
    }
}
