import FoundationEssentials
import MaturityFramework
import MaturityModel

/// Plain mode's question for the day the system was established, asked at the start after the date:
/// a date no later than the assessment's, Enter to keep the carried-forward date (or leave it unknown),
/// `-` to leave it unknown.
public struct PlainEstablished {
    /// The established date carried forward or given beforehand, kept with Enter; nil when there is none.
    public var current: CalendarDate?
    /// The assessment's date, which the established date may not be after.
    public var assessmentDate: CalendarDate

    /// The question for an assessment dated `assessmentDate`, with `current` kept on Enter.
    public init(current: CalendarDate?, assessmentDate: CalendarDate) {
        self.current = current
        self.assessmentDate = assessmentDate
    }

    /// "Established, YYYY-MM-DD, when the system was established (ICSs: 2022-07-01; Enter …): ".
    public var prompt: String {
        let keep = current.map { "Enter keeps \($0); - leaves it unknown" } ?? "Enter leaves it unknown"
        return "Established, YYYY-MM-DD, when the system was established, for the typical stage by age "
            + "(ICSs: \(SystemAge.icsStatutoryDate); \(keep)): "
    }

    /// What `reply` (trimmed) sets: the date, or nil for unknown; a sentence saying why when it is refused.
    func read(_ reply: String) -> Result<CalendarDate?, PlainProblem> {
        let text = reply.trimmingSpaces()
        if text.isEmpty { return .success(current) }
        if text == "-" { return .success(nil) }
        guard let date = CalendarDate(text) else {
            return .failure(PlainProblem("'\(PlainText.quoted(text))' is not a date written YYYY-MM-DD, e.g. \(SystemAge.icsStatutoryDate); "
                                         + "press Enter to leave it unknown."))
        }
        guard date <= assessmentDate else {
            return .failure(PlainProblem("\(date) is after the assessment's date, \(assessmentDate); a system is "
                                         + "established before it is assessed."))
        }
        return .success(date)
    }

    /// Asks until a reply is taken: the date (nil: unknown); nil when input ends first.
    public func ask(read readLine: () -> String?, write: (String) -> Void) -> CalendarDate?? {
        while true {
            write(prompt)
            guard let line = readLine() else { return nil }
            if TerminalText.containsUnsafe(line) {
                write("That reply holds a control character (such as a tab or an escape) or a bidirectional override, "
                      + "shown as \(inert: line); please type it again without.\n")
                continue
            }
            switch read(line) {
            case let .success(date): return .some(date)
            case let .failure(problem): write(problem.text + "\n")
            }
        }
    }
}
