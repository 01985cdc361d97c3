import FoundationEssentials
import MaturityFramework
import MaturityRules
import MaturityModel

/// What the workshop keeps of the store once it has been read: a few facts about each assessment, never
/// the assessments themselves (so that a store of any size takes little memory), the drafts the start
/// screen offers, and in full only the assessments a new workshop may carry forward: the latest complete
/// one of each system and framework.
public struct StoreIndex: Sendable, Equatable {
    /// One assessment of the store, summarised.
    public struct Entry: Sendable, Equatable {
        /// The file's path.
        public var path: String
        /// The id of the framework it was answered against.
        public var frameworkID: String
        /// The version (and the hash of the text, when known) of the framework its answers were packed with.
        public var frameworkVersion: String, frameworkHash: String?
        /// Draft or complete.
        public var status: AssessmentStatus
        /// What the systems directory needs of it: name, identity, date, file and rename.
        public var member: SystemDirectory.Member
        /// Questions answered this time (answers carried from last time and not yet confirmed are not counted).
        public var answered: Int
        /// Answers carried from last time and not yet confirmed.
        public var unconfirmed: Int
        /// Equal for equal assessments (within one process), so that a draft changed since can be told.
        public var fingerprint: Int
        /// Its answers, for the system's history.
        var answers: PackedAnswers

        /// The summary of `assessment`, answered against `framework`, read from `path`.
        public init(path: String, assessment: Assessment, framework: Framework) {
            self.path = path
            frameworkID = framework.id
            frameworkVersion = framework.version
            frameworkHash = framework.file?.sha256
            status = assessment.status
            member = SystemDirectory.Member(assessment, file: path)
            let all = assessment.answers
            unconfirmed = assessment.unconfirmedCriteria(in: framework).count
            answered = framework.allCriteria.filter { all[$0.id] != nil }.count - unconfirmed
            fingerprint = Self.fingerprint(of: assessment)
            answers = PackedAnswers(assessment, framework: framework)
        }

        /// The file.
        public var file: URL { URL(fileURLWithPath: path) }
        /// The file's name, without its folder.
        public var name: String { path.split(separator: "/").last.map(String.init) ?? path }
        /// The assessment's date.
        public var date: CalendarDate { member.date }
        /// The system's name as the assessment writes it.
        public var system: String { member.name }

        /// The fingerprint ``fingerprint`` is compared with.
        public static func fingerprint(of assessment: Assessment) -> Int {
            assessment.hashValue
        }

        /// The assessment as far as the history needs it: its system, date, areas and answers.
        func historyAssessment(in framework: Framework) -> Assessment {
            answers.assessment(system: member.name, date: member.date, framework: framework)
        }
    }

    /// Every readable assessment, newest first.
    public private(set) var entries: [Entry]
    /// The drafts the start screen offers to resume, newest first.
    public private(set) var drafts: [Entry]
    /// The systems of the entries: the known systems the start screen offers, and which one a name means.
    public private(set) var systems: SystemDirectory
    /// The frameworks the entries were answered against.
    public private(set) var frameworks: [Framework]
    /// Full assessments that a new workshop may carry forward, by path (see ``carryCandidates``).
    public private(set) var carryable: [String: Assessment] = [:]

    /// The index of `entries` (newest first), answered against `frameworks`, offering every draft among
    /// them, or only the drafts of the system `system` means when it is given (and of `place` within it:
    /// nil offers the system level's drafts only).
    public init(entries: [Entry], frameworks: [Framework], offeringDraftsOf system: String?, place: String? = nil) {
        self.entries = entries
        self.frameworks = frameworks
        let directory = SystemDirectory(entries.map(\.member))
        let systemID = system.flatMap { directory.match($0)?.id }
        systems = directory
        drafts = entries.filter { entry in
            entry.status == .draft && (system == nil || systemID.map { directory.belongs(entry.member, to: $0, place: place) } == true)
        }
    }

    /// The index of the assessments `archive`, offering `drafts`: the whole of each is at hand, so every
    /// one that may be carried forward is kept.
    public init(archive: [WorkshopState.Draft], drafts: [WorkshopState.Draft] = []) {
        var frameworks: [Framework] = []
        for framework in (archive + drafts).map(\.framework) where !frameworks.contains(where: { $0.isSameText(as: framework) }) {
            frameworks.append(framework)
        }
        self.init(entries: archive.map { Entry(path: $0.path, assessment: $0.assessment, framework: $0.framework) },
                  frameworks: frameworks, offeringDraftsOf: nil)
        self.drafts = drafts.map { Entry(path: $0.path, assessment: $0.assessment, framework: $0.framework) }
        let byPath = Dictionary(archive.map { ($0.path, $0.assessment) }) { first, _ in first }
        for candidate in carryCandidates { carryable[candidate.path] = byPath[candidate.path] }
    }

    /// The framework with this id, if the index has it.
    public func framework(id: String) -> Framework? {
        frameworks.first { $0.id == id }
    }

    /// The latest complete assessment of each system, place and framework: the ones a new workshop may carry
    /// forward, which the shell reads in full and hands over with ``carry(_:from:)``.
    public var carryCandidates: [Entry] {
        var latest: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where entry.status == .complete {
            let key = systems.seriesKey(of: entry.member) + "\n" + entry.frameworkID
            if let other = latest[key], Self.order(entries[other]) >= Self.order(entry) { continue }
            latest[key] = index
        }
        return latest.values.sorted().map { entries[$0] }
    }

    /// Keeps `assessment`, read in full from `path`, to be carried forward; ignored unless it is still the
    /// complete assessment the index lists there.
    public mutating func carry(_ assessment: Assessment, from path: String) {
        guard assessment.status == .complete,
              let entry = entries.first(where: { $0.path == path }),
              entry.frameworkID == assessment.framework.id, entry.member == SystemDirectory.Member(assessment, file: path)
        else { return }
        carryable[path] = assessment
    }

    /// The index in ``entries`` of the latest complete assessment of the system with identity `systemID`
    /// at `place` (nil: the system level) answered against `frameworkID`, if it can be carried forward.
    public func latestComplete(ofSystem systemID: String, place: String?, frameworkID: String) -> Int? {
        entries.indices.filter {
            entries[$0].status == .complete && entries[$0].frameworkID == frameworkID
                && systems.belongs(entries[$0].member, to: systemID, place: place)
        }.max { Self.order(entries[$0]) < Self.order(entries[$1]) }
            .flatMap { carryable[entries[$0].path] == nil ? nil : $0 }
    }

    /// The earlier assessments of the system with identity `systemID` at `place` (nil: the system level)
    /// answered against `framework` (any version of it), but for the one at `path`, as far as the history
    /// needs them, each with the version its answers were packed with.
    func history(ofSystem systemID: String, place: String?, framework: Framework, excluding path: String?) -> [Progression.Entry] {
        entries.filter {
            $0.path != path && $0.frameworkID == framework.id && systems.belongs($0.member, to: systemID, place: place)
        }
            .map { Progression.Entry(assessment: $0.historyAssessment(in: packing($0) ?? framework), file: $0.path) }
    }

    /// The framework version `entry`'s answers were packed with, when the index has it.
    func packing(_ entry: Entry) -> Framework? {
        frameworks.first { $0.id == entry.frameworkID && $0.version == entry.frameworkVersion && $0.file?.sha256 == entry.frameworkHash }
    }

    /// The framework version of the entry at `path`, when the index has it (see ``packing(_:)``).
    func packing(path: String) -> Framework? {
        entries.first { $0.path == path }.flatMap(packing)
    }

    /// Date, then path: which of two assessments is the later.
    private static func order(_ entry: Entry) -> (CalendarDate, String) {
        (entry.date, entry.path)
    }

    /// Equal entries, drafts and carried assessments (the systems follow from the entries).
    public static func == (left: StoreIndex, right: StoreIndex) -> Bool {
        left.entries == right.entries && left.drafts == right.drafts && left.carryable == right.carryable
            && left.frameworks.map(\.id) == right.frameworks.map(\.id)
    }
}

/// An assessment's answers in a few bytes: one per area of its framework (1: the assessment has a record
/// of the area), then one per criterion in framework order (0: unanswered, else the answer's place in
/// ``Answer/allCases`` plus one).
struct PackedAnswers: Sendable, Equatable {
    private var bytes: [UInt8]

    init(_ assessment: Assessment, framework: Framework) {
        let recorded = Set(assessment.areas.map(\.id))
        let answers = assessment.answers
        bytes = framework.areas.map { recorded.contains($0.id) ? 1 : 0 }
        for criterion in framework.allCriteria {
            bytes.append(answers[criterion.id].flatMap { Answer.allCases.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0)
        }
    }

    /// An assessment of `system` on `date` with these answers, and nothing else.
    func assessment(system: String, date: CalendarDate, framework: Framework) -> Assessment {
        var areas: [AreaRecord] = []
        var at = framework.areas.count
        for (index, area) in framework.areas.enumerated() {
            var record = AreaRecord(id: area.id)
            for criterion in area.criteria {
                let code = Int(bytes[safe: at] ?? 0)
                at += 1
                if code > 0, let answer = Answer.allCases[safe: code - 1] { record.answers[criterion.id] = answer }
            }
            if bytes[safe: index] == 1 { areas.append(record) }
        }
        return Assessment(framework: FrameworkReference(framework), system: system, date: date, areas: areas)
    }
}
