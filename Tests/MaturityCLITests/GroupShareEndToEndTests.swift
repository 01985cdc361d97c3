import Foundation
import Testing
import TestSupport

/// Issue 15: a store shared with a Unix group on one machine, tested with real second users. Alice
/// shares it and creates an assessment; Bob, in the group, lists, shows and edits it; Alice sees his
/// change; Carol, outside the group, is refused in one line. Each edits under umask 077 and 000. Skips,
/// with the reason, where users cannot be made (not root, or no useradd): scripts/setup --test installs them.
@Suite("Group sharing with second Unix users", .serialized,
       .enabled(if: UnixUsers.unavailable == nil, Comment(rawValue: UnixUsers.unavailable ?? "")))
struct GroupShareEndToEndTests {
    let file = "2026-11-20-west-yorkshire-ics.json"

    @Test func membersShareEditAndSeeEachOthersWorkAndAnOutsiderIsRefused() throws {
        let users = try UnixUsers(members: ["a", "b"], outsiders: ["c"])
        let (alice, bob, carol) = (users.user("a"), users.user("b"), users.user("c"))
        let store = try users.folder(ownedBy: alice, named: "board").appending(path: "store").path

        let shared = try users.run(alice, ["store", "share", "--group", users.group, "--store", store])
        #expect(shared.status == 0, "\(shared.stderr)")
        #expect(shared.stdout.contains("Shared \(store) with the group \(users.group)"))
        #expect(try fileStatus(store).mode == 0o2770 && fileStatus(store).group == users.group)

        let made = try users.run(alice, umask: "077", ["new", "--system", "West Yorkshire ICS", "--date", "2026-11-20", "--store", store])
        #expect(made.status == 0, "\(made.stderr)")
        let path = "\(store)/\(file)"
        #expect(try fileStatus(path) == FileStatus(mode: 0o660, group: users.group, owner: alice.name))

        let listed = try users.run(bob, ["list", "--store", store])
        #expect(listed.status == 0 && listed.stdout.contains("West Yorkshire ICS  draft"), "\(listed.stderr)")
        let shown = try users.run(bob, ["show", file, "--store", store])
        #expect(shown.status == 0 && shown.stdout.contains("West Yorkshire ICS"), "\(shown.stderr)")

        // Each edits in turn, under both umasks: question 1 answered with a note, then the next one.
        let turns: [(UnixUsers.User, String, String)] = [(bob, "000", "y\nNote by Bob\nq\n"), (alice, "000", "g 1.2\nn\nNote by Alice\nq\n"),
                                                         (bob, "077", "g 1.3\np\nBob again\nq\n"), (alice, "077", "g 1.4\nu\n\nq\n")]
        for (user, umask, input) in turns {
            let edited = try users.run(user, umask: umask, ["workshop", "--plain", "--store", store, "--resume", file], input: input)
            #expect(edited.status == 0, "\(user.name) umask \(umask): \(edited.stderr)")
            #expect(try fileStatus(path) == FileStatus(mode: 0o660, group: users.group, owner: user.name), "\(user.name) umask \(umask)")
        }
        // What Alice sees: shown by her, and the file itself.
        let seen = try users.run(alice, ["show", file, "--store", store])
        #expect(seen.status == 0 && seen.stdout.contains("Answered 4 of 10 questions"), "\(seen.stdout)")
        let saved = try JSONDecoder().decode(SavedAssessment.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        let economy = try #require(saved.areas.first)
        #expect(economy.answers["econ-emerging-plan-reviewed"] == "yes" && economy.notes?["econ-emerging-plan-reviewed"] == "Note by Bob")
        #expect(economy.answers["econ-emerging-plan-known"] == "no" && economy.notes?["econ-emerging-plan-known"] == "Note by Alice")
        #expect(economy.answers.count == 4, "every member's answer is kept: \(economy.answers)")
        #expect(try storeContents(atPath: store) == [file], "no lock or temporary file is left")

        for arguments in [["list", "--store", store], ["show", path], ["progress", "--system", "West Yorkshire ICS", "--store", store]] {
            let refused = try users.run(carol, arguments)
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.contains("Permission denied"),
                    "\(arguments): \(refused.stderr)")
        }
        let notMember = try users.run(carol, ["store", "share", "--group", users.group, "--store", store])
        #expect(notMember.status == 1 && notMember.stderr.contains("are not a member of the group '\(users.group)'"), "\(notMember.stderr)")
        CampaignReport.record("Store shared with a Unix group, two members and an outsider (real users)", cases: 10,
                              how: "share; create under umask 077; the other member lists, shows, edits (umask 000 and 077) and each "
                                  + "sees the other's answers; every write 0660 with the group; an outsider refused in one line by list, show, progress, share")
    }

    /// The README's old advice, done by hand (the folder given the group, chmod 2770): before issue 15
    /// every file was 0600 all the same, and the other member got "permission denied". Now the folder's
    /// mode alone makes every write 0660 with its group.
    @Test func aFolderSharedByHandWithoutTheCommandIsKeptShared() throws {
        let users = try UnixUsers(members: ["a", "b"])
        let (alice, bob) = (users.user("a"), users.user("b"))
        let store = try users.folder(ownedBy: alice, named: "board").appending(path: "store")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: false)
        try #require(chown(store.path, getpwnam(alice.name).pointee.pw_uid, getgrnam(users.group).pointee.gr_gid) == 0)
        try #require(chmod(store.path, 0o2770) == 0)
        for umask in ["077", "000"] {
            let made = try users.run(alice, umask: umask, ["new", "--system", "Leeds \(umask)", "--date", "2026-11-20", "--store", store.path])
            #expect(made.status == 0, "\(made.stderr)")
            let path = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try fileStatus(path) == FileStatus(mode: 0o660, group: users.group, owner: alice.name), "umask \(umask)")
            let edited = try users.run(bob, umask: umask, ["workshop", "--plain", "--store", store.path, "--resume", path], input: "y\n\nq\n")
            #expect(edited.status == 0, "umask \(umask): \(edited.stderr)")
            #expect(try fileStatus(path) == FileStatus(mode: 0o660, group: users.group, owner: bob.name), "umask \(umask)")
        }
        let listed = try users.run(alice, ["list", "--store", store.path])
        #expect(listed.status == 0 && listed.stderr.isEmpty && listed.stdout.contains("Leeds 000"), "\(listed.stderr)")
    }

    /// A draft open in one member's workshop is locked for another member's.
    @Test func aDraftOpenInOneMembersWorkshopIsLockedForAnother() throws {
        let users = try UnixUsers(members: ["a", "b"])
        let (alice, bob) = (users.user("a"), users.user("b"))
        let store = try users.folder(ownedBy: alice, named: "board").appending(path: "store").path
        #expect(try users.run(alice, ["store", "share", "--group", users.group, "--store", store]).status == 0)
        #expect(try users.run(bob, umask: "000", ["new", "--system", "West Yorkshire ICS", "--date", "2026-11-20", "--store", store]).status == 0)

        // Alice's input: a socket pair, close-on-exec at once so that no process a parallel test starts keeps it open.
        var ends: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0, &ends) == 0)
        let output = users.root.appending(path: "alice-out").path
        let error = users.root.appending(path: "alice-err").path
        let pid = try users.start(alice, umask: "000", ["workshop", "--plain", "--store", store, "--resume", file],
                                  input: ends[0], output: output, error: error)
        close(ends[0])
        var open = false
        for _ in 0..<500 where !open {
            open = ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").contains("Question 1 of 10")
            if !open { usleep(20_000) }
        }
        #expect(open, "alice's workshop did not start: \((try? String(contentsOfFile: error, encoding: .utf8)) ?? "")")
        #expect(try fileStatus("\(store)/.\(file).lock").mode == 0o660)

        let busy = try users.run(bob, ["workshop", "--plain", "--store", store, "--resume", file], input: "y\nq\n")
        #expect(busy.status == 1)
        #expect(busy.stderr.contains("\(file) is open in another workshop"), "\(busy.stderr)")

        _ = "y\nAlice held it\nq\n".withCString { write(ends[1], $0, strlen($0)) }
        close(ends[1])
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0, errno == EINTR {}
        #expect(exit == 0)
        let resumed = try users.run(bob, umask: "077", ["workshop", "--plain", "--store", store, "--resume", file], input: "q\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        CampaignReport.record("Draft lock across two users of a shared store", cases: 2,
                              how: "a member's plain workshop holds the draft; the other's resume is refused as open in another workshop, then works once it ends")
    }

    /// A private store is as before: 0600 files whatever the umask, closed to other users; `--off` makes a
    /// shared one private and names another member's file it leaves alone.
    @Test func aPrivateStoreStaysOwnerOnlyAndOffClosesASharedOne() throws {
        let users = try UnixUsers(members: ["a", "b"])
        let (alice, bob) = (users.user("a"), users.user("b"))
        let base = try users.folder(ownedBy: alice, named: "board")
        let privateStore = base.appending(path: "private").path
        for umask in ["000", "077"] {
            let made = try users.run(alice, umask: umask, ["new", "--system", "Leeds \(umask)", "--date", "2026-11-20", "--store", privateStore])
            #expect(made.status == 0, "\(made.stderr)")
            #expect(try fileStatus(made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).mode == 0o600, "umask \(umask)")
        }
        #expect(try fileStatus(privateStore).mode == 0o700)
        let refused = try users.run(bob, ["list", "--store", privateStore])
        #expect(refused.status == 1 && refused.stderr.contains("Permission denied"))

        let store = base.appending(path: "shared").path
        #expect(try users.run(alice, ["store", "share", "--group", users.group, "--store", store]).status == 0)
        #expect(try users.run(bob, ["new", "--system", "West Yorkshire ICS", "--date", "2026-11-20", "--store", store]).status == 0)
        #expect(try users.run(alice, ["new", "--system", "Leeds", "--date", "2026-11-20", "--store", store]).status == 0)
        let off = try users.run(alice, ["store", "share", "--off", "--store", store])
        #expect(off.status == 0, "\(off.stderr)")
        #expect(off.stdout.contains("Made \(store) private"))
        #expect(off.stdout.contains("Left as it is: \(file) belongs to \(bob.name)"))
        #expect(try fileStatus(store).mode == 0o700 && fileStatus("\(store)/2026-11-20-leeds.json").mode == 0o600)
        #expect(try fileStatus("\(store)/\(file)") == FileStatus(mode: 0o660, group: users.group, owner: bob.name), "never changed by alice")
        #expect(try users.run(bob, ["list", "--store", store]).stderr.contains("Permission denied"))
    }

    /// What another member can plant in a shared store: a FIFO and a link to a device named as
    /// assessments, a link as a lock file, a file of theirs closed to the group. Nothing blocks or is
    /// followed, their file is never changed, and each is named in one line.
    @Test func whatAnotherMemberPlantsIsNeverFollowedOrChanged() throws {
        let users = try UnixUsers(members: ["a", "b"])
        let (alice, bob) = (users.user("a"), users.user("b"))
        let store = try users.folder(ownedBy: alice, named: "board").appending(path: "store").path
        #expect(try users.run(alice, ["store", "share", "--group", users.group, "--store", store]).status == 0)
        #expect(try users.run(alice, ["new", "--system", "West Yorkshire ICS", "--date", "2026-11-20", "--store", store]).status == 0)
        #expect(try users.run(bob, ["new", "--system", "Leeds", "--date", "2026-11-20", "--store", store]).status == 0)
        // Bob's planting, made as root then given to him.
        let plants = ["\(store)/2026-11-21-fifo.json", "\(store)/2026-11-21-tty.json", "\(store)/.\(file).lock"]
        try #require(mkfifo(plants[0], 0o660) == 0 && symlink("/dev/tty", plants[1]) == 0 && symlink("/etc/shadow", plants[2]) == 0)
        for plant in plants { try #require(lchown(plant, getpwnam(bob.name).pointee.pw_uid, gid_t.max) == 0) }
        let shadowMode = try fileStatus("/etc/shadow").mode
        let leeds = "\(store)/2026-11-20-leeds.json"
        try #require(chmod(leeds, 0o600) == 0)

        let listed = try users.run(alice, ["list", "--store", store])
        #expect(listed.status == 0 && listed.stdout.contains("West Yorkshire ICS"), "\(listed.stderr)")
        #expect(listed.stderr.contains("2026-11-21-fifo.json: is a FIFO (named pipe), not a file"))
        #expect(listed.stderr.contains("2026-11-21-tty.json: is a link to a device, not a file"))
        #expect(listed.stderr.contains("2026-11-20-leeds.json: cannot be read: Permission denied"), "\(listed.stderr)")
        let locked = try users.run(alice, ["workshop", "--plain", "--store", store, "--resume", file], input: "q\n")
        #expect(locked.status == 1 && locked.stderr.contains("is a symbolic link; remove it"), "\(locked.stderr)")
        #expect(try fileStatus("/etc/shadow").mode == shadowMode, "the link's target is never changed")

        let again = try users.run(alice, ["store", "share", "--group", users.group, "--store", store])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Left as it is: 2026-11-20-leeds.json belongs to \(bob.name)"), "\(again.stdout)")
        #expect(try fileStatus(leeds).mode == 0o600, "another member's file is never chmod-ed")
        // Its owner shares it with the same command, on the folder that is not theirs but already shared.
        let own = try users.run(bob, ["store", "share", "--group", users.group, "--store", store])
        #expect(own.status == 0 && own.stdout.contains("was already shared with the group \(users.group)"), "\(own.stderr)")
        #expect(own.stdout.contains("1 file of yours made 660, group \(users.group)"), "\(own.stdout)")
        #expect(try fileStatus(leeds).mode == 0o660)
        let notTheirs = try users.run(bob, ["store", "share", "--off", "--store", store])
        #expect(notTheirs.status == 1 && notTheirs.stderr.contains("belongs to \(alice.name); only they can change who may use it"),
                "\(notTheirs.stderr)")
        CampaignReport.record("Plants by another member of a shared store", cases: 7,
                              how: "a FIFO and a link to /dev/tty named .json, a link as the lock file, a member's file closed to the group: "
                                  + "named in one line each, never followed, blocked on, or changed; share leaves the member's file as it is, "
                                  + "its owner shares it; --off by a member who does not own the folder refused")
    }

    /// A file's mode, group name and owner name.
    struct FileStatus: Equatable, CustomStringConvertible {
        var mode: mode_t
        var group: String
        var owner: String

        var description: String { "\(String(mode, radix: 8)) \(owner):\(group)" }
    }

    private func fileStatus(_ path: String) throws -> FileStatus {
        var info = Glibc.stat()
        try #require(lstat(path, &info) == 0, "\(path) is missing")
        let group = getgrgid(info.st_gid).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? "\(info.st_gid)"
        let owner = getpwuid(info.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "\(info.st_uid)"
        return FileStatus(mode: info.st_mode & 0o7777, group: group, owner: owner)
    }
}
