import Foundation

/// Runs a program with posix_spawn and waits with waitpid. Foundation's Process can miss a child's
/// exit when many tests start processes at once, which hung the suite now and then.
public enum Spawn {
    public struct Failed: Error {
        public var code: Int32
    }

    /// Where a child's standard input comes from.
    public enum Input {
        /// A file, opened read-only.
        case path(String)
        /// A descriptor of the test's, duplicated onto the child's standard input.
        case descriptor(Int32)
    }

    /// Runs `executable` with `arguments` and `environment` in `folder`; standard input, output and
    /// error go to and from the given paths. Returns the exit status (128 + signal when killed).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String], folder: String,
                           input: String = "/dev/null", output: String, error: String) throws -> Int32 {
        // The shell changes to the folder, then becomes the program.
        let pid = try start("/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", folder, executable] + arguments,
                            environment: environment, input: .path(input), output: output, error: error)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Starts `executable` and returns its process id without waiting for it.
    public static func start(_ executable: String, _ arguments: [String], environment: [String: String],
                             input: Input, output: String, error: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch input {
        case let .path(path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case let .descriptor(descriptor): posix_spawn_file_actions_adddup2(&actions, descriptor, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        // The child starts with no signal blocked and every signal at its default, whatever the test
        // thread had: a tmux server that inherited a worker thread's blocked signals ignored kill-server.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failed(code: spawned) }
        return pid
    }
}
