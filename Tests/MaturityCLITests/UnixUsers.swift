import Foundation
import Testing
import TestSupport

/// Real Unix users and a group made for one test (`groupadd`, `useradd`), removed afterwards, and
/// `maturity` run as each of them (`setpriv --reuid --regid --init-groups`, under a given umask). It
/// needs root and those programs; ``unavailable`` says why not, for the test to skip with that reason.
final class UnixUsers {
    /// A user made for the test.
    struct User {
        var name: String
        /// A home of its own (cache and rescue folders), in the test's folder.
        var home: URL
    }

    /// Why users cannot be made here (shown as the skip reason); nil when they can.
    static let unavailable: String? = {
        if geteuid() != 0 {
            return "needs root to create a second Unix user (useradd); run the tests as root, as CI does"
        }
        for tool in ["/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/sbin/userdel", "/usr/sbin/groupdel", "/usr/bin/setpriv"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing; scripts/setup --test installs it (packages passwd, util-linux)"
        }
        return nil
    }()

    /// The group the members share.
    let group: String
    /// A folder every user can pass through (0755, root's), holding each user's home.
    let root: URL
    private(set) var users: [User] = []

    /// Makes a group, and a user per name in `members` (in the group) and in `outsiders` (not in it).
    init(members: [String], outsiders: [String] = []) throws {
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        group = "mtg\(tag)"
        root = URL(fileURLWithPath: "/tmp").appending(path: "maturity-users-\(tag)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        chmod(root.path, 0o755)
        try Self.system(["/usr/sbin/groupadd", group])
        for (role, isMember) in members.map({ ($0, true) }) + outsiders.map({ ($0, false) }) {
            let name = "mt\(role)\(tag)"
            let home = root.appending(path: name)
            try Self.system(["/usr/sbin/useradd", "-M", "-N", "-g", "users", "-s", "/bin/sh", "-d", home.path]
                + (isMember ? ["-G", group] : []) + [name])
            users.append(User(name: name, home: home))
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try Self.system(["/bin/chown", "\(name):users", home.path])
            chmod(home.path, 0o700)
        }
    }

    deinit {
        for user in users { try? Self.system(["/usr/sbin/userdel", user.name]) }
        try? Self.system(["/usr/sbin/groupdel", group])
        try? FileManager.default.removeItem(at: root)
    }

    /// The user whose role was `role`.
    func user(_ role: String) -> User {
        users.first { $0.name.hasPrefix("mt\(role)") } ?? users[0]
    }

    /// A folder owned by `user`, that everyone can pass through (where its shared store goes).
    func folder(ownedBy user: User, named name: String) throws -> URL {
        let url = root.appending(path: name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Self.system(["/bin/chown", "\(user.name):users", url.path])
        chmod(url.path, 0o755)
        return url
    }

    /// Runs `maturity` with `arguments` as `user`, with `umask`, its own HOME and TMPDIR, and `input` on standard input.
    func run(_ user: User, umask: String = "077", _ arguments: [String], input: String? = nil) throws -> CommandResult {
        let scratch = root.appending(path: "io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appending(path: "stdin")
        try Data((input ?? "").utf8).write(to: inURL)
        let status = try Spawn.run("/usr/bin/setpriv", command(user, umask: umask, arguments), environment: environment(user),
                                   folder: "/", input: inURL.path, output: scratch.appending(path: "stdout").path,
                                   error: scratch.appending(path: "stderr").path)
        return CommandResult(status: status,
                             stdout: (try? String(contentsOf: scratch.appending(path: "stdout"), encoding: .utf8)) ?? "",
                             stderr: (try? String(contentsOf: scratch.appending(path: "stderr"), encoding: .utf8)) ?? "")
    }

    /// Starts `maturity` as `user` without waiting, reading standard input from `input` (a descriptor of the
    /// test's); standard output and error go to `output` and `error`.
    func start(_ user: User, umask: String = "077", _ arguments: [String], input: Int32, output: String, error: String) throws -> pid_t {
        try Spawn.start("/usr/bin/setpriv", command(user, umask: umask, arguments), environment: environment(user),
                        input: .descriptor(input), output: output, error: error)
    }

    /// setpriv's arguments: the user, its groups, then a shell that sets the umask and becomes `maturity`.
    private func command(_ user: User, umask: String, _ arguments: [String]) -> [String] {
        ["--reuid=\(user.name)", "--regid=users", "--init-groups", "/bin/sh", "-c", "umask \(umask) && exec \"$@\"", "sh",
         maturityBinary.path] + arguments
    }

    private func environment(_ user: User) -> [String: String] {
        ["HOME": user.home.path, "TMPDIR": user.home.path, "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no",
         "LANG": "C.UTF-8", "USER": user.name, "LOGNAME": user.name]
    }

    /// Runs a program as root and fails unless it exits 0.
    private static func system(_ arguments: [String]) throws {
        let log = FileManager.default.temporaryDirectory.appending(path: "maturity-users-\(UUID().uuidString).log").path
        defer { unlink(log) }
        let status = try Spawn.run(arguments[0], Array(arguments.dropFirst()), environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"],
                                   folder: "/", output: log, error: log)
        guard status == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")) exited \(status): \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        }
    }

    /// A setup step that failed.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}
