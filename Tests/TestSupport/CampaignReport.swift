import Foundation

/// Figures for RELIABILITY.md: with `MATURITY_CAMPAIGN_REPORT=FILE` set, tests append one line per
/// fault or input class (`CLASS<TAB>CASES<TAB>HOW`) to FILE; `scripts/reliability-campaign` adds them up.
/// The figures stand only for a run in which every test passed; the campaign script says FAILED otherwise.
public enum CampaignReport {
    private static let lock = NSLock()

    public static func record(_ inputClass: String, cases: Int, how: String) {
        guard let path = ProcessInfo.processInfo.environment["MATURITY_CAMPAIGN_REPORT"], !path.isEmpty else { return }
        let line = "\(inputClass)\t\(cases)\t\(how)\n"
        lock.lock()
        defer { lock.unlock() }
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil
        }() else { return }
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        try? handle.close()
    }
}
