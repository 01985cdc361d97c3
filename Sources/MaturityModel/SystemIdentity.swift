/// A deliberate change of a system's display name, recorded in the assessment that made it.
public struct SystemRename: Sendable, Hashable, Codable {
    /// The display name before.
    public var from: String
    /// The display name from this assessment on.
    public var to: String
    /// When the board decided it: the date of the assessment that records it.
    public var date: CalendarDate

    /// Creates the record.
    public init(from: String, to: String, date: CalendarDate) {
        self.from = from
        self.to = to
        self.date = date
    }
}

/// One system as the store knows it: its stable identity, its display name and the names it had.
public struct KnownSystem: Sendable, Equatable {
    /// The stable identity kept in every assessment of the system, e.g. `ynys-mon-and-gwynedd-ics`.
    public var id: String
    /// The display name: the name of its first assessment, changed only by recorded renames (the latest
    /// one's new name). A name typed differently, or written by a version that let it drift, changes nothing.
    public var name: String
    /// Every name its assessments were saved under, in the order they were first used.
    public var names: [String]
    /// The deliberate renames its assessments record, oldest first.
    public var renames: [SystemRename]
    /// The date of its latest assessment.
    public var latestDate: CalendarDate
    /// How many assessments it has.
    public var assessmentCount: Int
}

/// Which system each assessment belongs to, and which system a typed name means.
///
/// An assessment that records its system's identity (`systemID`) belongs to that system. One from a
/// file written before identities belongs to the recorded system whose identity its name derives to
/// (``Slug/identity(for:)``), else to the recorded system that has used a name matching it
/// (``Slug/matchKey(for:)``), else to the other such files whose names match its own.
public struct SystemDirectory: Sendable {
    /// What the directory needs of one assessment.
    public struct Member: Sendable, Equatable {
        /// The name the assessment was saved under.
        public var name: String
        /// The identity it records, nil in files written before identities.
        public var systemID: String?
        /// Its date.
        public var date: CalendarDate
        /// Its file name or path, which orders assessments of the same day (`x.json` before `x-2.json`).
        public var file: String
        /// The rename it records, if any.
        public var rename: SystemRename?
        /// The place within the system it covers; nil for the whole system.
        public var place: String?

        /// Creates a member.
        public init(name: String, systemID: String?, date: CalendarDate, file: String, rename: SystemRename? = nil,
                    place: String? = nil) {
            self.name = name
            self.systemID = systemID
            self.date = date
            self.file = file
            self.rename = rename
            self.place = place
        }

        /// The member for `assessment`, saved as `file`.
        public init(_ assessment: Assessment, file: String) {
            self.init(name: assessment.system, systemID: assessment.systemID, date: assessment.date, file: file,
                      rename: assessment.systemRename, place: assessment.place)
        }
    }

    /// Every known system, the most recently assessed first.
    public private(set) var systems: [KnownSystem] = []
    private var recordedIDs: Set<String> = []
    /// Every name used by a recorded system (its files' names and its renames), to its identity.
    private var recordedIDByName: [String: String] = [:]
    /// Names of files older than identities that joined no recorded system, to their group's identity.
    private var olderIDByName: [String: String] = [:]
    /// Each system's places (by identity), each in the spelling first written, in the order first used.
    var placesByID: [String: [String]] = [:]

    /// The systems of `members`.
    public init(_ members: [Member]) {
        // Each member's place in time, computed once.
        let order = members.map(Self.order)
        let recorded = Dictionary(grouping: members.indices.filter { members[$0].systemID != nil }) { members[$0].systemID ?? "" }
        recordedIDs = Set(recorded.keys)
        // The most recently assessed system wins a name that two systems have used.
        typealias Recorded = (id: String, indices: [Int], latest: (CalendarDate, Int, String))
        var byLatest: [Recorded] = []
        for (id, indices) in recorded {
            let latest = indices.map { order[$0] }.max { $0 < $1 } ?? order[indices[0]]
            byLatest.append((id, indices, latest))
        }
        byLatest.sort { $0.latest != $1.latest ? $0.latest < $1.latest : $0.id < $1.id }
        for system in byLatest {
            var seen: Set<String> = []
            for index in system.indices {
                let member = members[index]
                for name in [member.name] + [member.rename?.from, member.rename?.to].compactMap({ $0 }) where seen.insert(name).inserted {
                    recordedIDByName[Self.nameKey(name)] = system.id
                }
            }
        }
        let older = members.indices.filter { members[$0].systemID == nil && resolvedOlder(members[$0]) == nil }
        for (key, indices) in Dictionary(grouping: older, by: { Self.nameKey(members[$0].name) }) {
            if let first = indices.min(by: { order[$0] < order[$1] }) {
                olderIDByName[key] = Slug.identity(for: members[first].name)
            }
        }
        let bySystem = Dictionary(grouping: members.indices) { identity(of: members[$0]) }
        let known = bySystem.map { id, indices -> (system: KnownSystem, latest: (CalendarDate, Int, String)) in
            let ordered = indices.sorted { order[$0] < order[$1] }.map { members[$0] }
            var names: [String] = []
            var seen: Set<String> = []
            for member in ordered where seen.insert(member.name).inserted { names.append(member.name) }
            var places: [String] = []
            var seenPlaces: Set<String> = []
            for place in ordered.compactMap(\.place) where seenPlaces.insert(Self.nameKey(place)).inserted { places.append(place) }
            placesByID[id] = places
            let system = KnownSystem(
                id: id, name: ordered.last(where: { $0.rename != nil })?.rename?.to ?? ordered[0].name, names: names,
                renames: ordered.compactMap(\.rename), latestDate: ordered[ordered.count - 1].date,
                assessmentCount: ordered.count)
            return (system, Self.order(ordered[ordered.count - 1]))
        }
        // Most recently assessed first; the identity breaks ties, so the order never depends on the input's.
        systems = known.sorted { $0.latest != $1.latest ? $0.latest > $1.latest : $0.system.id < $1.system.id }.map(\.system)
    }

    /// The identity of the system `member` belongs to.
    public func identity(of member: Member) -> String {
        if let id = member.systemID { return id }
        if let id = resolvedOlder(member) { return id }
        return olderIDByName[Self.nameKey(member.name)] ?? Slug.identity(for: member.name)
    }

    /// The identity of the system `assessment` (saved as `file`) belongs to.
    public func identity(of assessment: Assessment, file: String = "") -> String {
        identity(of: Member(assessment, file: file))
    }

    /// The system with this identity, if known.
    public func system(id: String) -> KnownSystem? {
        systems.first { $0.id == id }
    }

    /// The known system `name` means: one whose display name matches it (ignoring case, accents,
    /// punctuation and "&"/"and"), else one that was once called so; the most recently assessed first.
    public func match(_ name: String) -> KnownSystem? {
        let key = Self.nameKey(name)
        if let current = systems.first(where: { Self.nameKey($0.name) == key }) { return current }
        return systems.first { system in
            (system.names + system.renames.flatMap { [$0.from, $0.to] }).contains { Self.nameKey($0) == key }
        }
    }

    /// An identity for a new system called `name` that no known system has: `Slug.identity`, with
    /// `-2`, `-3`... when taken.
    public func newIdentity(for name: String) -> String {
        let base = Slug.identity(for: name)
        var candidate = base
        var number = 2
        while system(id: candidate) != nil {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

    /// What a name typed for a new assessment refers to.
    public func choice(for typed: String) -> SystemChoice {
        if let known = match(typed) { return .known(known) }
        return .new(id: newIdentity(for: typed), name: typed)
    }

    /// A deliberate rename of `system` to `newName`; just `system` when that is already its name.
    /// Throws the other known system whose name `newName` matches: two systems must not share a name.
    public func renaming(_ system: KnownSystem, to newName: String) throws(SystemNameTaken) -> SystemChoice {
        if newName == system.name { return .known(system) }
        if let other = match(newName), other.id != system.id { throw SystemNameTaken(other: other) }
        return .renamed(system, to: newName)
    }

    /// Which of `files` (each a name and a recorded identity; a file whose name is nil could not be read,
    /// and is chosen so that its problem is reported) may belong to the system called `name` or with
    /// identity `id`: a superset of its members, found without reading whole files. The directory of
    /// the files chosen then tells the systems apart.
    public static func candidates(name: String?, id: String?, among files: [(name: String?, id: String?)]) -> [Bool] {
        // Each distinct name's key and identity, computed once; then the files linked to the wanted ones
        // by a shared key or identity, breadth first.
        var known: [String: (String, String)] = [:]
        let links = files.map { file in
            file.name.map { name in
                if let link = known[name] { return link }
                let link = (nameKey(name), Slug.identity(for: name))
                known[name] = link
                return link
            }
        }
        var byKey: [String: [Int]] = [:]
        var byID: [String: [Int]] = [:]
        var chosen = files.map { $0.name == nil }
        var queue: [Int] = []
        let wantedKey = name.map(nameKey)
        for (index, link) in links.enumerated() {
            guard let (key, derived) = link else { continue }
            let fileID = files[index].id ?? derived
            byKey[key, default: []].append(index)
            byID[fileID, default: []].append(index)
            if key == wantedKey || fileID == id {
                chosen[index] = true
                queue.append(index)
            }
        }
        while let index = queue.popLast() {
            guard let (key, derived) = links[index] else { continue }
            for other in (byKey[key] ?? []) + (byID[files[index].id ?? derived] ?? []) where !chosen[other] {
                chosen[other] = true
                queue.append(other)
            }
        }
        return chosen
    }

    /// The recorded system a member older than identities joins, if any.
    private func resolvedOlder(_ member: Member) -> String? {
        let derived = Slug.identity(for: member.name)
        if recordedIDs.contains(derived) { return derived }
        return recordedIDByName[Self.nameKey(member.name)]
    }

    /// The form in which names are compared: ``Slug/matchKey(for:)``.
    static func nameKey(_ name: String) -> String {
        Slug.matchKey(for: name)
    }

    /// Date, then the order the files of one day were created in (`x.json` before `x-2.json`).
    static func order(_ member: Member) -> (CalendarDate, Int, String) {
        let file = member.file.split(separator: "/").last.map(String.init) ?? member.file
        let stem = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        let suffix = stem.split(separator: "-").last.flatMap { Int($0) }.map { $0 < 1000 ? $0 : 1 } ?? 1
        return (member.date, suffix, file)
    }

}

/// What a name typed for a new assessment refers to.
public enum SystemChoice: Sendable, Equatable {
    /// A known system: the assessment takes its identity and its display name.
    case known(KnownSystem)
    /// A system the store has not seen: the identity it gets, and its name as typed.
    case new(id: String, name: String)
    /// A known system renamed deliberately: from this assessment on it is called by the new name.
    case renamed(KnownSystem, to: String)

    /// The known system chosen, nil for a new one.
    public var known: KnownSystem? {
        switch self {
        case let .known(system), let .renamed(system, _): system
        case .new: nil
        }
    }
}

/// A rename refused because another known system already has (or had) that name.
public struct SystemNameTaken: Error, Sendable, Equatable {
    /// The other system.
    public var other: KnownSystem
}

extension Assessment {
    /// Makes this one of `system`'s assessments, under its established display name.
    public mutating func attach(to system: KnownSystem) {
        systemID = system.id
        self.system = system.name
        systemRename = nil
    }

    /// Makes this one of the chosen system's assessments: a known one under its display name, or a new one.
    public mutating func attach(to choice: SystemChoice) {
        switch choice {
        case let .known(known):
            attach(to: known)
        case let .new(id, name):
            systemID = id
            system = name
            systemRename = nil
        case let .renamed(known, newName):
            rename(known, to: newName)
        }
    }

    /// Renames `system` deliberately: from this assessment on its display name is `newName`, and the
    /// assessment records the rename (from, to, and its own date).
    public mutating func rename(_ system: KnownSystem, to newName: String) {
        systemID = system.id
        systemRename = SystemRename(from: system.name, to: newName, date: date)
        self.system = newName
    }
}
