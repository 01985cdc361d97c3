import MaturityFramework
import MaturityRules
import MaturityModel

/// Everything a summary of one assessment shows, in every export format.
public struct SummaryReport: Sendable {
    /// The assessment summarised.
    public var assessment: Assessment
    /// Its framework.
    public var framework: Framework
    /// The placement rule in one sentence.
    public var rule: String
    /// Per area, in framework order.
    public var areas: [AreaReport]
    /// The comparison with the latest earlier assessment of the same system, if there is one.
    public var comparison: Comparison?
    /// Every assessment of the system up to this one, when there is more than one (for the chart).
    public var history: Progression?
    /// The system's stable identity (for a file older than identities, the one its store gives it).
    public var systemID: String
    /// Each metric with a reading in this assessment or an earlier one of the system, across the system's
    /// assessments up to this one (oldest first), in the framework's order; empty when none has a reading.
    public var metrics: [MetricSeries]
    /// The file of each assessment the metrics' points come from, in the same order (empty names when
    /// the report was made without the system's history).
    public var metricFiles: [String]

    /// The report of `assessment`, compared with `earlier` when given; `history` feeds the chart.
    public init(_ assessment: Assessment, framework: Framework, earlier: Comparison.Earlier? = nil, history: Progression? = nil,
                systemID: String? = nil, earlierFramework: Framework? = nil) {
        self.systemID = systemID ?? assessment.systemID ?? Slug.identity(for: assessment.system)
        self.history = history.flatMap { $0.entries.count > 1 ? $0 : nil }
        if let history, history.entries.last?.assessment.date == assessment.date {
            metrics = history.metrics
            metricFiles = history.entries.map(\.file)
        } else {
            metrics = MetricSeries.recorded(in: framework, across: [assessment])
            metricFiles = [""]
        }
        let typical = assessment.typicalStage(in: framework)
        let metricsByID = Dictionary(metrics.map { ($0.metricID, $0) }, uniquingKeysWith: { first, _ in first })
        self.assessment = assessment
        self.framework = framework
        rule = PlacementRules.ruleSentence(for: framework)
        let answers = assessment.answers
        // A target's pace is measured over the system's earlier assessments (the history, without this one).
        let earlierAssessments = (history?.entries.dropLast() ?? []).map(\.assessment)
        areas = framework.areas.map { area in
            let record = assessment[area: area.id]
            var report = AreaReport(
                area: area,
                placement: PlacementRules.place(area, in: framework, answers: answers),
                criteria: area.criteria.map { criterion in
                    CriterionRow(criterion: criterion, stage: framework.stage(id: criterion.stageID)!, answer: record.answers[criterion.id],
                                 note: record.notes[criterion.id], isAsLastTime: record.asLastTime.contains(criterion.id),
                                 carried: assessment.carried(criterion.id),
                                 views: assessment.views(on: criterion.id, in: area.id).map { assessment.anonymousViews ? $0.anonymised() : $0 })
                },
                actions: record.actions,
                reviewedActions: record.reviewedActions,
                unreviewedActions: record.unreviewedActions,
                consensus: record.consensusCount)
            report.target = record.target
            report.targetStatus = assessment.targetStatus(of: area, in: framework, earlier: Array(earlierAssessments))
            report.targetLine = record.target.map { target in
                target.sentence(in: framework, status: report.targetStatus) + " " + Self.actionsToward(record.actions)
            }
            report.typicalStage = typical
            report.typicalLine = typical?.besidePlacement(report.placement.stage, stages: framework.stages)
            report.metrics = area.metrics.compactMap { metric in metricsByID[metric.id].map { (metric, $0) } }
            return report
        }
        comparison = earlier.map { Comparison(now: assessment, earlier: $0, framework: framework, earlierFramework: earlierFramework) }
    }

    /// The area's agreed actions as the board paper ties them to its target: "Actions toward it: Publish
    /// the green plan (Director of Estates, due 2027-03-31, in progress)." Dropped actions are left out.
    static func actionsToward(_ actions: [Action]) -> String {
        let open = actions.filter { $0.status != .dropped }
        guard !open.isEmpty else { return "No actions agreed toward it yet." }
        return "Actions toward it: " + open.map { action in
            let details = [action.owner.isEmpty ? nil : action.owner, action.due.map { "due \($0)" }, action.status.phrase]
            return "\(action.what) (\(details.compactMap { $0 }.joined(separator: ", ")))"
        }.joined(separator: "; ") + "."
    }

    /// Whether any criterion has views or dissent.
    public var hasViews: Bool { areas.contains { area in area.criteria.contains { $0.views != nil } } }

    /// Whether the exports speak of views: when there are some, or when the workshop was anonymous (a
    /// board that chose anonymous views and took none is told so). An assessment with neither (every
    /// file older than views) is exported exactly as before.
    public var showsViews: Bool { hasViews || assessment.anonymousViews }

    /// The questions on which the board was split (``Spread/isSplit``), widest spread first.
    public var splitQuestions: [(area: AreaReport, row: CriterionRow)] {
        assessment.criteriaByDisagreement(in: framework).compactMap { found in
            guard found.spread.isSplit, let area = areas.first(where: { $0.area.id == found.area }),
                  let row = area.criteria.first(where: { $0.criterion.id == found.criterion }) else { return nil }
            return (area, row)
        }
    }

    /// How many split questions the board paper lists at most.
    public static let splitQuestionsShown = 5
}

/// One area of a summary.
public struct AreaReport: Sendable {
    /// The area.
    public var area: Area
    /// Where the rules place it.
    public var placement: Placement
    /// Every criterion with its answer and note.
    public var criteria: [CriterionRow]
    /// The actions agreed this time.
    public var actions: [Action]
    /// Last time's actions, with the status given on review.
    public var reviewedActions: [Action]
    /// Ids of last time's actions nobody has reviewed yet.
    public var unreviewedActions: Set<String>
    /// How far the area's views matched its agreed answers (none counted without views).
    public var consensus: ConsensusCount
    /// The board's target for the area, and how it stands (see ``TargetStatus/rule``); nil without one.
    public var target: Target? = nil
    public var targetStatus: TargetStatus? = nil
    /// "Target: Established by 2028, on track. Actions toward it: …" (plain text; each format escapes it):
    /// the target, its status and the area's agreed actions; nil without a target.
    public var targetLine: String? = nil
    /// The framework's typical stage for the system's age; nil when the date it was established is unknown.
    public var typicalStage: TypicalStage? = nil
    /// "Typical for a system of 4 years: established; placed at emerging (an earlier stage than typical)."
    /// (plain text, ``TypicalStage/besidePlacement(_:stages:)``); nil when the age is unknown.
    public var typicalLine: String? = nil
    /// The area's metrics that have readings, each with its series (see ``SummaryReport/metrics``).
    public var metrics: [(metric: Metric, series: MetricSeries)] = []

    /// The answer to one of the area's criteria.
    public func answer(to criterion: Criterion) -> Answer? {
        criteria.first { $0.criterion == criterion }?.answer
    }
}

/// A criterion with the board's answer.
public struct CriterionRow: Sendable {
    /// The criterion.
    public var criterion: Criterion
    /// Its stage.
    public var stage: Stage
    /// The answer, nil when not answered.
    public var answer: Answer?
    /// The note, if any.
    public var note: String?
    /// The answer was carried forward and not yet confirmed.
    public var isAsLastTime: Bool
    /// How the answer stands against last time's, for an assessment carried forward.
    public var carried: CarriedAnswer?
    /// The members' views and dissents, nil when none were given; without names when the workshop is anonymous.
    public var views: CriterionViews?

    /// The answer's label ("Yes, in place", "Partly", …), or "Not answered".
    public var answerText: String { Answer.label(of: answer) }
}
