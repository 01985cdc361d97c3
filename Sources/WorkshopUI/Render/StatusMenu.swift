import CellGrid
import MaturityModel

/// The menu `r` opens over a result: how one of last time's actions stands now, one of four statuses.
enum StatusMenu {
    static func draw(_ state: WorkshopState, choice: StatusChoice, into grid: inout Grid) {
        guard let area = state.framework.areas[safe: choice.area], let record = state.assessment?[area: area.id],
              let action = record.reviewedActions[safe: choice.index] else { return }
        let width = min(state.width - 4, 56)
        let inner = width - 4
        guard inner >= 16 else { return }
        let now = RecordWords.review(action, reviewed: !record.unreviewedActions.contains(action.id))
        var lines: [(text: String, style: Style)] = TextFit.lines(action.what.isEmpty ? "(no description)" : action.what, width: inner)
            .prefix(2).map { ($0, .title) }
        lines += TextFit.lines("Now: \(now)", width: inner).map { ($0, .dim) }
        lines.append(("", .plain))
        for (number, status) in ActionStatus.allCases.enumerated() {
            let selected = status == choice.highlight
            lines.append(("\(selected ? "▸" : " ") \(number + 1)  \(status.phrase)", selected ? .selected : .plain))
        }
        lines.append(("", .plain))
        lines += TextFit.lines("↑↓ and Enter, or 1-4: set · Esc: leave it as it was", width: inner).map { ($0, .dim) }
        // On a short screen the blank lines go first, then the action's description.
        let room = state.height - 4
        while lines.count > room, let blank = lines.firstIndex(where: { $0.text.isEmpty }) { lines.remove(at: blank) }
        while lines.count > room, lines.first?.style == .title || lines.first?.style == .dim { lines.removeFirst() }
        guard lines.count <= room else { return }
        let height = lines.count + 2
        let left = (state.width - width) / 2
        let top = max(1, (state.height - height) / 2)
        OverlayBox.draw(title: " Review last time's action ", top: top, left: left, width: width, height: height, titleLimit: width - 4, into: &grid)
        for (offset, line) in lines.enumerated() {
            if line.style == .selected { grid.restyle(row: top + 1 + offset, column: left + 2, count: inner, style: .selected) }
            grid.put(line.text, row: top + 1 + offset, column: left + 2, style: line.style, limit: inner)
        }
    }
}
