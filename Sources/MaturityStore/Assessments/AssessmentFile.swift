import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityRules

/// The JSON form of an assessment: reading (any supported schema version) and writing (the current one).
public enum AssessmentFile {
    /// The newest schema version this build reads and writes: 2 adds members' views and the system's
    /// established date. A file is written
    /// at the lowest version that holds it (see ``schemaVersion(for:)``), so that a file without views
    /// stays what earlier versions wrote, and a file with views is refused by them rather than read and
    /// saved again without its views.
    public static let schemaVersion = 2

    /// The version `assessment`'s file is written at: 2 when it has views, targets or metrics, is
    /// anonymous, records when the system was established, covers a place or names its framework's hash, else 1.
    public static func schemaVersion(for assessment: Assessment) -> Int {
        let hasViews = assessment.anonymousViews || assessment.areas.contains { !$0.views.isEmpty }
        let hasTargets = assessment.areas.contains { $0.target != nil }
        return hasViews || hasTargets || assessment.established != nil || !assessment.metrics.isEmpty
            || assessment.place != nil || assessment.framework.sha256 != nil ? 2 : 1
    }
    /// Marks a JSON file as an assessment, so foreign JSON is told apart.
    public static let kind = "maturity-assessment"
    /// Assessment files stay far below this; larger files are refused before parsing.
    public static let maximumFileSize = 16 << 20

    /// The file's bytes: pretty-printed, keys sorted, with each area's computed placement (as `JSONEncoder`
    /// wrote them with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, byte for byte: see
    /// ``Document/json()``).
    public static func encode(_ assessment: Assessment, framework: Framework) throws -> Data {
        document(assessment, framework: framework).json()
    }

    /// The file's content as the wire types.
    static func document(_ assessment: Assessment, framework: Framework) -> Document {
        let placements = Dictionary(
            assessment.placements(in: framework).map { ($0.areaID, $0) }, uniquingKeysWith: { first, _ in first })
        var document = Document(
            schemaVersion: schemaVersion(for: assessment), kind: kind, framework: assessment.framework,
            system: assessment.system, date: assessment.date, participants: assessment.participants,
            status: assessment.status.rawValue, position: assessment.position,
            lastTime: assessment.lastTime.map {
                Document.LastTime(date: $0.date, file: $0.file, answers: $0.answers.mapValues(\.rawValue), notes: $0.notes)
            },
            areas: assessment.areas.map { area in
                Document.Area(
                    id: area.id,
                    title: framework.area(id: area.id)?.title,
                    answers: area.answers.mapValues(\.rawValue),
                    notes: area.notes,
                    actions: area.actions.map(Document.Action.init),
                    asLastTime: area.asLastTime.isEmpty ? nil : area.asLastTime.sorted(),
                    reviewedActions: area.reviewedActions.isEmpty ? nil : area.reviewedActions.map(Document.Action.init),
                    unreviewedActions: area.unreviewedActions.isEmpty ? nil : area.unreviewedActions.sorted(),
                    placement: placements[area.id].map { Document.StoredPlacement(PlacementSummary($0)) },
                    views: wireViews(area.views),
                    target: area.target.map { Document.TargetWire(by: $0.year, stage: $0.stageID) })
            },
            events: assessment.events.isEmpty ? nil : assessment.events)
        document.systemID = assessment.systemID
        document.established = assessment.established
        document.metrics = assessment.metrics.isEmpty ? nil : assessment.metrics.map {
            Document.MetricWire(metric: $0.metricID, note: $0.note, period: $0.period, source: $0.source, unit: $0.unit,
                                value: $0.value.description)
        }
        document.systemRename = assessment.systemRename
        document.place = assessment.place
        document.anonymousViews = assessment.anonymousViews ? true : nil
        return document
    }

    /// Reads an assessment; throws ``AssessmentFileError`` with a one-line reason for anything else.
    public static func decode(_ data: Data) throws(AssessmentFileError) -> Assessment {
        if data.isEmpty { throw .init("is empty") }
        if data.count > maximumFileSize { throw .init("is \(data.count) bytes; an assessment file may be at most \(maximumFileSize)") }
        if LocalFiles.isBinary(data) { throw .init("is binary, not JSON text") }
        guard String(validating: data, as: UTF8.self) != nil else { throw .init("is not UTF-8 text") }
        let decoder = JSONDecoder()
        // One parse when the file is good; the header is read on its own only to explain a failure.
        do {
            let document = try decoder.decode(Document.self, from: data)
            try check(Header(schemaVersion: document.schemaVersion, kind: document.kind))
            return try assessment(from: document)
        } catch let error as AssessmentFileError {
            throw error
        } catch {
            let header: Header
            do {
                header = try decoder.decode(Header.self, from: data)
            } catch let headerError {
                throw .init(describe(headerError, foreignIfShapeIsWrong: true))
            }
            try check(header)
            throw .init(describe(error, foreignIfShapeIsWrong: false))
        }
    }

    /// The metric values of a file, each value read as an exact decimal and checked (see ``MetricFile``).
    static func metricReadings(_ wires: [Document.MetricWire]) throws(AssessmentFileError) -> [MetricReading] {
        var readings: [MetricReading] = []
        for (index, wire) in wires.enumerated() {
            let value: ExactDecimal
            do {
                value = try ExactDecimal.parse(wire.value)
            } catch {
                throw .init("metrics[\(index)].value: \(error.message)")
            }
            readings.append(MetricReading(metricID: wire.metric, value: value, unit: wire.unit, period: wire.period,
                                          source: wire.source, note: wire.note))
        }
        if let problem = MetricFile.problem(readings) { throw .init(problem) }
        return readings
    }

    /// Refuses a file that is not an assessment, or one of a schema this version cannot read.
    private static func check(_ header: Header) throws(AssessmentFileError) {
        guard header.kind == kind else {
            throw .init("is not a maturity assessment (no \"kind\": \"\(kind)\")")
        }
        guard let version = header.schemaVersion else { throw .init("has no schemaVersion") }
        guard version >= 1 else { throw .init("has schema version \(version), which no version of maturity wrote") }
        guard version <= schemaVersion else {
            throw .init("was written by a newer maturity (schema version \(version); this one reads up to \(schemaVersion))")
        }
    }

    private static func assessment(from document: Document) throws(AssessmentFileError) -> Assessment {
        guard let status = AssessmentStatus(rawValue: document.status) else {
            throw .init("status: '\(document.status)' is not draft or complete")
        }
        if document.system.trimmingSpaces().isEmpty { throw .init("system: must not be empty") }
        let anonymous = document.anonymousViews ?? false
        var areas: [AreaRecord] = []
        var seen: Set<String> = []
        for area in document.areas {
            guard seen.insert(area.id).inserted else { throw .init("areas: area '\(area.id)' appears twice") }
            var answers: [String: Answer] = [:]
            for (criterion, text) in area.answers {
                guard let answer = Answer(rawValue: text) else {
                    throw .init("areas.\(area.id).answers.\(criterion): '\(text)' is not \(Answer.fileWordList)")
                }
                answers[criterion] = answer
            }
            let actions = try (area.actions ?? []).map { action throws(AssessmentFileError) in
                try action.model(at: "areas.\(area.id).actions")
            }
            let reviewed = try (area.reviewedActions ?? []).map { action throws(AssessmentFileError) in
                try action.model(at: "areas.\(area.id).reviewedActions")
            }
            var record = AreaRecord(id: area.id, answers: answers, notes: area.notes ?? [:], actions: actions,
                                    asLastTime: Set(area.asLastTime ?? []), reviewedActions: reviewed,
                                    unreviewedActions: Set(area.unreviewedActions ?? []))
            record.views = try modelViews(area.views, areaID: area.id, anonymous: anonymous)
            if let target = area.target {
                guard !target.stage.trimmingSpaces().isEmpty else { throw .init("areas.\(area.id).target.stage: must not be empty") }
                guard (1000...9999).contains(target.by) else {
                    throw .init("areas.\(area.id).target.by: \(target.by) is not a year written with four digits")
                }
                record.target = Target(stageID: target.stage, year: target.by)
            }
            areas.append(record)
        }
        if let sha256 = document.framework.sha256, !ContentHash.isWellFormed(sha256) {
            throw .init("framework.sha256: '\(inert: sha256)' is not a SHA-256 written as 64 lowercase hex digits")
        }
        var assessment = Assessment(
            framework: document.framework, system: document.system, date: document.date,
            participants: document.participants ?? [], status: status, areas: areas)
        assessment.position = document.position
        assessment.anonymousViews = anonymous
        assessment.events = document.events ?? []
        assessment.systemID = try systemID(in: document)
        assessment.systemRename = try systemRename(in: document)
        assessment.place = try place(in: document)
        assessment.established = document.established
        assessment.metrics = try metricReadings(document.metrics ?? [])
        if let established = document.established, established > document.date {
            throw .init("established: \(established) is after the assessment's date \(document.date)")
        }
        if let last = document.lastTime {
            var answers: [String: Answer] = [:]
            for (criterion, text) in last.answers {
                guard let answer = Answer(rawValue: text) else {
                    throw .init("lastTime.answers.\(criterion): '\(text)' is not \(Answer.fileWordList)")
                }
                answers[criterion] = answer
            }
            assessment.lastTime = LastTime(date: last.date, file: last.file, answers: answers, notes: last.notes ?? [:])
        }
        return assessment
    }

    /// The recorded identity: nil in files written before identities; else words of lowercase letters
    /// and digits joined by hyphens, as ``Slug/identity(for:)`` makes them.
    private static func systemID(in document: Document) throws(AssessmentFileError) -> String? {
        guard let id = document.systemID else { return nil }
        if id.trimmingSpaces().isEmpty { throw .init("systemID: must not be empty") }
        guard Slug.identity(for: id) == id else {
            throw .init("systemID: not an identity (lowercase letters and digits in words joined by single hyphens)")
        }
        return id
    }

    /// The place the assessment covers, checked as a typed name (``isPlaceName(_:)``); nil for the
    /// whole system.
    private static func place(in document: Document) throws(AssessmentFileError) -> String? {
        guard let place = document.place else { return nil }
        switch TypedName.checked(place) {
        case let .failure(problem): throw .init("place: \(problem.sentence)")
        case let .success(trimmed) where trimmed != place: throw .init("place: must not begin or end with white space")
        case .success: return place
        }
    }

    /// Whether `text` is a place name as a file may hold it: a name ``TypedName`` accepts as it is
    /// (trimmed, one line, no control characters or bidirectional overrides, at most its length).
    public static func isPlaceName(_ text: String) -> Bool {
        TypedName.checked(text) == .success(text)
    }

    /// The recorded rename, whose names must not be empty.
    private static func systemRename(in document: Document) throws(AssessmentFileError) -> SystemRename? {
        guard let rename = document.systemRename else { return nil }
        for (field, name) in [("from", rename.from), ("to", rename.to)] where name.trimmingSpaces().isEmpty {
            throw .init("systemRename.\(field): must not be empty")
        }
        return rename
    }

    /// One line for a decoding error, naming the field where there is one.
    private static func describe(_ error: any Error, foreignIfShapeIsWrong: Bool) -> String {
        guard let error = error as? DecodingError else { return "cannot be read: \(ErrorReason.text(for: error))" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimming(where: { $0 == "." })
        }
        switch error {
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            return "is not valid JSON"
        case let .dataCorrupted(context):
            return "\(path(context)): \(context.debugDescription)"
        case let .keyNotFound(key, context):
            let field = (path(context).isEmpty ? "" : path(context) + ".") + key.stringValue
            return "\(field): missing"
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            if foreignIfShapeIsWrong { return "is not a maturity assessment (its top level is not an assessment object)" }
            return "\(path(context)): expected \(typeName(type))"
        @unknown default:
            return "cannot be read"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: type is any Collection.Type ? "a list or object" : "an object"
        }
    }

    // MARK: - Wire format

    private struct Header: Decodable {
        var schemaVersion: Int?
        var kind: String?
    }

    struct Document: Codable {
        var schemaVersion: Int
        var kind: String
        var framework: FrameworkReference
        var system: String
        var date: CalendarDate
        var participants: [String]?
        var status: String
        var position: WorkshopPosition?
        var lastTime: LastTime?
        var areas: [Area]
        /// Completions, reopenings and bulk confirmations; absent in files written before they were kept.
        var events: [RecordEvent]?
        var systemID: String?
        var systemRename: SystemRename?
        /// True when members' views are kept without names; absent (never false) otherwise.
        var anonymousViews: Bool?
        /// When the system was established; absent when not recorded.
        var established: CalendarDate?
        /// Metric values recorded; absent when none.
        var metrics: [MetricWire]?
        /// The place within the system the assessment covers; absent for the whole system.
        var place: String?

        /// A metric value as written: the value as text, so that its places are kept.
        struct MetricWire: Codable {
            var metric: String
            var note: String?
            var period: String?
            var source: String?
            var unit: String
            var value: String
        }

        struct LastTime: Codable {
            var date: CalendarDate
            var file: String
            var answers: [String: String]
            var notes: [String: String]?
        }

        struct Area: Codable {
            var id: String
            var title: String?
            var answers: [String: String]
            var notes: [String: String]?
            var actions: [Action]?
            var asLastTime: [String]?
            var reviewedActions: [Action]?
            /// Last time's actions not yet reviewed; absent in older files, whose reviews all count as done.
            var unreviewedActions: [String]?
            var placement: StoredPlacement?
            /// Members' views and dissents by criterion; absent when there are none.
            var views: [String: Views]?
            /// The board's target for the area; absent when none is set.
            var target: TargetWire?
        }

        /// A target as written: the stage's id and the year.
        struct TargetWire: Codable {
            var by: Int
            var stage: String
        }

        /// A placement as written: the computed one. On reading it is passed over unread, whatever it
        /// holds, since placements are always recomputed from the answers.
        struct StoredPlacement: Codable {
            /// The computed placement; nil once read from a file.
            let summary: PlacementSummary?

            init(_ summary: PlacementSummary) {
                self.summary = summary
            }

            init(from decoder: any Decoder) {
                summary = nil
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                if let summary { try container.encode(summary) } else { try container.encodeNil() }
            }
        }

        struct Action: Codable {
            var id: String
            var what: String
            var owner: String
            var due: CalendarDate?
            var status: String

            init(_ action: MaturityModel.Action) {
                id = action.id
                what = action.what
                owner = action.owner
                due = action.due
                status = action.status.rawValue
            }

            func model(at path: String) throws(AssessmentFileError) -> MaturityModel.Action {
                guard let status = ActionStatus(rawValue: status) else {
                    throw .init("\(path): status '\(status)' is not " + ActionStatus.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return MaturityModel.Action(id: id, what: what, owner: owner, due: due, status: status)
            }
        }
    }
}

/// The placement as written into files and JSON output; recomputed, never trusted, on reading.
public struct PlacementSummary: Codable, Sendable, Equatable {
    /// A stage id, or e.g. `not-yet-emerging`.
    public var stage: String
    /// The stage's title, e.g. "Not yet emerging".
    public var stageTitle: String
    /// Whether an unsure answer could still change it.
    public var provisional: Bool
    /// The next stage's id; nil at the top stage.
    public var nextStage: String?
    /// Progress towards the next stage, 0 to 1; nil at the top stage.
    public var progress: Double?
    /// Criterion ids of the next stage not yet answered yes.
    public var gap: [String]
    /// The rule's explanation.
    public var explanation: String

    /// The summary of a computed placement.
    public init(_ placement: Placement) {
        stage = placement.stageID
        stageTitle = placement.stageTitle
        provisional = placement.isProvisional
        nextStage = placement.nextStage?.id
        progress = placement.progress.map { ($0 * 1000).rounded() / 1000 }
        gap = placement.gap.map(\.id)
        explanation = placement.explanation
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stage, forKey: .stage)
        try container.encode(stageTitle, forKey: .stageTitle)
        try container.encode(provisional, forKey: .provisional)
        try container.encode(nextStage, forKey: .nextStage)
        try container.encode(progress, forKey: .progress)
        try container.encode(gap, forKey: .gap)
        try container.encode(explanation, forKey: .explanation)
    }
}

/// Why an assessment file cannot be read, in one line (the file name is added by the caller); the
/// values it quotes from the file are made inert, so that they cannot act on a terminal or break the line.
public struct AssessmentFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason, e.g. "is not valid JSON".
    public var reason: String

    /// Creates the error.
    public init(_ reason: String) {
        self.reason = TerminalText.inert(reason)
    }

    /// The reason.
    public var description: String { reason }
}
