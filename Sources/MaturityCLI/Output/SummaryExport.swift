import FoundationEssentials
import MaturityModel
import MaturityStore
#if canImport(Glibc)
import Glibc
#endif

/// The workshop's `x`: the summary in every format, side by side as `STEM.md`, `.html`, `.csv` and
/// `.json` (and the metrics as a sibling `…-metrics.csv` when there are readings, see ``fileName(stem:ending:)``), written by ``OutputFile`` (owner-only, atomic, never through a link) into the first folder
/// that can take them and is not the store: the current folder, else `~/maturity-exports`, else
/// `maturity-exports-UID` in `$TMPDIR` (or /tmp). Existing files are replaced only when the board says so.
struct SummaryExport {
    /// A folder exports may go to, in order of preference.
    struct Candidate {
        /// The folder.
        var url: URL
        /// How the message names it when an earlier one was passed over ("the current folder").
        var name: String
        /// Created (owner-only) if missing, and then used only if it is a folder of this user's.
        var isOwnFolder: Bool
        /// Used only if nobody else can enter it (a shared temporary folder).
        var mustBePrivate: Bool
    }

    /// What the board asked for.
    enum Request: Equatable {
        /// Write beside whatever is there; ask first if the files exist.
        case ask
        /// Write into `folder`, replacing the files there.
        case replace(folder: String)
        /// Write into `folder` under the first free stem (`STEM-2`, `STEM-3`…).
        case beside(folder: String)
    }

    /// What happened.
    enum Outcome: Equatable {
        /// The files written, and why they are not in the current folder, if they are not.
        case written(paths: [String], note: String?)
        /// Files of these names are in `folder` already; the board must choose.
        case wouldReplace(folder: String, existing: [String])
        /// Nothing was written, for this reason.
        case failed(String)
    }

    /// The folders to try, in order.
    let candidates: [Candidate]
    /// Folders nothing may be written into.
    let stores: [URL]

    /// The current folder, `~/maturity-exports`, then `$TMPDIR/maturity-exports-UID` (else /tmp).
    static func defaultCandidates(environment: [String: String], currentFolder: String) -> [Candidate] {
        var candidates = [Candidate(url: URL(fileURLWithPath: currentFolder), name: "the current folder",
                                    isOwnFolder: false, mustBePrivate: false)]
        if let home = environment["HOME"], home.hasPrefix("/") {
            candidates.append(Candidate(url: URL(fileURLWithPath: home).appending(path: "maturity-exports"),
                                        name: "~/maturity-exports", isOwnFolder: true, mustBePrivate: false))
        }
        let temporary = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        candidates.append(Candidate(url: URL(fileURLWithPath: temporary).appending(path: "maturity-exports-\(getuid())"),
                                    name: "the temporary exports folder", isOwnFolder: true, mustBePrivate: true))
        return candidates
    }

    /// Writes `files` (ending such as `md`, and content) as `stem.ENDING` according to `request`.
    func write(_ files: [(ending: String, data: Data)], stem: String, request: Request) -> Outcome {
        let names = files.map { Self.fileName(stem: stem, ending: $0.ending) }
        switch request {
        case let .replace(folder):
            return into(folder) { folder in
                for name in names { try folder.refuseSpecialFile(name) }
                for (name, file) in zip(names, files) { try folder.replace(file.data, named: name) }
                return names.map { folder.url(of: $0).path }
            }
        case let .beside(folder):
            return into(folder) { try createAll(files, stem: stem, in: $0) }
        case .ask:
            var passedOver: [String] = []
            var failure = "no folder to write in"
            for candidate in candidates {
                let identity = OutputFile.identity(of: candidate.url)
                if identity != nil, stores.contains(where: { OutputFile.identity(of: $0) == identity }) {
                    passedOver.append("\(candidate.name) is the store")
                    continue
                }
                guard prepare(candidate) else {
                    passedOver.append("\(candidate.name) cannot be used")
                    continue
                }
                do {
                    let folder = try OutputFile.Folder(candidate.url, protecting: stores)
                    defer { folder.close() }
                    guard access(candidate.url.path, W_OK | X_OK) == 0 else {
                        passedOver.append("\(candidate.name) cannot be written")
                        continue
                    }
                    let existing = names.filter { folder.kind(of: $0) != nil }
                    if !existing.isEmpty { return .wouldReplace(folder: folder.path, existing: existing) }
                    let paths = try createAll(files, stem: stem, in: folder)
                    return .written(paths: paths, note: passedOver.isEmpty ? nil : passedOver.joined(separator: "; "))
                } catch let error as OutputFile.Failure {
                    failure = error.message
                    passedOver.append("\(candidate.name) cannot be written")
                } catch {
                    failure = "\(error)"
                }
            }
            return .failed(failure)
        }
    }

    /// The name of the file of `ending` under `stem`: `STEM.md`; an ending of two parts such as
    /// `metrics.csv` names a sibling, `STEM` with its last `-summary` replaced by `-metrics`
    /// (`X-summary-2` gives `X-metrics-2.csv`), or `STEM-metrics.csv` when the stem has no `-summary`.
    static func fileName(stem: String, ending: String) -> String {
        let parts = ending.split(separator: ".", maxSplits: 1)
        guard parts.count == 2 else { return "\(stem).\(ending)" }
        guard let marker = stem.ranges(of: "-summary").last else { return "\(stem)-\(parts[0]).\(parts[1])" }
        return stem[..<marker.lowerBound] + "-\(parts[0])" + stem[marker.upperBound...] + ".\(parts[1])"
    }

    /// Runs `body` in the open folder at `path`; a failure is the outcome.
    private func into(_ path: String, _ body: (OutputFile.Folder) throws -> [String]) -> Outcome {
        do {
            let folder = try OutputFile.Folder(URL(fileURLWithPath: path), protecting: stores)
            defer { folder.close() }
            return .written(paths: try body(folder), note: nil)
        } catch let error as OutputFile.Failure {
            return .failed(error.message)
        } catch {
            return .failed("\(error)")
        }
    }

    /// Creates every file under the first stem (`stem`, `stem-2`, …) that none of them is taken by,
    /// never touching a file that exists; returns their paths.
    private func createAll(_ files: [(ending: String, data: Data)], stem: String, in folder: OutputFile.Folder) throws -> [String] {
        for number in 1...999 {
            let free = number == 1 ? stem : "\(stem)-\(number)"
            let names = files.map { Self.fileName(stem: free, ending: $0.ending) }
            if names.contains(where: { folder.kind(of: $0) != nil }) { continue }
            var created: [String] = []
            for (name, file) in zip(names, files) {
                guard try folder.createNew(file.data, candidates: [name]) != nil else { break }
                created.append(name)
            }
            if created.count == names.count { return created.map { folder.url(of: $0).path } }
            // Another writer took one of the names meanwhile: take back ours and try the next stem.
            for name in created { unlinkat(folder.descriptor, name, 0) }
        }
        throw OutputFile.Failure("every name from \(stem) to \(stem)-999 is taken in \(folder.path)")
    }

    /// Makes `candidate` ready, or says it cannot be used.
    private func prepare(_ candidate: Candidate) -> Bool {
        guard candidate.isOwnFolder else { return true }
        if mkdir(candidate.url.path, 0o700) != 0, errno != EEXIST { return false }
        var status = stat()
        let found = candidate.mustBePrivate ? lstat(candidate.url.path, &status) : stat(candidate.url.path, &status)
        guard found == 0, (status.st_mode & S_IFMT) == S_IFDIR, status.st_uid == getuid() else { return false }
        return !candidate.mustBePrivate || (status.st_mode & 0o077) == 0
    }
}
