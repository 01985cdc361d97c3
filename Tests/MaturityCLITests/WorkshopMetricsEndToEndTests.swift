import Foundation
import Testing
import TestSupport

/// Issue 14: step 1's metrics recorded in the full-screen workshop at 80x24, in the real binary.
@Suite("Workshop metrics in tmux", .serialized)
struct WorkshopMetricsEndToEndTests {
    @Test func aMetricRecordedInTheWorkshopIsListedByShow() throws {
        let sandbox = try Sandbox()
        let session = try TmuxSession(["workshop", "--system", "West Yorkshire ICS"], sandbox: sandbox, width: 80, height: 24)
        try session.startWorkshop()
        try session.press("Enter")
        try session.waitFor("Economy (1 of 3) · Metrics")
        try session.waitFor("Step 1 · baseline metrics · 0 of 5 recorded")
        try session.press("Down", "Down", "Enter")
        try session.waitFor("Metric: Spend with VCSE organisations")
        // A value with its unit typed in is refused inside the form; what was typed stays.
        try session.type("12%")
        try session.press("Escape")
        try session.waitFor("'12%' has '%' in it", acrossLines: true)
        try session.press("BSpace")
        try session.type("34.50")
        try session.press("Tab")
        try session.type("2025/26")
        try session.press("Tab")
        try session.type("ICB finance report")
        try session.press("Escape")
        try session.waitFor("Metric saved.")
        let screen = try session.waitFor("1234.50 £ million a year")
        #expect(screen.contains("1 of 5 recorded"))
        #expect(screen.contains("2025/26 · source: ICB finance report"))
        try session.waitUntil("the top line says saved") { TmuxSession.showsSaved($0.split(separator: "\n").first.map(String.init) ?? "") }
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")

        let file = try onlyStoreFile(sandbox)
        let shown = try sandbox.run(["show", file, "--format", "json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        #expect(metrics.count == 1)
        let metric = try #require(metrics.first)
        #expect(metric["id"] as? String == "econ-vcse-local-spend" && metric["area"] as? String == "economic-development")
        #expect(metric["value"] as? String == "1234.50" && metric["unit"] as? String == "£ million a year")
        #expect(metric["period"] as? String == "2025/26" && metric["source"] as? String == "ICB finance report")
        // The draft resumes on the metrics step it was left on.
        let resumed = try TmuxSession(["workshop", "--resume", file], sandbox: sandbox, width: 80, height: 24)
        try resumed.waitFor("Economy (1 of 3) · Metrics")
        try resumed.type("q")
        #expect(try resumed.ending().exit == "exit=0")
    }
}
