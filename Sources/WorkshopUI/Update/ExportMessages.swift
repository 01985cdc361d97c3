import FoundationEssentials

/// What the status line says about the summary board's export (`x`): the files written, or, when its
/// files exist already, the question whether to replace them (`x` again) or write new ones beside (`n`).
enum ExportMessages {
    /// "Exported to FOLDER: STEM as .md, .html, .csv, .json", with why it is not the current folder.
    static func exported(_ paths: [String], note: String?) -> WorkshopState.Message {
        let files = paths.map { URL(filePath: $0, directoryHint: .notDirectory) }
        let folder = files.first.map { $0.deletingLastPathComponent().path } ?? ""
        let stem = files.first.map { $0.deletingPathExtension().lastPathComponent } ?? ""
        let endings = files.map { $0.deletingPathExtension().lastPathComponent == stem ? "." + $0.pathExtension : $0.lastPathComponent }
        let why = note.map { " (\($0))" } ?? ""
        return .init("Exported to \(folder)\(why): \(stem) as \(endings.joined(separator: ", "))", wraps: true)
    }

    /// The question asked when the summary's files are in `folder` already.
    static func offer(folder: String, existing: [String]) -> WorkshopState.Message {
        let files = existing.map { URL(filePath: $0, directoryHint: .notDirectory) }
        let stem = files.first.map { $0.deletingPathExtension().lastPathComponent }
        let listed = files.first.map { [$0.lastPathComponent] + files.dropFirst().map {
            $0.deletingPathExtension().lastPathComponent == stem ? "." + $0.pathExtension : $0.lastPathComponent
        } } ?? []
        let verb = files.count == 1 ? "exists" : "exist"
        return .init("\(listed.joined(separator: ", ")) \(verb) in \(folder) already. Press x again to replace "
            + "\(files.count == 1 ? "it" : "them"), n to write new files beside, any other key to leave \(files.count == 1 ? "it" : "them").",
            isProblem: true)
    }
}
