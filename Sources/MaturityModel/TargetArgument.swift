import MaturityFramework

/// Why a `--target AREA=STAGE:YEAR` argument was refused; ``message`` says it in one line.
public enum TargetArgumentError: Error, Sendable, Equatable {
    /// Not of the form AREA=STAGE:YEAR.
    case form(argument: String, example: String)
    /// The framework has no such area.
    case unknownArea(argument: String, area: String, known: [String])
    /// The framework has no such stage (or it names the level below the first stage).
    case unknownStage(argument: String, stage: String, known: [String])
    /// The year is not four digits.
    case notAYear(argument: String, year: String)
    /// The year is before the assessment's year or too far after it.
    case yearOutOfRange(argument: String, year: Int, allowed: ClosedRange<Int>)
    /// Two targets for one area.
    case repeatedArea(argument: String, area: String)

    /// The problem in one line, naming the argument as typed (made inert for the terminal).
    public var message: String {
        switch self {
        case .form(let argument, let example):
            return "--target '\(TypedInput.quoted(argument))': write AREA=STAGE:YEAR, e.g. \(example)"
        case .unknownArea(let argument, let area, let known):
            return "--target '\(TypedInput.quoted(argument))': no area '\(TypedInput.quoted(area))' in the framework; areas: \(known.joined(separator: ", "))"
        case .unknownStage(let argument, let stage, let known):
            return "--target '\(TypedInput.quoted(argument))': no stage '\(TypedInput.quoted(stage))' to aim for; stages: \(known.joined(separator: ", "))"
        case .notAYear(let argument, let year):
            return "--target '\(TypedInput.quoted(argument))': '\(TypedInput.quoted(year))' is not a year; write four digits, e.g. 2027"
        case .yearOutOfRange(let argument, let year, let allowed):
            return "--target '\(TypedInput.quoted(argument))': \(year) is outside \(allowed.lowerBound) to \(allowed.upperBound), the assessment's year to \(Target.maximumYearsAhead) years after it"
        case .repeatedArea(let argument, let area):
            return "--target '\(TypedInput.quoted(argument))': area \(area) already has a target; give one per area"
        }
    }
}

/// Reads `maturity new --target AREA=STAGE:YEAR` against a framework, before anything is saved.
///
/// AREA is an area's id or short title, STAGE a stage's id or title (either in any case; an id wins
/// over a title, and a title two of them share names neither), YEAR four digits from the assessment's
/// year to ``Target/maximumYearsAhead`` years after it (and no later than 9999), e.g.
/// `climate-change=established:2027` or `Climate=Established:2027`.
public enum TargetArgument {
    /// The area's id and the target one argument gives.
    public static func parse(_ argument: String, framework: Framework, assessmentYear: Int)
        throws(TargetArgumentError) -> (areaID: String, target: Target) {
        // A calendar year, as ``CalendarDate`` has them.
        let assessmentYear = min(max(assessmentYear, 1000), 9999)
        let example = Self.example(framework, assessmentYear: assessmentYear)
        guard let equals = argument.firstIndex(of: "="), let colon = argument.lastIndex(of: ":"), equals < colon else {
            throw .form(argument: argument, example: example)
        }
        let areaText = trimmed(argument[..<equals])
        let stageText = trimmed(argument[argument.index(after: equals)..<colon])
        let yearText = trimmed(argument[argument.index(after: colon)...])
        guard !areaText.isEmpty, !stageText.isEmpty, !yearText.isEmpty else { throw .form(argument: argument, example: example) }

        let areaKey = areaText.lowercased()
        guard let area = framework.areas.first(where: { $0.id == areaKey }) ?? only(framework.areas.filter { $0.shortTitle.lowercased() == areaKey })
        else {
            throw .unknownArea(argument: argument, area: areaText, known: framework.areas.map(\.id))
        }
        let stageKey = stageText.lowercased()
        guard let stage = framework.stages.first(where: { $0.id == stageKey }) ?? only(framework.stages.filter { $0.title.lowercased() == stageKey })
        else {
            throw .unknownStage(argument: argument, stage: stageText, known: framework.stages.map(\.id))
        }
        guard yearText.utf8.count == 4, yearText.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let year = Int(yearText) else {
            throw .notAYear(argument: argument, year: yearText)
        }
        let allowed = assessmentYear...min(assessmentYear + Target.maximumYearsAhead, 9999)
        guard allowed.contains(year) else { throw .yearOutOfRange(argument: argument, year: year, allowed: allowed) }
        return (area.id, Target(stageID: stage.id, year: year))
    }

    /// Every argument read with ``parse(_:framework:assessmentYear:)``, by area id; refuses a second
    /// target for one area. The first argument refused throws.
    public static func parseAll(_ arguments: [String], framework: Framework, assessmentYear: Int)
        throws(TargetArgumentError) -> [String: Target] {
        var targets: [String: Target] = [:]
        for argument in arguments {
            let (areaID, target) = try parse(argument, framework: framework, assessmentYear: assessmentYear)
            guard targets[areaID] == nil else { throw .repeatedArea(argument: argument, area: areaID) }
            targets[areaID] = target
        }
        return targets
    }

    /// A well-formed argument for `framework`, for messages: its last area at its middle stage, five years on.
    static func example(_ framework: Framework, assessmentYear: Int) -> String {
        let area = framework.areas.last?.id ?? "area"
        let stage = framework.stages.isEmpty ? "stage" : framework.stages[framework.stages.count / 2].id
        return "\(area)=\(stage):\(min(assessmentYear + min(5, Target.maximumYearsAhead), 9999))"
    }

    /// The one element of `matches`; nil for none or several (a title two areas share names neither).
    private static func only<Element>(_ matches: [Element]) -> Element? {
        matches.count == 1 ? matches.first : nil
    }

    private static func trimmed(_ text: Substring) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.drop { $0.properties.isWhitespace }.reversed()
            .drop { $0.properties.isWhitespace }.reversed()))
    }
}
