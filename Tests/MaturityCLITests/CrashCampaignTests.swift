import Foundation
import Testing
import TestSupport

/// Issue 12: saves run beside the screen, so SIGKILL at any moment must still lose nothing the screen
/// showed as saved. `scripts/crash-campaign` (the reliability campaign's, reused here) types answers and
/// notes into the real binary in tmux as fast as tmux sends them, reads the screen between keys, and kills
/// the process at random moments (some the instant the screen says saved, some in the middle of a save
/// held open by MATURITY_FAULT_SAVE_PAUSE_MS), resuming the draft after each kill. `MATURITY_CRASH_KILLS`
/// sets how many kills (20 here, 200 in `scripts/reliability-campaign`).
@Suite("Crash campaign at speed", .serialized)
struct CrashCampaignTests {
    static let kills = Int(ProcessInfo.processInfo.environment["MATURITY_CRASH_KILLS"] ?? "") ?? 20
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "scripts/crash-campaign")

    @Test func killsAtRandomMomentsLoseNothingShownAsSaved() throws {
        let sandbox = try Sandbox()
        let output = sandbox.root.appending(path: "campaign.out")
        var environment = ["MATURITY_BINARY": maturityBinary.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                           "TMPDIR": sandbox.root.path, "HOME": sandbox.home.path]
        if let report = ProcessInfo.processInfo.environment["MATURITY_CAMPAIGN_REPORT"] { environment["MATURITY_CAMPAIGN_REPORT"] = report }
        let seed = Int.random(in: 1...1_000_000)
        let status = try Spawn.run("/usr/bin/env", ["python3", Self.script.path, "0", "\(seed)", "\(Self.kills)"],
                                   environment: environment, folder: sandbox.root.path, output: output.path, error: output.path)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(status == 0, "the campaign (seed \(seed)) lost or corrupted something, or nothing was shown saved:\n\(text)")
        // The figures line: kills, kills during a save, answers shown saved, lost, corrupt.
        let figures = text.split(separator: "\n").last { $0.trimmingCharacters(in: .whitespaces).first?.isNumber == true }
        let numbers = figures?.split(separator: " ").compactMap { Int($0) } ?? []
        #expect(numbers.count == 5 && numbers[0] == Self.kills && numbers[2] > 0 && numbers[3] == 0 && numbers[4] == 0,
                "\(Self.kills) kills, some answers shown saved, none lost or corrupt:\n\(text)")
    }
}
