import MaturityFramework
import MaturityRules

/// What a line of `list` needs of an assessment, without its notes' text, actions, participants or
/// record: the framework answered, the system and its identity, the date, the status, and per area the
/// answers and which criteria have notes (so that an assessment can be checked against its framework).
/// A store reads it from a file without decoding the rest; it always equals the glance of the whole
/// assessment decoded from the same file.
public struct AssessmentGlance: Sendable, Equatable {
    /// One criterion's answer.
    public struct Answered: Sendable, Equatable {
        /// The criterion's id.
        public var criterion: String
        /// Its answer.
        public var answer: Answer

        /// Creates the pair.
        public init(_ criterion: String, _ answer: Answer) {
            self.criterion = criterion
            self.answer = answer
        }
    }

    /// One area's answers, and the criteria that have notes, each in the order of the criteria's ids
    /// (so that glances compare equal whatever order their files list them in, and are matched with a
    /// framework's criteria without hashing).
    public struct Area: Sendable, Equatable {
        /// The area's id in the framework.
        public var id: String
        /// The answers, by criterion id in ascending order, each criterion once.
        public private(set) var answers: [Answered]
        /// The criteria that have a note, in ascending order, each once.
        public private(set) var noteCriteria: [String]
        /// How far the area's views matched its agreed answers (none counted when it has no views).
        public var consensus = ConsensusCount()
        /// The criteria that have views or dissents, in ascending order, each once (so that views on
        /// criteria the framework lacks are checked as answers and notes are).
        public var viewCriteria: [String] = []

        /// An area's glance; `answers` (each criterion once) and `noteCriteria` are put in order if they are not.
        public init(id: String, answers: [Answered], noteCriteria: [String]) {
            self.id = id
            self.answers = zip(answers, answers.dropFirst()).allSatisfy { $0.criterion < $1.criterion }
                ? answers : answers.sorted { $0.criterion < $1.criterion }
            self.noteCriteria = zip(noteCriteria, noteCriteria.dropFirst()).allSatisfy { $0 < $1 } ? noteCriteria : noteCriteria.sorted()
        }

        /// An area's glance from answers by criterion and a set of noted criteria.
        public init(id: String, answers: [String: Answer], noteCriteria: Set<String>) {
            self.init(id: id, answers: answers.map { Answered($0.key, $0.value) }, noteCriteria: Array(noteCriteria))
        }

        /// The answer to `criterion` in this area, if any.
        public func answer(to criterion: String) -> Answer? {
            var low = 0, high = answers.count
            while low < high {
                let middle = (low + high) / 2
                if answers[middle].criterion < criterion { low = middle + 1 } else { high = middle }
            }
            return low < answers.count && answers[low].criterion == criterion ? answers[low].answer : nil
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
    /// The metric values recorded, in the file's order (few or none: `progress` shows their series).
    public var metrics: [MetricReading] = []
    /// The place within the system the assessment covers; nil for the whole system.
    public var place: String?

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
                  areas: assessment.areas.map { record in
                      var area = Area(id: record.id, answers: record.answers, noteCriteria: Set(record.notes.keys))
                      area.consensus = record.consensusCount
                      area.viewCriteria = record.views.filter { !$0.value.isEmpty }.keys.sorted()
                      return area
                  })
        metrics = assessment.metrics
        place = assessment.place
    }

    /// A criterion's answer as ``Assessment/answers`` merges them (a later area's answer wins).
    public func answer(to criterion: String) -> Answer? {
        for area in areas.reversed() {
            if let answer = area.answer(to: criterion) { return answer }
        }
        return nil
    }

    /// Each area of `framework`, in its order: the title of the stage it is placed at and whether that is
    /// provisional, as ``PlacementRules/place(_:in:answers:)`` has them for this assessment's answers.
    public func stages(in framework: FrameworkCriteria) -> [(title: String, isProvisional: Bool)] {
        levels(in: framework).map { (PlacementRules.stageTitle(atLevel: $0.level, in: framework.framework), $0.isProvisional) }
    }

    /// Each area of `framework`, in its order: the ``Placement/level`` it is placed at and whether that is
    /// provisional, as ``PlacementRules/place(_:in:answers:)`` has them for this assessment's answers.
    public func levels(in framework: FrameworkCriteria) -> [(level: Int, isProvisional: Bool)] {
        // Each framework criterion's answer, by its place in the framework; a later area's answer wins.
        var answers = [Answer?](repeating: nil, count: framework.count)
        for area in areas {
            framework.match(area.answers.lazy.map(\.criterion)) { answered, position in answers[position] = area.answers[answered].answer }
        }
        return framework.framework.areas.indices.map { index in
            let first = framework.firstPosition(ofArea: index)
            return PlacementRules.level(of: framework.framework.areas[index], in: framework.framework) { answers[first + $0] }
        }
    }
}

extension AssessmentGlance {
    /// The assessment as far as the glance tells it: framework, system, identity, rename, date, status
    /// answers and metric values, with no notes, actions, participants or record (all that a progression needs).
    public var assessment: Assessment {
        var assessment = Assessment(
            framework: framework, system: system, date: date, status: status,
            areas: areas.map { area in
                AreaRecord(id: area.id, answers: Dictionary(area.answers.map { ($0.criterion, $0.answer) }, uniquingKeysWith: { _, later in later }))
            })
        assessment.systemID = systemID
        assessment.systemRename = systemRename
        assessment.metrics = metrics
        assessment.place = place
        return assessment
    }
}

extension SystemDirectory.Member {
    /// The member for the assessment seen in `glance`, saved as `file`.
    public init(_ glance: AssessmentGlance, file: String) {
        self.init(name: glance.system, systemID: glance.systemID, date: glance.date, file: file, rename: glance.systemRename,
                  place: glance.place)
    }
}
