/// A maturity framework: ordered stages, and areas described at each stage with criteria to answer.
///
/// A framework is data, written by people in a YAML file (see `Frameworks/README.md`) and loaded
/// with ``FrameworkLoader``. Ids are stable across versions: assessments refer to criteria by id.
public struct Framework: Sendable, Equatable {
    /// Stable identifier, e.g. `ics-social-economic-development`.
    public var id: String
    /// The framework's own version, e.g. `1.0.0`; assessments record the version they answered.
    public var version: String
    /// Human title shown on screens and in exports.
    public var title: String
    /// Optional short description of what the framework is for.
    public var summary: String?
    /// Where the framework comes from.
    public var source: Source
    /// Stages from lowest to highest.
    public var stages: [Stage]
    /// Areas of focus, in the order a workshop walks them.
    public var areas: [Area]
    /// What comes from the source and what is the framework's own work.
    public var attribution: Attribution
    /// The bytes the framework was read from and their hash; nil for one built in code.
    public internal(set) var file: FrameworkFile?

    /// Creates a framework from its parts.
    public init(
        id: String, version: String, title: String, summary: String? = nil,
        source: Source, stages: [Stage], areas: [Area], attribution: Attribution = .standard
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.source = source
        self.stages = stages
        self.areas = areas
        self.attribution = attribution
    }

    /// The stage with this id, if the framework has one.
    public func stage(id: String) -> Stage? {
        stages.first { $0.id == id }
    }

    /// The area with this id, if the framework has one.
    public func area(id: String) -> Area? {
        areas.first { $0.id == id }
    }

    /// Every criterion of every area, in workshop order.
    public var allCriteria: [Criterion] {
        areas.flatMap(\.criteria)
    }

    /// The id used for an area below the first stage, e.g. `not-yet-emerging`.
    public var belowFirstStageID: String {
        "not-yet-" + (stages.first?.id ?? "started")
    }

    /// The title used for an area below the first stage, e.g. "Not yet emerging".
    public var belowFirstStageTitle: String {
        "Not yet " + (stages.first?.title.lowercased() ?? "started")
    }
}

/// Attribution of a framework to the work it is based on.
public struct Source: Sendable, Equatable {
    /// Title of the source document.
    public var title: String
    /// Who published it, e.g. "NHS Confederation".
    public var publisher: String
    /// When it was published, as written in the source, e.g. "December 2022".
    public var published: String
    /// Who devised the framework, if named.
    public var author: String?
    /// Where the source can be read, if public.
    public var url: String?

    /// Creates an attribution.
    public init(title: String, publisher: String, published: String, author: String? = nil, url: String? = nil) {
        self.title = title
        self.publisher = publisher
        self.published = published
        self.author = author
        self.url = url
    }

    /// One-line citation, e.g. "NHS Confederation, December 2022: Title. Framework by ...".
    public var citation: String {
        var text = "\(publisher), \(published): \(title)."
        if let author { text += " Framework by \(author)." }
        if let url { text += " \(url)" }
        return text
    }
}

/// Credit where it is due: which parts of a framework come from its source and which are its own, one
/// sentence each, printed beside the source wherever the framework is shown, so that readers do not
/// credit the questions or the placement rule to the source.
public struct Attribution: Sendable, Equatable {
    /// What the framework takes from its source, e.g. "The stage descriptors come from the source."
    public var fromSource: String
    /// What is the framework's own, e.g. "The questions and the placement rule are this tool's own
    /// breakdown of the descriptors, not the source's."
    public var ownWork: String

    /// Creates an attribution.
    public init(fromSource: String, ownWork: String) {
        self.fromSource = fromSource
        self.ownWork = ownWork
    }

    /// For a framework file that says nothing: the descriptors from the source, the rest its own.
    public static let standard = Attribution(
        fromSource: "The stage descriptors come from the source.",
        ownWork: "The questions and the placement rule are this framework's own breakdown of the descriptors, not the source's.")

    /// Both sentences, as one.
    public var text: String { fromSource + " " + ownWork }
}

/// One step of the maturity ladder, e.g. Emerging.
public struct Stage: Sendable, Equatable {
    /// Stable identifier, e.g. `emerging`.
    public var id: String
    /// Display title, e.g. "Emerging".
    public var title: String
    /// The system age the stage usually goes with, e.g. "under two years".
    public var expectedAge: String?

    /// The age as it is shown: the age of a typical system at this stage, never a deadline, e.g.
    /// "typical for a system under two years old".
    public var typicalAge: String? {
        expectedAge.map { "typical for a system \($0) old" }
    }
    /// When the stage counts as met; ``Threshold/allInPlace`` unless the framework says otherwise.
    public var threshold: Threshold
    /// The ages, in completed years, at which the stage is typical, if the framework gives them; read
    /// by ``Framework/typicalStage(forAgeInYears:)``.
    public var ageYears: AgeRange?

    /// Creates a stage.
    public init(id: String, title: String, expectedAge: String? = nil, threshold: Threshold = .allInPlace, ageYears: AgeRange? = nil) {
        self.id = id
        self.title = title
        self.expectedAge = expectedAge
        self.threshold = threshold
        self.ageYears = ageYears
    }
}

/// When a stage is met: the share of its criteria in place, with a `partly` worth part of a `yes`.
///
/// Whole percentages keep the arithmetic exact: a stage is met when
/// `100·yes + partlyPercent·partly ≥ atLeastPercent·criteria`.
public struct Threshold: Sendable, Equatable {
    /// Share of criteria that must be in place, 1 to 100.
    public var atLeastPercent: Int
    /// What one `partly` is worth, as a percentage of a `yes`, 0 to 100.
    public var partlyPercent: Int

    /// Creates a threshold; values are expected in range (the loader checks them).
    public init(atLeastPercent: Int, partlyPercent: Int = 0) {
        self.atLeastPercent = atLeastPercent
        self.partlyPercent = partlyPercent
    }

    /// The default rule: every criterion answered yes.
    public static let allInPlace = Threshold(atLeastPercent: 100, partlyPercent: 0)

    /// True for the default rule, or any threshold equivalent to it.
    public var isAllInPlace: Bool { atLeastPercent == 100 && partlyPercent < 100 }

    /// The rule in words, completing "a stage is met when ...".
    public var sentence: String {
        if isAllInPlace { return "every one of its criteria is answered yes" }
        var text = "at least \(atLeastPercent)% of its criteria are in place"
        switch partlyPercent {
        case 0: text += " (a partly counts for nothing)"
        case 50: text += ", a partly counting as half"
        case 100: text += ", a partly counting as a yes"
        default: text += ", a partly counting as \(partlyPercent)% of a yes"
        }
        return text
    }
}

/// An area of focus, e.g. "Tackling climate change", described at every stage.
public struct Area: Sendable, Equatable {
    /// Stable identifier, e.g. `climate-change`.
    public var id: String
    /// Display title.
    public var title: String
    /// A short name for narrow places such as list columns, e.g. "Climate".
    public var shortTitle: String
    /// What the area looks like at each stage, in the framework's stage order.
    public var descriptors: [StageDescriptor]
    /// The criteria of every stage, grouped by stage in the framework's stage order.
    public var criteria: [Criterion]
    /// Optional questions to prompt the board's discussion of the area.
    public var prompts: [String]
    /// The baseline metrics that inform the area, in the framework file's order; often none.
    public var metrics: [Metric]

    /// Creates an area.
    public init(
        id: String, title: String, shortTitle: String? = nil,
        descriptors: [StageDescriptor], criteria: [Criterion], prompts: [String] = [], metrics: [Metric] = []
    ) {
        self.id = id
        self.title = title
        self.shortTitle = shortTitle ?? title
        self.descriptors = descriptors
        self.criteria = criteria
        self.prompts = prompts
        self.metrics = metrics
    }

    /// The criteria of one stage.
    public func criteria(atStage stageID: String) -> [Criterion] {
        criteria.filter { $0.stageID == stageID }
    }

    /// The descriptor of one stage.
    public func descriptor(atStage stageID: String) -> String? {
        descriptors.first { $0.stageID == stageID }?.text
    }
}

/// What an area looks like at one stage, in the source's words or close to them.
public struct StageDescriptor: Sendable, Equatable {
    /// The stage described.
    public var stageID: String
    /// The description.
    public var text: String

    /// Creates a descriptor.
    public init(stageID: String, text: String) {
        self.stageID = stageID
        self.text = text
    }
}

/// One plain question about an area at a stage, answered yes, partly, no or unsure.
public struct Criterion: Sendable, Equatable {
    /// Stable identifier, unique in the framework.
    public var id: String
    /// The stage this criterion belongs to.
    public var stageID: String
    /// The question as asked, e.g. "Has the system strategy been aligned with ...?".
    public var text: String
    /// A few words naming what the criterion checks, for explanations, e.g. "strategy aligned".
    public var label: String

    /// Creates a criterion.
    public init(id: String, stageID: String, text: String, label: String? = nil) {
        self.id = id
        self.stageID = stageID
        self.text = text
        self.label = label ?? text
    }
}
