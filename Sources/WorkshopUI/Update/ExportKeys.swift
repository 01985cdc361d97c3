import CellGrid

/// The summary board's export: `x` asks for one; when its files exist already, the board is asked
/// whether to replace them (`x` again) or write new ones beside them (`n`). Any other key leaves them.
enum ExportKeys {
    /// The effects of `x` or `n` on the summary board.
    static func handle(_ key: Key, in state: inout WorkshopState) -> [WorkshopEffect] {
        guard state.assessment != nil else { return [] }
        let replacing = key == .character("x") || key == .character("X")
        if let folder = state.exportOffer {
            state.exportOffer = nil
            return [.exportInto(folder: folder, replacing: replacing)]
        }
        return replacing ? [.export] : []
    }

    /// Whether `key` answers the question about existing files (so it must not cancel it first).
    static func answersOffer(_ key: Key) -> Bool {
        [.character("x"), .character("X"), .character("n"), .character("N")].contains(key)
    }

    /// "Exported to FOLDER: STEM as .md, .html, .csv, .json", with why it is not the current folder.
    static func exported(_ paths: [String], note: String?) -> WorkshopState.Message {
        let folder = paths.first.map(Self.folder(of:)) ?? ""
        let names = paths.map(Self.name(of:))
        let stem = names.first.map(Self.stem(of:)) ?? ""
        let endings = names.map { "." + ($0.split(separator: ".").last.map(String.init) ?? "") }
        let why = note.map { " (\($0))" } ?? ""
        return .init("Exported to \(folder)\(why): \(stem) as \(endings.joined(separator: ", "))", wraps: true)
    }

    /// The question asked when the summary's files are in `folder` already.
    static func offer(folder: String, existing: [String]) -> WorkshopState.Message {
        let names = existing.map(Self.name(of:))
        let listed = names.first.map { [$0] + names.dropFirst().map { "." + ($0.split(separator: ".").last.map(String.init) ?? "") } } ?? []
        let verb = names.count == 1 ? "exists" : "exist"
        return .init("\(listed.joined(separator: ", ")) \(verb) in \(folder) already. Press x again to replace "
            + "\(names.count == 1 ? "it" : "them"), n to write new files beside, any other key to leave \(names.count == 1 ? "it" : "them").",
            isProblem: true)
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func stem(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
