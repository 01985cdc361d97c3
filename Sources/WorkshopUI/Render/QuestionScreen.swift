import CellGrid
import MaturityFramework
import MaturityRules

/// One criterion as a question: its stage, the answers to choose from, and its note.
enum QuestionScreen {
    static func draw(_ state: WorkshopState, area areaIndex: Int, index: Int, into body: inout BodyWriter) {
        let area = state.framework.areas[areaIndex]
        let criterion = area.criteria[index]
        let stage = state.framework.stage(id: criterion.stageID)
        let atStage = area.criteria(atStage: criterion.stageID)
        let position = (atStage.firstIndex(of: criterion) ?? 0) + 1
        let record = state.assessment?[area: area.id]
        let current = record?.answers[criterion.id]
        body.line()
        body.paragraph(area.title, style: .dim)
        body.line("\(stage?.title ?? criterion.stageID) · question \(position) of \(atStage.count) at this stage", style: .accent)
        body.line()
        body.paragraph(criterion.text, style: .title)
        body.line()
        let asLastTime = record?.asLastTime.contains(criterion.id) == true
        for answer in StepKeys.answerOrder {
            let highlighted = state.highlight == answer
            let mark = current == answer ? "(●)" : "( )"
            var text = "\(highlighted ? "▸" : " ") \(mark) \(answer.letter)  \(answer.label)"
            if current == answer, asLastTime { text += "   as last time: Enter confirms, a letter changes it" }
            body.line(text, style: highlighted ? .selected : (current == answer ? .title : .plain))
        }
        if let last = state.assessment?.lastTime {
            let answer = last.answers[criterion.id].map(\.label) ?? "not answered"
            let note = last.notes[criterion.id].map { " — note: \($0)" } ?? ""
            body.line()
            body.paragraph("Last time (\(last.date)): \(answer)\(note)", style: .dim)
        }
        body.line()
        let note = record?.notes[criterion.id]
        body.line(note == nil ? "Note: none (e to add one)" : "Note (e to edit):", style: .dim)
        guard let note else { return }
        let lines = TextWrap.lines(note, width: max(1, body.width - 2))
        let room = body.remainingRows
        for (offset, line) in lines.prefix(room).enumerated() {
            let isLastShown = offset == room - 1 && lines.count > room
            body.line(isLastShown ? "… (\(lines.count - offset) more lines: e to read and edit)" : line,
                      style: isLastShown ? .dim : .plain, indent: 2)
        }
    }
}
