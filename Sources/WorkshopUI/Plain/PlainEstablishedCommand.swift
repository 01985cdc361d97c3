import MaturityFramework
import MaturityModel

extension PlainWorkshop {
    /// What a change to a complete assessment is told, at any prompt.
    static let readOnlyRefusal = "This assessment is complete and read-only. To change it, type s for the summary, then c to reopen "
        + "it and say why; the reopening is recorded."

    /// The start's line on the established date: what it is, and how to set it.
    var establishedLine: String {
        if let established = assessment.established {
            return "Established: \(established) (\(assessment.typicalStage(in: framework)?.text ?? "no typical stage in this framework")); "
                + "established YYYY-MM-DD changes it, established - leaves it unknown."
        }
        return "Established: unknown. To see each placement beside the stage typical for the system's age, type "
            + "established YYYY-MM-DD at any prompt (ICSs: \(SystemAge.icsStatutoryDate))."
    }

    /// `established [DATE|-]`: sets the day the system was established (asking when `reply` is nil) and saves.
    mutating func setEstablished(_ reply: String?) throws {
        if assessment.isReadOnly {
            say(Self.readOnlyRefusal)
            return
        }
        let question = PlainEstablished(current: assessment.established, assessmentDate: assessment.date)
        let date: CalendarDate?
        if let reply {
            switch question.read(reply) {
            case let .success(read): date = read
            case let .failure(problem):
                say(problem.text)
                return
            }
        } else {
            guard let asked = question.ask(read: readLine, write: write) else { throw EndOfInput() }
            date = asked
        }
        guard date != assessment.established else {
            say("Established: \(date.map(\.description) ?? "unknown"), as before.")
            return
        }
        assessment.established = date
        persist()
        say(date.map { "Established: \($0). \(assessment.typicalStage(in: framework).map { $0.text.prefix(1).uppercased() + $0.text.dropFirst() + "." } ?? "")" }
            ?? "Established: unknown.")
    }
}
