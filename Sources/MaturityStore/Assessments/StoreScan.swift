import FoundationEssentials
import MaturityFramework
import MaturityModel

extension AssessmentStore {
    /// One value made from an assessment by ``scan(system:systemID:_:)``, with what orders it.
    public struct Scanned<Value: Sendable>: Sendable {
        /// The store's folder.
        let folder: URL
        /// The file's name, which orders assessments of the same date.
        let name: String
        /// The assessment's date.
        public var date: CalendarDate
        /// What the transform made of it.
        public var value: Value

        /// The file.
        public var url: URL { folder.appending(path: name) }
    }

    /// One assessment file seen at a glance (see ``AssessmentFile/glance(in:)``).
    public struct Glanced: Sendable {
        /// The store's folder.
        let folder: URL
        /// Its name in the store's folder (the last part of `url`).
        public let fileName: String
        /// What a line of `list` needs of it.
        public var glance: AssessmentGlance

        /// Where it is.
        public var url: URL { folder.appending(path: fileName) }
    }

    /// Like ``list(system:systemID:)``, but keeps only `transform` of each assessment, so that a store of
    /// any size is never held in memory whole. A transform that throws adds its error's text to the problems.
    ///
    /// With `system` or `systemID`, only the files that may belong to that system are decoded: those
    /// whose name matches, or that share an identity or a name with one of them (so a renamed system's
    /// earlier names come along), found by each file's top-level `system` and `systemID` (from the scan
    /// index, see ``scanGlances(system:systemID:_:)``, else by peeking at the file). That is a superset:
    /// ``SystemDirectory`` of the entries tells the systems apart. Throws when the folder exists but
    /// cannot be read.
    public func scan<Value: Sendable>(system: String? = nil, systemID: String? = nil, _ transform: @Sendable (Entry) throws -> Value)
        throws(StoreError) -> (results: [Scanned<Value>], problems: [String]) {
        let filtered = system != nil || systemID != nil
        guard let chosen = try choose(system: system, systemID: systemID, indexed: filtered) else { return ([], []) }
        let opened = chosen.opened, folder = self.folder, watcher = readWatcher
        let outcomes = Parallel.map(chosen.files) { file -> Result<Scanned<Value>, StoreError> in
            let url = folder.appending(path: file.name)
            do {
                let assessment = try Self.decode(try Self.read(file, in: opened, url: url, watcher: watcher).data, from: url)
                return .success(Scanned(folder: folder, name: file.name, date: assessment.date,
                                        value: try transform(Entry(url: url, assessment: assessment))))
            } catch let error as StoreError {
                return .failure(error)
            } catch {
                return .failure(StoreError("\(inert: url.path): \(error)"))
            }
        }
        chosen.index?.save(chosen.records)
        return Self.newestFirst(consume outcomes, problems: chosen.problems)
    }

    /// Like ``scan(system:systemID:_:)``, but gives `transform` each assessment's glance (what a line of
    /// `list` shows) rather than the whole assessment: a file is read in one pass without decoding its
    /// notes, actions or record, and decoded in full only when that pass is not sure of it, so the same
    /// files are read, and the same problems reported, as by `scan`.
    ///
    /// With a cache folder, the glances read are kept in the store's scan index (see ``StoreIndex``),
    /// and a file whose stamp (inode, size, modification and change times) is unchanged since its
    /// glance was read and settled is not read again.
    public func scanGlances<Value: Sendable>(system: String? = nil, systemID: String? = nil, _ transform: @Sendable (Glanced) throws -> Value)
        throws(StoreError) -> (results: [Scanned<Value>], problems: [String]) {
        // The listing and the index are let go (on returning from `glances`) before the results are ordered.
        let (outcomes, problems) = try glances(system: system, systemID: systemID, transform)
        return Self.newestFirst(consume outcomes, problems: problems)
    }

    /// Each chosen file's glance through `transform`, in the listing's order, and the problems met choosing.
    private func glances<Value: Sendable>(system: String?, systemID: String?, _ transform: @Sendable (Glanced) throws -> Value)
        throws(StoreError) -> (outcomes: [Result<Scanned<Value>, StoreError>], problems: [String]) {
        guard var chosen = try choose(system: system, systemID: systemID, indexed: true) else { return ([], []) }
        let opened = chosen.opened, folder = self.folder, index = chosen.index, clock = indexClock
        let watcher = readWatcher
        let (outcomes, records) = Parallel.map(chosen.files) { file -> (Result<Scanned<Value>, StoreError>, StoreIndex.Record?) in
            // The file's URL is made only when it is needed (a file read, a problem to report).
            let url = { folder.appending(path: file.name) }
            do {
                let glance: AssessmentGlance, record: StoreIndex.Record?
                if let index, let entry = index.trusted(file, in: opened), let kept = index.previous?.glance(of: entry) {
                    (glance, record) = (kept, .kept(entry))
                } else {
                    let moment = clock()
                    let read = try Self.read(file, in: opened, url: url(), watcher: watcher)
                    glance = try AssessmentFile.glance(in: read.data) ?? AssessmentGlance(Self.decode(read.data, from: url()))
                    record = index?.record(file.name, stamp: read.stamp, glance: glance, readAt: moment)
                }
                let value = try transform(Glanced(folder: folder, fileName: file.name, glance: glance))
                return (.success(Scanned(folder: folder, name: file.name, date: glance.date, value: value)), record)
            } catch let error as StoreError {
                return (.failure(error), nil)
            } catch {
                return (.failure(StoreError("\(inert: url().path): \(error)")), nil)
            }
        }
        if let index {
            // A file read twice (to choose it, then to list it) keeps the later record.
            for (file, record) in zip(chosen.files, records) where record != nil { chosen.records[file.name] = record }
            index.save(chosen.records)
        }
        return (outcomes, chosen.problems)
    }

    // MARK: - Choosing the files

    /// The files a scan reads, and what was learned while choosing them.
    private struct Chosen {
        var opened: LocalFolder
        var files: [LocalFolder.Entry]
        var problems: [String]
        /// The scan index, when there is a cache folder (and `indexed` was asked).
        var index: StoreIndex?
        /// What the next index keeps of each file looked at so far.
        var records: [String: StoreIndex.Record] = [:]
    }

    /// The assessment files of the store (`.json`, not hidden), or only those that may be the system's
    /// when `system` or `systemID` is given; nil when the store folder does not exist.
    private func choose(system: String?, systemID: String?, indexed: Bool) throws(StoreError) -> Chosen? {
        guard let opened = try openFolder() else { return nil }
        let files = try entries(of: opened).filter { $0.name.hasSuffix(".json") && !$0.name.hasPrefix(".") }
        var chosen = Chosen(opened: opened, files: files, problems: [], index: indexed ? StoreIndex(cache: cache, for: opened) : nil)
        if system != nil || systemID != nil { narrow(&chosen, system: system, systemID: systemID) }
        return chosen
    }

    /// What choosing learned of one file.
    private struct Peeked: Sendable {
        var file: LocalFolder.Entry
        var name: String?
        var id: String?
        var record: StoreIndex.Record?
    }

    /// Narrows `chosen` to the files that may belong to the system called `system` or with identity
    /// `systemID` (see ``SystemDirectory/candidates(name:id:among:)``), with a problem for each file
    /// that cannot be read. Another system's file is not decoded: its identity comes from the index,
    /// or from a peek at its top-level `system` and `systemID` (or its glance, to be kept in the index).
    private func narrow(_ chosen: inout Chosen, system: String?, systemID: String?) {
        let opened = chosen.opened, folder = self.folder, index = chosen.index, clock = indexClock
        let watcher = readWatcher
        let peeked = Parallel.map(chosen.files) { file -> Result<Peeked, StoreError> in
            if let index, let entry = index.trusted(file, in: opened), let identity = index.previous?.identity(of: entry) {
                return .success(Peeked(file: file, name: identity.name, id: identity.id, record: .kept(entry)))
            }
            let url = folder.appending(path: file.name)
            do throws(StoreError) {
                let moment = clock()
                let read = try Self.read(file, in: opened, url: url, watcher: watcher)
                // With an index, the glance is read (to be kept); else only the identity is peeked at. A file
                // whose identity is unsure is decoded; one that cannot be decoded is kept, so that its
                // problem is reported when it is read.
                var glance = index == nil ? nil : AssessmentFile.glance(in: read.data)
                var identity = glance.map { (name: $0.system, id: $0.systemID) } ?? AssessmentFile.peekIdentity(in: read.data)
                if glance == nil, index != nil || identity == nil, let assessment = try? Self.decode(read.data, from: url) {
                    glance = index == nil ? nil : AssessmentGlance(assessment)
                    identity = identity ?? (assessment.system, assessment.systemID)
                }
                let record = glance.flatMap { index?.record(file.name, stamp: read.stamp, glance: $0, readAt: moment) }
                return .success(Peeked(file: file, name: identity?.name, id: identity?.id, record: record))
            } catch {
                return .failure(error)
            }
        }
        // What was peeked is held once: the readable files are named by their place in `peeked`.
        var readable: [Int] = [], identities: [(String?, String?)] = []
        readable.reserveCapacity(peeked.count)
        identities.reserveCapacity(peeked.count)
        for (place, result) in peeked.enumerated() {
            switch result {
            case let .success(file):
                readable.append(place)
                identities.append((file.name, file.id))
                if let record = file.record { chosen.records[file.file.name] = record }
            case let .failure(error):
                chosen.problems.append(error.message)
            }
        }
        let candidates = SystemDirectory.candidates(name: system, id: systemID, among: identities)
        chosen.files = readable.indices.filter { candidates[$0] }.compactMap { place -> LocalFolder.Entry? in
            guard case let .success(file) = peeked[readable[place]] else { return nil }
            return file.file
        }
    }

    // MARK: - Reading and ordering

    /// The bytes of `file` in the open store folder (at `url`), within an assessment's size limit, and
    /// its stamp when read (nil for a file reached through a link).
    private static func read(_ file: LocalFolder.Entry, in folder: LocalFolder, url: @autoclosure () -> URL,
                             watcher: (@Sendable (String) -> Void)?) throws(StoreError) -> (data: Data, stamp: FileStamp?) {
        watcher?(file.name)
        switch folder.readStamped(file, limit: AssessmentFile.maximumFileSize) {
        case let .success(read): return read
        case let .failure(failure): throw StoreError("\(inert: url().path): \(failure)")
        }
    }

    /// The values made, newest first (by date, then by file name, each known already: the keys are
    /// sorted, not the values), and the problems, sorted. The values are ordered in place, so that a
    /// large store's results are held once, not copied for the sort.
    private static func newestFirst<Value>(_ outcomes: consuming [Result<Scanned<Value>, StoreError>], problems: [String])
        -> (results: [Scanned<Value>], problems: [String]) {
        var results: [Scanned<Value>] = []
        var problems = problems
        results.reserveCapacity(outcomes.count)
        for outcome in outcomes {
            switch outcome {
            case let .success(scanned): results.append(scanned)
            case let .failure(error): problems.append(error.message)
            }
        }
        outcomes = []
        let order = results.indices.sorted { first, second in
            results[first].date != results[second].date ? results[first].date > results[second].date
                : results[first].name > results[second].name
        }
        results.permute(by: order)
        return (results, problems.sorted())
    }
}

extension Array {
    /// Reorders the elements in place so that the element at `order[i]` comes to `i`, by following each
    /// cycle of the permutation with swaps (no second array of elements).
    mutating func permute(by order: [Int]) {
        var placed = [Bool](repeating: false, count: count)
        for start in indices where !placed[start] {
            var position = start
            while true {
                placed[position] = true
                let source = order[position]
                if source == start { break }
                swapAt(position, source)
                position = source
            }
        }
    }
}
