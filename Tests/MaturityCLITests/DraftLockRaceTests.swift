import Foundation
import Testing
import TestSupport

/// Workshops started at the same instant on one draft: the kernel lock lets exactly one of them hold it.
@Suite("Draft lock races", .serialized)
struct DraftLockRaceTests {
    /// 20 trials in the normal test run; `MATURITY_LOCK_TRIALS` asks for more (200 in the campaign).
    static let trials = ProcessInfo.processInfo.environment["MATURITY_LOCK_TRIALS"].flatMap { Int($0) } ?? 20
    /// Workshops per trial.
    static let contenders = 8

    /// Each trial starts 8 `maturity workshop --resume FILE` processes (plain mode, their input a pipe
    /// kept open) that all try the lock at one instant (`MATURITY_FAULT_LOCK_AT`). A holder says
    /// "Resuming" and waits for input, so every holder is holding at the same time; the others must be
    /// refused, naming the holder. Then the input ends and the holder quits.
    @Test func workshopsStartedAtTheSameInstantHaveExactlyOneHolder() throws {
        let sandbox = try Sandbox()
        let made = try sandbox.run(["new", "--system", "Race ICS", "--date", "2026-01-01"])
        try #require(made.status == 0)
        let file = made.stdout.trimmingCharacters(in: .newlines)
        var holdersPerTrial: [Int] = []
        for trial in 0..<Self.trials {
            let holders = try race(trial, file: file, sandbox: sandbox)
            holdersPerTrial.append(holders)
            #expect(holders == 1, "trial \(trial): \(holders) workshops held the lock at once")
        }
        let exactlyOne = holdersPerTrial.filter { $0 == 1 }.count
        #expect(try storeContents(atPath: sandbox.store.path).filter { $0.hasSuffix(".lock") }.isEmpty)
        CampaignReport.record(
            "Draft lock: \(Self.contenders) workshops started at the same instant on one draft", cases: Self.trials,
            how: "real binary, plain --resume, released at one instant: \(holdersPerTrial.reduce(0, +)) holders in "
                + "\(Self.trials) trials, exactly one in \(exactlyOne); every other workshop refused naming the holder")
    }

    /// The two ways the old lock went wrong, made certain: a held lock file that is still empty (its holder
    /// has not written itself yet) is never taken for stale; a lock file nobody holds is free, even when it
    /// names a live process (a reused process id, here init's).
    @Test func onlyTheKernelLockDecidesWhoHoldsADraft() throws {
        let sandbox = try Sandbox()
        let made = try sandbox.run(["new", "--system", "Held ICS", "--date", "2026-01-01"])
        let file = made.stdout.trimmingCharacters(in: .newlines)
        let lockFile = sandbox.store.appending(path: ".2026-01-01-held-ics.json.lock")
        let holder = open(lockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        try #require(holder >= 0 && flock(holder, LOCK_EX | LOCK_NB) == 0)
        let refused = try sandbox.run(["workshop", "--plain", "--resume", file], input: "q\n")
        close(holder)
        #expect(refused.status == 1 && !refused.stdout.contains("Resuming"))
        #expect(refused.stderr == "maturity: 2026-01-01-held-ics.json is open in another workshop (starting at this moment); "
            + "close that one first\n")
        try Data("1\n\(ProcessInfo.processInfo.hostName)\n2026-01-01T09:00:00Z\n".utf8).write(to: lockFile)
        let free = try sandbox.run(["workshop", "--plain", "--resume", file], input: "q\n")
        #expect(free.status == 0 && free.stdout.hasPrefix("Resuming "), "\(free.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lockFile.path))
    }

    /// One trial; returns how many workshops held the lock.
    func race(_ trial: Int, file: String, sandbox: Sandbox) throws -> Int {
        // The workshops' input: a socket pair, made close-on-exec at once so that no other process started
        // meanwhile by a parallel test keeps it open.
        var ends: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0, &ends) == 0)
        var writeEnd = ends[1]
        defer { if writeEnd >= 0 { close(writeEnd) } }
        let instant = Date().timeIntervalSince1970 + 0.6
        let environment = ["HOME": sandbox.home.path, "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no",
                           "LANG": "C.UTF-8", "MATURITY_STORE": sandbox.store.path, "TMPDIR": sandbox.root.path,
                           "MATURITY_FAULT_LOCK_AT": String(format: "%.6f", instant)]
        var workshops: [RacingProcess] = []
        defer { workshops.forEach { $0.kill() } }
        for number in 0..<Self.contenders {
            let output = sandbox.root.appending(path: "race-\(trial)-\(number)")
            workshops.append(try RacingProcess(maturityBinary.path, ["workshop", "--plain", "--resume", file],
                                               environment: environment, input: ends[0], output: output))
        }
        close(ends[0])
        // Every workshop either holds the lock (and waits for input) or has been refused and ended.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !workshops.allSatisfy({ $0.hasEnded || $0.output.contains("Resuming") }) {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let holders = workshops.filter { $0.output.contains("Resuming") }
        for refused in workshops where !refused.output.contains("Resuming") {
            #expect(refused.hasEnded && refused.status == 1, "trial \(trial): a workshop neither held the lock nor ended")
            #expect(refused.errors.hasPrefix("maturity: 2026-01-01-race-ics.json is open in another workshop ("),
                    "trial \(trial): \(refused.errors)")
        }
        close(writeEnd)
        writeEnd = -1
        for holder in holders { #expect(holder.wait(seconds: 15) == 0, "trial \(trial): the holder quits when input ends") }
        return holders.count
    }
}

/// A process started at once (not waited for), its output and errors going to files.
final class RacingProcess {
    let pid: pid_t
    let outputURL: URL
    let errorURL: URL
    private(set) var status: Int32?

    init(_ executable: String, _ arguments: [String], environment: [String: String], input: Int32, output: URL) throws {
        outputURL = output.appendingPathExtension("out")
        errorURL = output.appendingPathExtension("err")
        pid = try Spawn.start(executable, arguments, environment: environment, input: .descriptor(input),
                              output: outputURL.path, error: errorURL.path)
    }

    var output: String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "" }

    /// Whether it has ended (reaping it, and keeping its exit status).
    var hasEnded: Bool {
        if status != nil { return true }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return false }
        status = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        return true
    }

    /// Its exit status once it ends within `seconds`, else nil.
    func wait(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if hasEnded { return status }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }

    /// Ends it, if it is still running, and reaps it.
    func kill() {
        guard !hasEnded else { return }
        Glibc.kill(pid, SIGKILL)
        _ = wait(seconds: 5)
    }
}
