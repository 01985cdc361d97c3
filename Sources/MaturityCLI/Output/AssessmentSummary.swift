import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityReports
import MaturityRules
import MaturityStore

/// An assessment with its computed placements, as `list` and `show` print it.
struct AssessmentSummary: Encodable {
    /// An area's own fields, with its placement's fields alongside them in the same JSON object.
    struct Area: Encodable {
        var id: String
        var title: String
        var short: String
        var answered: Int
        /// How many criteria the area has (`criteria` before the views).
        var criteriaCount: Int
        /// Every criterion with its answer and the board's views.
        var criteria: [CriterionLine]
        /// The share of the area's views that matched the agreed answers; nil (written as null) without views.
        var consensus: Double?
        /// The views counted for `consensus` (for the text).
        var consensusCount: ConsensusCount
        /// The framework's typical stage for the system's age (the same for every area); nil when unknown.
        var typicalStage: String?
        /// That stage beside the area's placement, for the text (``TypicalStage/besidePlacement(_:stages:)``).
        var typicalLine: String?
        /// The board's target for the area, and how it stands; nil without a target.
        var target: TargetLine?
        var targetStatus: String?
        /// "Target: Established by 2028, on track.", for the text.
        var targetText: String?
        var actions: [ActionLine]
        var placement: PlacementSummary

        enum CodingKeys: String, CodingKey {
            case id, title, short, answered, criteriaCount, criteria, consensus, typicalStage, target, targetStatus, actions
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(short, forKey: .short)
            try container.encode(answered, forKey: .answered)
            try container.encode(criteriaCount, forKey: .criteriaCount)
            try container.encode(criteria, forKey: .criteria)
            try container.encode(consensus, forKey: .consensus)
            try container.encode(typicalStage, forKey: .typicalStage)
            try container.encode(target, forKey: .target)
            try container.encode(targetStatus, forKey: .targetStatus)
            try container.encode(actions, forKey: .actions)
            try placement.encode(to: encoder)
        }
    }

    /// A criterion's agreed answer (null when unanswered), each member's view by name (empty when
    /// anonymous), the spread (always filled) and the dissents (`participant` null when anonymous).
    struct CriterionLine: Encodable {
        var id: String
        var answer: String?
        var views: SummaryJSON.ViewsLine

        enum CodingKeys: String, CodingKey {
            case id, answer, views, spread, dissent
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(answer, forKey: .answer)
            try container.encode(views.views, forKey: .views)
            try container.encode(views.spread, forKey: .spread)
            try container.encode(views.dissent, forKey: .dissent)
        }
    }

    /// A target as `show --format json` writes it.
    struct TargetLine: Encodable {
        var stage: String
        var by: Int
    }

    struct ActionLine: Encodable {
        var what: String, owner: String, due: String?, status: String
    }

    var file: String
    var system: String
    var systemID: String
    var systemRename: SystemRename?
    /// The place within the system the assessment covers; null for the whole system.
    @NullWhenAbsent var place: String?
    var date: String
    /// When the system was established (null when not recorded), and its age on `date` in years.
    @NullWhenAbsent var established: String?
    @NullWhenAbsent var systemAgeYears: Double?
    var framework: FrameworkReference
    var participants: [String]
    var status: String
    var rule: String
    var areas: [Area]
    /// Completions, reopenings and bulk confirmations, in words, oldest first.
    var record: [String]
    /// "typical for a system of 4 years: established" (for the text; JSON has it per area).
    var typicalText: String?
    /// The metric values recorded, in the framework's order.
    var metrics: [MetricLine]

    /// A metric value as `show --format json` writes it; `value` keeps the places typed.
    struct MetricLine: Encodable {
        var id: String
        var area: String?
        var title: String?
        var value: String
        var unit: String
        var period: String?
        var source: String?

        enum CodingKeys: String, CodingKey { case id, area, title, value, unit, period, source }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(area, forKey: .area)
            try container.encode(title, forKey: .title)
            try container.encode(value, forKey: .value)
            try container.encode(unit, forKey: .unit)
            try container.encode(period, forKey: .period)
            try container.encode(source, forKey: .source)
        }
    }

    enum CodingKeys: String, CodingKey {
        case file, system, systemID, systemRename, place, date, established, systemAgeYears, framework, participants, status, rule, areas, record,
             metrics
    }

    /// The summary of `assessment`; `earlier` (the system's earlier assessments) gives the pace its
    /// targets' status is measured by.
    init(_ assessment: Assessment, framework: Framework, file: URL, earlier: [Assessment] = []) {
        self.file = file.path
        system = assessment.system
        systemID = assessment.systemID ?? Slug.identity(for: assessment.system)
        systemRename = assessment.systemRename
        place = assessment.place
        date = assessment.date.description
        established = assessment.established?.description
        systemAgeYears = assessment.systemAgeYears
        self.framework = assessment.framework
        participants = assessment.participants
        status = assessment.status.rawValue
        rule = PlacementRules.ruleSentence(for: framework)
        record = assessment.events.map(\.sentence)
        let answers = assessment.answers
        let order = Dictionary(framework.allMetrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        metrics = assessment.metrics.sorted { (order[$0.metricID] ?? .max, $0.metricID) < (order[$1.metricID] ?? .max, $1.metricID) }
            .map { reading in
                let area = framework.areas.first { $0.metrics.contains { $0.id == reading.metricID } }
                return MetricLine(id: reading.metricID, area: area?.id, title: framework.metric(id: reading.metricID)?.title,
                                  value: reading.value.description, unit: reading.unit, period: reading.period, source: reading.source)
            }
        let typical = assessment.typicalStage(in: framework)
        typicalText = typical?.text
        areas = zip(framework.areas, assessment.placements(in: framework)).map { area, placement in
            let record = assessment[area: area.id]
            let consensus = record.consensusCount
            let status = assessment.targetStatus(of: area, in: framework, earlier: earlier)
            return Area(
                id: area.id, title: area.title, short: area.shortTitle,
                answered: area.criteria.filter { answers[$0.id] != nil }.count,
                criteriaCount: area.criteria.count,
                criteria: area.criteria.map { criterion in
                    CriterionLine(id: criterion.id, answer: answers[criterion.id]?.rawValue,
                                  views: SummaryJSON.ViewsLine(record.views[criterion.id], anonymous: assessment.anonymousViews))
                },
                consensus: consensus.share.map { ($0 * 1000).rounded() / 1000 },
                consensusCount: consensus,
                typicalStage: typical?.stage.id,
                typicalLine: typical?.besidePlacement(placement.stage, stages: framework.stages),
                target: record.target.map { TargetLine(stage: $0.stageID, by: $0.year) },
                targetStatus: status?.rawValue,
                targetText: record.target.map { $0.sentence(in: framework, status: status) },
                actions: record.actions.map {
                    ActionLine(what: $0.what, owner: $0.owner, due: $0.due?.description, status: $0.status.rawValue)
                },
                placement: PlacementSummary(placement))
        }
    }

    /// "4.4 years", "1 year", "0 years".
    static func years(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return text + (value == 1 ? " year" : " years")
    }

    /// The text of `show`; every value from the file is made inert, line breaks included.
    func text(framework: Framework) -> String {
        var lines = ["\(inert: system)\(place.map { " · \(inert: $0)" } ?? ""), \(date) (\(status))"]
        if let rename = systemRename {
            lines.append(wrapped("Renamed from \(inert: rename.from) to \(inert: rename.to) on \(rename.date)."))
        }
        lines.append("Framework: \(inert: framework.title) \(inert: self.framework.version)")
        if let established, let systemAgeYears {
            let typical = typicalText.map { " " + $0.prefix(1).uppercased() + $0.dropFirst() + " (the framework's ages are a guide, not a deadline)." } ?? ""
            lines.append(wrapped("Established: \(established), \(Self.years(systemAgeYears)) before this assessment.\(typical)"))
        }
        if !participants.isEmpty { lines.append(wrapped("Participants: " + participants.map(TerminalText.inert).joined(separator: ", "))) }
        lines.append(wrapped("Rule: \(rule)"))
        lines.append("File: \(inert: file)")
        lines += record.map { wrapped("\(inert: $0)") }
        if !metrics.isEmpty {
            lines.append("Metrics:")
            lines += metrics.map { metric in
                let detail = [metric.period, metric.source].compactMap { $0 }.joined(separator: ", ")
                return wrapped("\(inert: metric.title ?? metric.id): \(metric.value) \(inert: metric.unit)"
                    + (detail.isEmpty ? "" : " (\(inert: detail))"), indent: "  ", continuation: "    ")
            }
        }
        for area in areas {
            lines.append("")
            let placement = area.placement
            lines.append("\(inert: area.title): \(inert: placement.stageTitle)\(placement.provisional ? " (provisional)" : "")")
            if let typicalLine = area.typicalLine { lines.append(wrapped("\(inert: typicalLine)", indent: "  ")) }
            if let targetText = area.targetText { lines.append(wrapped("\(inert: targetText)", indent: "  ")) }
            lines.append("  Answered \(area.answered) of \(area.criteriaCount) questions."
                + (placement.progress.map { " Progress to \(nextTitle(area, framework)): \(Int(($0 * 100).rounded()))%." } ?? ""))
            lines.append(wrapped(placement.explanation, indent: "  "))
            lines += viewsLines(area, framework: framework)
            for action in area.actions {
                let due = action.due.map { ", due \($0)" } ?? ""
                lines.append(wrapped("Action: \(inert: action.what) (\(inert: action.owner)\(due), \(action.status))", indent: "  "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// When the area has views: its consensus, and its split questions by label.
    private func viewsLines(_ area: Area, framework: Framework) -> [String] {
        var lines: [String] = []
        if let consensus = ViewsWords.consensus(area.consensusCount) {
            lines.append(wrapped("Consensus: \(consensus).", indent: "  "))
        }
        let criteria = framework.areas.first { $0.id == area.id }?.criteria ?? []
        let split = area.criteria.filter(\.views.split)
        if !split.isEmpty {
            let labels = split.map { line in criteria.first { $0.id == line.id }.map(\.label) ?? line.id }
            lines.append(wrapped("Split questions: " + labels.map(TerminalText.inert).joined(separator: "; ") + ".", indent: "  "))
        }
        return lines
    }

    private func nextTitle(_ area: Area, _ framework: Framework) -> String {
        area.placement.nextStage.flatMap { framework.stage(id: $0)?.title } ?? ""
    }
}
