import MaturityFramework
import MaturityRules
import MaturityModel

/// A summary as JSON: the data of every other format, with a schema version.
public enum JSONExport {
    /// The summary format's version; raised when a field changes meaning or is removed.
    public static let schemaVersion = 1

    /// The summary's JSON document; encode it with sorted keys (see the README for every field).
    public static func render(_ report: SummaryReport) -> SummaryJSON {
        SummaryJSON(report)
    }
}

/// The JSON summary (`"kind": "maturity-summary"`). Every documented key is written; an absent value is `null`.
public struct SummaryJSON: Codable, Sendable, Equatable {
    /// The framework an export was made with.
    public struct FrameworkRef: Codable, Sendable, Equatable {
        /// Its id.
        public var id: String
        /// Its version.
        public var version: String
        /// Its title.
        public var title: String
        /// Its source, cited in one line; left out of progressions.
        public var source: String?
    }

    /// What the framework takes from its source, and what is this tool's own.
    public struct Credit: Codable, Sendable, Equatable {
        /// What comes from the source.
        public var fromSource: String
        /// What is the framework's own work.
        public var ownWork: String
    }

    /// A deliberate rename of the system.
    public struct Rename: Codable, Sendable, Equatable {
        /// The name before.
        public var from: String
        /// The name after.
        public var to: String
        /// The date of the assessment that made it.
        public var date: String
    }

    /// How many views gave each answer.
    public struct SpreadLine: Codable, Sendable, Equatable {
        /// Views of each answer.
        public var yes: Int, partly: Int, no: Int, unsure: Int

        /// The counts of `spread`.
        public init(_ spread: Spread) {
            (yes, partly, no, unsure) = (spread.yes, spread.partly, spread.no, spread.unsure)
        }
    }

    /// A dissent from the agreed answer.
    public struct DissentLine: Codable, Sendable, Equatable {
        /// Who dissented; null when the workshop is anonymous.
        @NullWhenAbsent public var participant: String?
        /// What they said.
        public var note: String

        /// The line of `dissent`.
        public init(_ dissent: Dissent) {
            participant = dissent.participant
            note = dissent.note
        }
    }

    /// One criterion's views, as `show --format json` and the JSON summary give them: each member's
    /// view by name (empty when anonymous), the spread (always filled), the dissents.
    public struct ViewsLine: Sendable, Equatable {
        /// Each member's view (`yes`, `partly`, `no`, `unsure`) by name.
        public var views: [String: String]
        /// Every view counted, named or not.
        public var spread: SpreadLine
        /// The dissents, in the order recorded.
        public var dissent: [DissentLine]
        /// Whether the board was split (``Spread/isSplit``).
        public var split: Bool

        /// The lines of `views` (none given: empty, zero counts); names are left out when `anonymous`.
        public init(_ views: CriterionViews?, anonymous: Bool) {
            let given = anonymous ? views?.anonymised() : views
            self.views = (given?.named ?? [:]).mapValues(\.rawValue)
            spread = SpreadLine(given?.spread ?? Spread())
            dissent = (given?.dissents ?? []).map(DissentLine.init)
            split = (given?.spread ?? Spread()).isSplit
        }
    }

    /// One criterion with the board's answer.
    public struct CriterionLine: Codable, Sendable, Equatable {
        /// The criterion's id.
        public var id: String
        /// Its stage's id.
        public var stage: String
        /// The question.
        public var question: String
        /// `yes`, `partly`, `no`, `unsure`; null when unanswered.
        @NullWhenAbsent public var answer: String?
        /// The note; null when there is none.
        @NullWhenAbsent public var note: String?
        /// Carried from last time and not yet confirmed.
        public var asLastTime: Bool
        /// How it stands against last time's answer; null when not carried forward.
        @NullWhenAbsent public var carried: String?
        /// Each member's view by name (`yes`, `partly`, `no`, `unsure`); empty when anonymous or none were given.
        public var views: [String: String]
        /// How many views gave each answer; all 0 when none were given.
        public var spread: SpreadLine
        /// Whether the board was split: no answer given by at least two in three of the views.
        public var split: Bool
        /// Dissents from the agreed answer, each with its participant (null when anonymous) and note.
        public var dissent: [DissentLine]
    }

    /// An agreed action; last time's actions add whether they were reviewed.
    public struct ActionLine: Codable, Sendable, Equatable {
        /// Its stable id.
        public var id: String
        /// What is to be done.
        public var what: String
        /// Who owns it.
        public var owner: String
        /// When it is due; null when no date was agreed.
        @NullWhenAbsent public var due: String?
        /// `not-started`, `in-progress`, `done` or `dropped`.
        public var status: String
        /// For last time's actions only: whether the board reviewed it.
        public var reviewed: Bool?

        init(_ action: Action, reviewed: Bool? = nil) {
            id = action.id
            what = action.what
            owner = action.owner
            due = action.due?.description
            status = action.status.rawValue
            self.reviewed = reviewed
        }
    }

    /// One area: its placement, answers and actions.
    public struct AreaLine: Codable, Sendable, Equatable {
        /// The area's id.
        public var id: String
        /// Its title.
        public var title: String
        /// The stage id it is placed at, or e.g. `not-yet-emerging`.
        public var stage: String
        /// That stage's title.
        public var stageTitle: String
        /// Whether the placement is provisional.
        public var provisional: Bool
        /// The next stage's id; null at the top stage.
        @NullWhenAbsent public var nextStage: String?
        /// Progress to the next stage, 0 to 1 to three places; null at the top stage.
        @NullWhenAbsent public var progress: Double?
        /// The next stage's criteria not yet answered yes.
        public var gap: [String]
        /// The rule's explanation.
        public var explanation: String
        /// Every criterion with its answer.
        public var criteria: [CriterionLine]
        /// The share of the area's views that matched the agreed answers, 0 to 1 to three places; null
        /// when it has no views.
        @NullWhenAbsent public var consensus: Double?
        /// The board's target, `{"stage", "by"}`; null without one.
        @NullWhenAbsent public var target: TargetLine?
        /// `reached`, `on-track` or `behind`; null without a target.
        @NullWhenAbsent public var targetStatus: String?
        /// The framework's typical stage (its id) for the system's age; null when the date it was established is unknown.
        @NullWhenAbsent public var typicalStage: String?
        /// This year's agreed actions.
        public var actions: [ActionLine]
        /// Last time's actions as reviewed this year.
        public var reviewedActions: [ActionLine]
    }

    /// A recorded event: completed, reopened, carried answers confirmed.
    public struct EventLine: Codable, Sendable, Equatable {
        /// `completed`, `reopened`, `confirmed-carried`.
        public var kind: String
        /// When, ISO 8601.
        public var at: String
        /// Who; null when not known.
        @NullWhenAbsent public var by: String?
        /// Why; null unless given.
        @NullWhenAbsent public var reason: String?
        /// The criteria concerned; null unless a confirmation.
        @NullWhenAbsent public var criteria: [String]?
        /// The event in words.
        public var text: String
    }

    /// How an answer changed since the earlier assessment.
    public struct AnswerChangeLine: Codable, Sendable, Equatable {
        /// The criterion's id.
        public var id: String
        /// The answer then; null when unanswered.
        @NullWhenAbsent public var then: String?
        /// The answer now; null when unanswered.
        @NullWhenAbsent public var now: String?
    }

    /// One area compared with the earlier assessment.
    public struct AreaChangeLine: Codable, Sendable, Equatable {
        /// The area's id.
        public var id: String
        /// Its stage then; null when not assessed.
        @NullWhenAbsent public var then: String?
        /// Its stage now; null when not assessed.
        @NullWhenAbsent public var now: String?
        /// `up`, `down`, `same` or `not-assessed`.
        public var movement: String
        /// The criteria whose answer changed.
        public var changedAnswers: [AnswerChangeLine]
        /// Last time's actions, each with whether it was reviewed.
        public var lastActions: [ActionLine]
    }

    /// The comparison with the latest earlier assessment of the system.
    public struct ComparisonLine: Codable, Sendable, Equatable {
        /// The earlier assessment's date.
        public var date: String
        /// Its file name.
        public var file: String
        /// Every area, compared.
        public var areas: [AreaChangeLine]
    }

    /// Always `maturity-summary`.
    public var kind = "maturity-summary"
    /// ``JSONExport/schemaVersion``.
    public var schemaVersion = JSONExport.schemaVersion
    /// The system's display name.
    public var system: String
    /// The place within the system the assessment covers; the key is left out for the whole system.
    public var place: String?
    /// The assessment's date.
    public var date: String
    /// `draft` or `complete`.
    public var status: String
    /// The participants.
    public var participants: [String]
    /// The framework.
    public var framework: FrameworkRef
    /// The placement rule in one sentence.
    public var rule: String
    /// Every area.
    public var areas: [AreaLine]
    /// The system's stable identity.
    public var systemID: String
    /// The framework's credit.
    public var attribution: Credit
    /// The rename this assessment records; null when none.
    @NullWhenAbsent public var systemRename: Rename?
    /// The comparison with the latest earlier assessment; null when there is none.
    @NullWhenAbsent public var comparison: ComparisonLine?
    /// The record: completions, reopenings, confirmations.
    public var events: [EventLine]
    /// Whether the workshop took views without names.
    public var anonymousViews: Bool
    /// The assessment's metric readings, in the framework's order, each with its series so far.
    public var metrics: [SummaryMetricJSON]

    /// The JSON form of `report`.
    public init(_ report: SummaryReport) {
        let assessment = report.assessment
        let framework = report.framework
        system = assessment.system
        place = assessment.place
        date = assessment.date.description
        status = assessment.status.rawValue
        participants = assessment.participants
        self.framework = FrameworkRef(id: framework.id, version: framework.version, title: framework.title,
                                      source: framework.source.citation)
        rule = report.rule
        areas = report.areas.map { Self.area($0, anonymous: assessment.anonymousViews) }
        anonymousViews = assessment.anonymousViews
        metrics = SummaryMetricJSON.all(report)
        systemID = report.systemID
        attribution = Credit(fromSource: framework.attribution.fromSource, ownWork: framework.attribution.ownWork)
        systemRename = assessment.systemRename.map { Rename(from: $0.from, to: $0.to, date: $0.date.description) }
        comparison = report.comparison.map(Self.comparison)
        events = assessment.events.map {
            EventLine(kind: $0.kind.rawValue, at: $0.at, by: $0.by, reason: $0.reason, criteria: $0.criteria, text: $0.sentence)
        }
    }

    private static func area(_ area: AreaReport, anonymous: Bool) -> AreaLine {
        let placement = area.placement
        return AreaLine(
            id: area.area.id, title: area.area.title, stage: placement.stageID, stageTitle: placement.stageTitle,
            provisional: placement.isProvisional, nextStage: placement.nextStage?.id,
            progress: placement.progress.map { ($0 * 1000).rounded() / 1000 }, gap: placement.gap.map(\.id),
            explanation: placement.explanation,
            criteria: area.criteria.map {
                let views = ViewsLine($0.views, anonymous: anonymous)
                return CriterionLine(id: $0.criterion.id, stage: $0.stage.id, question: $0.criterion.text, answer: $0.answer?.rawValue,
                                     note: $0.note, asLastTime: $0.isAsLastTime, carried: $0.carried?.rawValue,
                                     views: views.views, spread: views.spread, split: views.split, dissent: views.dissent)
            },
            consensus: area.consensus.share.map { ($0 * 1000).rounded() / 1000 },
            target: area.target.map { TargetLine(stage: $0.stageID, by: $0.year) },
            targetStatus: area.targetStatus?.rawValue,
            typicalStage: area.typicalStage?.stage.id,
            actions: area.actions.map { ActionLine($0) },
            reviewedActions: area.reviewedActions.map { ActionLine($0, reviewed: !area.unreviewedActions.contains($0.id)) })
    }

    /// A target as the export writes it.
    public struct TargetLine: Codable, Sendable, Equatable {
        /// The stage's id.
        public var stage: String
        /// The year.
        public var by: Int
    }

    private static func comparison(_ comparison: Comparison) -> ComparisonLine {
        ComparisonLine(
            date: comparison.earlierDate.description, file: comparison.earlierFile,
            areas: comparison.areas.map { change in
                AreaChangeLine(
                    id: change.area.id, then: change.then?.stageID, now: change.now?.stageID, movement: change.movement.rawValue,
                    changedAnswers: change.changedAnswers.map {
                        AnswerChangeLine(id: $0.criterion.id, then: $0.then?.rawValue, now: $0.now?.rawValue)
                    },
                    lastActions: change.lastActions.map { ActionLine($0, reviewed: change.reviewedIDs.contains($0.id)) })
            })
    }
}
