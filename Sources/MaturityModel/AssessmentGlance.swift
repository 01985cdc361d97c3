import MaturityFramework
import MaturityRules

/// What a line of `list` needs of an assessment, without its notes' text, actions, participants or
/// record: the framework answered, the system and its identity, the date, the status, and per area the
/// answers and which criteria have notes (so that an assessment can be checked against its framework).
/// A store reads it from a file without decoding the rest; it always equals the glance of the whole
/// assessment decoded from the same file.
public struct AssessmentGlance: Sendable, Equatable {
    /// One area's answers, and the criteria that have notes.
    public struct Area: Sendable, Equatable {
        /// The area's id in the framework.
        public var id: String
        /// Answers by criterion id.
        public var answers: [String: Answer]
        /// The criteria that have a note.
        public var noteCriteria: Set<String>

        /// Creates an area's glance.
        public init(id: String, answers: [String: Answer], noteCriteria: Set<String>) {
            self.id = id
            self.answers = answers
            self.noteCriteria = noteCriteria
        }
    }

    /// The framework answered, by id and version.
    public var framework: FrameworkReference
    /// The system assessed, as the file writes it.
    public var system: String
    /// The system's identity, nil in files written before identities.
    public var systemID: String?
    /// The rename the assessment records, if any.
    public var systemRename: SystemRename?
    /// The day of the workshop.
    public var date: CalendarDate
    /// Draft or complete.
    public var status: AssessmentStatus
    /// Per area, in the file's order.
    public var areas: [Area]

    /// Creates a glance.
    public init(framework: FrameworkReference, system: String, systemID: String?, systemRename: SystemRename?,
                date: CalendarDate, status: AssessmentStatus, areas: [Area]) {
        self.framework = framework
        self.system = system
        self.systemID = systemID
        self.systemRename = systemRename
        self.date = date
        self.status = status
        self.areas = areas
    }

    /// The glance of a whole assessment.
    public init(_ assessment: Assessment) {
        self.init(framework: assessment.framework, system: assessment.system, systemID: assessment.systemID,
                  systemRename: assessment.systemRename, date: assessment.date, status: assessment.status,
                  areas: assessment.areas.map { Area(id: $0.id, answers: $0.answers, noteCriteria: Set($0.notes.keys)) })
    }

    /// Every answer of every area, by criterion id, as ``Assessment/answers`` merges them.
    public var answers: [String: Answer] {
        areas.reduce(into: [:]) { all, area in all.merge(area.answers) { _, new in new } }
    }

    /// A criterion's answer as ``answers`` has it (a later area's answer wins), found without merging them.
    public func answer(to criterion: String) -> Answer? {
        for area in areas.reversed() {
            if let answer = area.answers[criterion] { return answer }
        }
        return nil
    }

    /// The placement of every area of `framework`, computed from the answers.
    public func placements(in framework: Framework) -> [Placement] {
        PlacementRules.placeAll(in: framework, answers: answers)
    }

    /// Each area of `framework`, in its order: the title of the stage it is placed at and whether that is
    /// provisional, as ``placements(in:)`` has them (see ``PlacementRules/level(of:in:answer:)``).
    public func stages(in framework: Framework) -> [(title: String, isProvisional: Bool)] {
        framework.areas.map { area in
            let (level, isProvisional) = PlacementRules.level(of: area, in: framework) { answer(to: $0) }
            return (PlacementRules.stageTitle(atLevel: level, in: framework), isProvisional)
        }
    }
}

extension SystemDirectory.Member {
    /// The member for the assessment seen in `glance`, saved as `file`.
    public init(_ glance: AssessmentGlance, file: String) {
        self.init(name: glance.system, systemID: glance.systemID, date: glance.date, file: file, rename: glance.systemRename)
    }
}
