import FoundationEssentials
import MaturityFramework
import MaturityStore

/// What `maturity store share` did, in lines for the terminal.
enum ShareReportText {
    /// The report's lines; `group` is the group's name as given (nil for `--off`).
    static func lines(_ report: SharedStore.Report, group: String?) -> [String] {
        let folder = "\(inert: report.folder)"
        var lines: [String] = []
        if let group {
            let name = "\(inert: group)"
            lines.append(report.folderChanged
                ? "Shared \(folder) with the group \(name): the folder is now 2770 (set-group-id) with group \(name)."
                : "\(folder) was already shared with the group \(name) (2770).")
            lines.append(filesLine(report, mode: "660, group \(name)"))
        } else {
            lines.append(report.folderChanged
                ? "Made \(folder) private: the folder is now 700, for you alone."
                : "\(folder) was already private (700).")
            lines.append(filesLine(report, mode: "600"))
        }
        for file in report.othersFiles where !file.fits {
            lines.append(group == nil
                ? "Left as it is: \(inert: file.name) belongs to \(inert: file.owner), who can no longer reach it in this folder."
                : "Left as it is: \(inert: file.name) belongs to \(inert: file.owner); they can share it by running this command too.")
        }
        if !report.leftAlone.isEmpty {
            lines.append("Not the store's files, left alone: \(report.leftAlone.map { "\(inert: $0)" }.joined(separator: ", ")).")
        }
        if !report.closedAbove.isEmpty, let group {
            lines.append("Note: members of \(inert: group) cannot reach the store until they may pass through "
                + "\(report.closedAbove.map { "\(inert: $0)" }.joined(separator: ", ")) (e.g. chmod o+x, or choose a store outside your home).")
        }
        if let group {
            lines.append("From now on every file maturity writes there is 660 with group \(inert: group), whatever the umask; "
                + "members of \(inert: group) can run workshops and reports on it, and nobody else can read it.")
        }
        return lines
    }

    private static func filesLine(_ report: SharedStore.Report, mode: String) -> String {
        let changed = report.changed.count
        let already = report.unchanged.count + report.othersFiles.filter(\.fits).count
        let files = changed == 1 ? "1 file" : "\(changed) files"
        switch (changed, already) {
        case (0, 0): return "No assessment files in it yet."
        case (0, _): return "Every file already was \(mode)."
        case (_, 0): return "\(files) of yours made \(mode)."
        default: return "\(files) of yours made \(mode); \(already) already were."
        }
    }
}
