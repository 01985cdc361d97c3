import MaturityFramework
import MaturityRules

/// One board's assessment of its system against a framework on one day.
///
/// The answers are the truth; placements are always computed from them with ``PlacementRules``.
public struct Assessment: Sendable, Hashable {
    /// The longest note on a criterion, in characters, wherever it is typed or imported.
    public static let noteLimit = 20_000
    /// The longest reason for reopening a complete assessment, in characters.
    public static let reasonLimit = 200

    /// The framework answered, by id and version.
    public var framework: FrameworkReference
    /// The system assessed, as people write it, e.g. "West Yorkshire ICS".
    public var system: String
    /// The day of the workshop.
    public var date: CalendarDate
    /// Who took part.
    public var participants: [String]
    /// Draft while the workshop goes on; complete once the board agrees it.
    public var status: AssessmentStatus
    /// Per area: answers, notes and actions, in framework order.
    public var areas: [AreaRecord]
    /// Where the workshop was when last saved, so that a resumed draft opens there.
    public var position: WorkshopPosition?
    /// The earlier assessment this one was carried forward from, if any.
    public var lastTime: LastTime?
    /// Completions, reopenings and bulk confirmations, oldest first.
    public var events: [RecordEvent] = []
    /// The system's stable identity, the same in every assessment of it (see ``SystemDirectory``);
    /// nil when read from a file written before identities.
    public var systemID: String?
    /// The deliberate rename of the system this assessment records, if any.
    public var systemRename: SystemRename?
    /// Whether members' views are taken and kept without names (see ``makeAnonymous()``).
    public var anonymousViews = false
    /// When the system was established (ICSs became statutory on 1 July 2022), which the framework's
    /// stage ages are measured from; nil when not recorded. Carried forward with the yearly rerun.
    public var established: CalendarDate?
    /// The step-1 metric values the board recorded in this assessment, one per metric; not carried forward.
    public var metrics: [MetricReading] = []
    /// The place within the system this assessment covers, e.g. "Leeds"; nil for the whole system.
    /// (Issue 15: the file, the store and the commands are wired to it separately.)
    public var place: String?

    /// What the assessment covers, as headings name it: "West Yorkshire ICS", or "West Yorkshire ICS · Leeds" for a place.
    public var scopeTitle: String {
        place.map { "\(system) · \($0)" } ?? system
    }

    /// Creates an assessment.
    public init(
        framework: FrameworkReference, system: String, date: CalendarDate,
        participants: [String] = [], status: AssessmentStatus = .draft, areas: [AreaRecord] = []
    ) {
        self.framework = framework
        self.system = system
        self.date = date
        self.participants = participants
        self.status = status
        self.areas = areas
        systemID = Slug.identity(for: system)
    }

    /// A new, unanswered draft with an empty record for every area of `framework`.
    public init(starting framework: Framework, system: String, date: CalendarDate, participants: [String] = []) {
        self.init(
            framework: FrameworkReference(framework), system: system, date: date, participants: participants,
            areas: framework.areas.map { AreaRecord(id: $0.id) })
    }

    /// Every answer of every area, by criterion id.
    public var answers: [String: Answer] {
        areas.reduce(into: [:]) { all, area in all.merge(area.answers) { _, new in new } }
    }

    /// The record of one area, created if the assessment has none yet.
    public subscript(area areaID: String) -> AreaRecord {
        get { areas.first { $0.id == areaID } ?? AreaRecord(id: areaID) }
        set {
            if let index = areas.firstIndex(where: { $0.id == areaID }) {
                areas[index] = newValue
            } else {
                areas.append(newValue)
            }
        }
    }

    /// A new draft starting from `earlier`: its answers (marked as last time until confirmed), its
    /// notes kept for reference, its actions listed for review with their last status, and its targets
    /// (those whose stage `framework` still has).
    public init(carryingForward earlier: Assessment, file: String, framework: Framework, date: CalendarDate,
                participants: [String]) {
        self.init(starting: framework, system: earlier.system, date: date, participants: participants)
        systemID = earlier.systemID ?? Slug.identity(for: earlier.system)
        place = earlier.place
        established = earlier.established
        let known = Set(framework.allCriteria.map(\.id))
        for index in areas.indices {
            let previous = earlier[area: areas[index].id]
            let answers = previous.answers.filter { known.contains($0.key) }
            areas[index].answers = answers
            areas[index].asLastTime = Set(answers.keys)
            areas[index].reviewedActions = previous.actions
            areas[index].unreviewedActions = Set(previous.actions.map(\.id))
            areas[index].target = previous.target.flatMap { framework.stage(id: $0.stageID) == nil ? nil : $0 }
        }
        lastTime = LastTime(date: earlier.date, file: file, answers: earlier.answers,
                            notes: earlier.areas.reduce(into: [:]) { $0.merge($1.notes) { first, _ in first } })
    }

    /// An action id used by none of this assessment's actions nor last time's under review, in any
    /// area: `action-N` one above the highest number taken, so a deleted action's id is not handed to
    /// a later one while others follow it.
    public func nextActionID() -> String {
        let taken = Set(areas.flatMap { $0.actions.map(\.id) + $0.reviewedActions.map(\.id) })
        let highest = taken.compactMap { $0.hasPrefix("action-") ? Int($0.dropFirst("action-".count)) : nil }.max() ?? 0
        var number = highest + 1
        while taken.contains("action-\(number)") { number += 1 }
        return "action-\(number)"
    }

    /// The placement of every area of `framework`, computed from the answers.
    public func placements(in framework: Framework) -> [Placement] {
        PlacementRules.placeAll(in: framework, answers: answers)
    }
}

/// What an earlier assessment said, kept with one carried forward from it.
public struct LastTime: Sendable, Hashable, Codable {
    /// The earlier assessment's date.
    public var date: CalendarDate
    /// Its file name in the store.
    public var file: String
    /// Its answers by criterion id.
    public var answers: [String: Answer]
    /// Its notes by criterion id.
    public var notes: [String: String]

    /// Creates the record.
    public init(date: CalendarDate, file: String, answers: [String: Answer], notes: [String: String]) {
        self.date = date
        self.file = file
        self.answers = answers
        self.notes = notes
    }
}

/// A place in the workshop: a step, and the area and criterion it concerns.
public struct WorkshopPosition: Sendable, Hashable, Codable {
    /// `overview`, `question`, `result` or `summary`.
    public var step: String
    /// The area's id, for every step but the summary.
    public var area: String?
    /// The criterion's id, for a question.
    public var criterion: String?

    /// Creates a position.
    public init(step: String, area: String? = nil, criterion: String? = nil) {
        self.step = step
        self.area = area
        self.criterion = criterion
    }
}

/// The framework an assessment was answered against.
public struct FrameworkReference: Sendable, Hashable, Codable {
    /// Framework id.
    public var id: String
    /// Framework version at the time of answering.
    public var version: String
    /// Framework title at the time of answering, for readers without the framework.
    public var title: String
    /// The SHA-256 of the framework file answered (see ``FrameworkFile``); nil in files written before
    /// it was kept, and for a framework not read from a file.
    public var sha256: String?

    /// Creates a reference.
    public init(id: String, version: String, title: String, sha256: String? = nil) {
        self.id = id
        self.version = version
        self.title = title
        self.sha256 = sha256
    }

    /// The reference to `framework` as it is now, with its file's hash when it has one.
    public init(_ framework: Framework) {
        self.init(id: framework.id, version: framework.version, title: framework.title, sha256: framework.file?.sha256)
    }
}

/// Whether the board has finished the assessment.
public enum AssessmentStatus: String, Sendable, Codable, CaseIterable {
    /// Still being answered.
    case draft
    /// Agreed by the board.
    case complete
}

/// What the board recorded for one area.
public struct AreaRecord: Sendable, Hashable {
    /// The area's id in the framework.
    public var id: String
    /// Answers by criterion id; a criterion with no entry has not been answered.
    public var answers: [String: Answer]
    /// Notes and evidence by criterion id.
    public var notes: [String: String]
    /// Actions the board agreed for this area.
    public var actions: [Action]
    /// Criteria whose answer was carried forward from last time and not yet confirmed by the board.
    public var asLastTime: Set<String>
    /// Last time's actions for this area, with the status the board gave them on review.
    public var reviewedActions: [Action]

    /// Ids of last time's actions nobody has reviewed yet: their status is still last time's.
    public var unreviewedActions: Set<String>
    /// Members' views and dissents by criterion id; a criterion answered directly has none.
    public var views: [String: CriterionViews] = [:]
    /// The stage the board means the area to reach, and by when; nil when it set none.
    public var target: Target?

    /// Creates a record.
    public init(id: String, answers: [String: Answer] = [:], notes: [String: String] = [:], actions: [Action] = [],
                asLastTime: Set<String> = [], reviewedActions: [Action] = [], unreviewedActions: Set<String> = []) {
        self.id = id
        self.answers = answers
        self.notes = notes
        self.actions = actions
        self.asLastTime = asLastTime
        self.reviewedActions = reviewedActions
        self.unreviewedActions = unreviewedActions
    }
}

/// An action the board agreed: what, who, by when, and how it stands.
public struct Action: Sendable, Hashable {
    /// Stable id, so that next year's review can refer to it.
    public var id: String
    /// What is to be done.
    public var what: String
    /// Who owns it.
    public var owner: String
    /// When it is due, if a date was agreed.
    public var due: CalendarDate?
    /// How it stands.
    public var status: ActionStatus

    /// Creates an action.
    public init(id: String, what: String, owner: String, due: CalendarDate? = nil, status: ActionStatus = .notStarted) {
        self.id = id
        self.what = what
        self.owner = owner
        self.due = due
        self.status = status
    }
}

/// How an agreed action stands.
public enum ActionStatus: String, Sendable, Codable, CaseIterable {
    /// Agreed, not begun.
    case notStarted = "not-started"
    /// Begun.
    case inProgress = "in-progress"
    /// Finished.
    case done
    /// No longer pursued.
    case dropped

    /// How the status reads in sentences and tables: "not started", "in progress", "done", "dropped".
    public var phrase: String {
        rawValue.split(separator: "-").joined(separator: " ")
    }
}
