import CellGrid
import MaturityFramework
import MaturityModel

/// An area's baseline metrics (step 1 of the framework's four): each metric with its recorded value
/// and unit (or "not recorded"), period and source; then the selected one's reading, last time's value
/// and the change, what to count and the board's note. The list stays in view; the details give way.
enum MetricsScreen {
    static func draw(_ state: WorkshopState, area areaIndex: Int, selection: Int, into body: inout BodyWriter) {
        let area = state.framework.areas[areaIndex]
        let metrics = area.metrics
        guard !metrics.isEmpty else { return }
        let selected = max(0, min(selection, metrics.count - 1))
        let recorded = metrics.filter { state.assessment?.reading(of: $0.id) != nil }.count
        body.line()
        body.paragraph(area.title, style: .dim)
        body.line("Step 1 · baseline metrics · \(recorded) of \(metrics.count) recorded · nothing here is required", style: .accent)
        body.line()
        let rows = metrics.map { listRows($0, reading: state.assessment?.reading(of: $0.id), width: body.width) }
        let details = detailLines(state, metric: metrics[selected], width: body.width)
        // The list keeps at least the selected metric in view; the details keep three rows when they can.
        let listBudget = max(rows[selected].count, body.remainingRows - min(details.count + 1, 4))
        let (first, last) = window(rows.map(\.count), selected: selected, budget: listBudget)
        if first > 0 { body.line("↑ \(first) more metric\(first == 1 ? "" : "s")", style: .dim, indent: 2) }
        for index in first...last {
            for (offset, line) in rows[index].enumerated() {
                let isSelected = index == selected
                let style: Style = offset == 0 ? (isSelected ? .selected : .plain) : .dim
                body.line((offset == 0 ? (isSelected ? "▸ " : "  ") : "    ") + line, style: style, fillRow: isSelected && offset == 0)
            }
        }
        if last < metrics.count - 1 {
            let more = metrics.count - 1 - last
            body.line("↓ \(more) more metric\(more == 1 ? "" : "s"): ↓ shows them", style: .dim, indent: 2)
        }
        guard body.remainingRows > 1 else { return }
        body.line()
        let room = body.remainingRows
        for (offset, line) in details.enumerated() {
            if offset == room - 1, details.count > room {
                body.line("… (a larger terminal shows the rest)", style: .dim)
                break
            }
            body.line(line.text, style: line.style, indent: line.indent)
        }
    }

    /// One metric in the list: its title and value on the first row, its period and source below.
    private static func listRows(_ metric: Metric, reading: MetricReading?, width: Int) -> [String] {
        // A reading keeps the unit it was recorded in, which a later framework may have changed.
        let value = reading.map { "\($0.value) \($0.unit)" } ?? "not recorded"
        let room = max(1, width - 2)
        let shownValue = TextFit.truncate(value, to: max(1, room / 2))
        let first = TextFit.pad(metric.title, to: max(1, room - TextWidth.of(shownValue)), gap: 2) + shownValue
        let origin = [reading?.period, reading?.source.map { "source: \($0)" }].compactMap { $0 }
        guard !origin.isEmpty else { return [first] }
        return [first, TextFit.truncate(origin.joined(separator: " · "), to: max(1, width - 4))]
    }

    /// The metrics shown, first to last, so that `selected` is in view within `budget` rows (a row each
    /// for the markers of metrics above and below).
    private static func window(_ heights: [Int], selected: Int, budget: Int) -> (Int, Int) {
        if heights.reduce(0, +) <= budget { return (0, heights.count - 1) }
        var first = selected
        var last = selected
        var used = heights[selected] + 2
        while true {
            if last + 1 < heights.count, used + heights[last + 1] <= budget {
                last += 1
                used += heights[last]
            } else if first > 0, used + heights[first - 1] <= budget {
                first -= 1
                used += heights[first]
            } else {
                return (first, last)
            }
        }
    }

    /// The selected metric in full: its title, this time's reading, last time's and the change, what to
    /// count, and the note.
    private static func detailLines(_ state: WorkshopState, metric: Metric, width: Int) -> [BodyLines.Line] {
        var lines = BodyLines(width: width)
        lines.paragraph(metric.title + " (\(metric.unit); \(metric.directionText))", style: .title)
        let reading = state.assessment?.reading(of: metric.id)
        if let reading {
            var text = "Recorded: \(reading.value) \(reading.unit)"
            if let period = reading.period { text += " for \(period)" }
            if let source = reading.source { text += ", from \(source)" }
            lines.paragraph(text + ".")
        } else {
            lines.paragraph("Not recorded. Enter records a value; → goes on to the questions.", style: .dim)
        }
        if let last = state.lastTimeReading(of: metric.id) {
            lines.paragraph(lastTimeText(last, now: reading, metric: metric, date: state.assessment?.date))
        }
        if let description = metric.description { lines.paragraph(description, style: .dim) }
        if let note = reading?.note { lines.paragraph("Note: " + note) }
        return lines.lines
    }

    /// "Last time (2025-11-20): 43000 tCO2e a year · now 1800 lower (better; lower is better)".
    static func lastTimeText(_ last: (date: CalendarDate, reading: MetricReading), now: MetricReading?, metric: Metric,
                             date: CalendarDate?) -> String {
        var text = "Last time (\(last.date)): \(last.reading.value) \(last.reading.unit)"
        guard let now, let date else { return text }
        let series = MetricSeries(metricID: metric.id, higherIsBetter: metric.higherIsBetter,
                                  points: [.init(date: last.date, reading: last.reading), .init(date: date, reading: now)])
        guard let change = series.changes.last ?? nil else { return text }
        let magnitude = change.difference.description.hasPrefix("-") ? String(change.difference.description.dropFirst())
            : change.difference.description
        switch change.direction {
        case .unchanged: text += " · now unchanged"
        case .better, .worse:
            let way = change.difference.signum > 0 ? "higher" : "lower"
            text += " · now \(magnitude) \(way) (\(change.direction.rawValue); \(metric.directionText))"
        }
        return text
    }
}

extension WorkshopState {
    /// Last time's reading of metric `metricID`: from the earlier assessment this one was carried forward
    /// from (``Assessment/lastTime``, the source of last time's answers on the questions), as the store's
    /// index holds it in full; nil when there is none, or the index no longer holds that assessment.
    func lastTimeReading(of metricID: String) -> (date: CalendarDate, reading: MetricReading)? {
        guard let last = assessment?.lastTime, let carryable = storeIndex?.carryable else { return nil }
        for (path, earlier) in carryable where path.split(separator: "/").last.map(String.init) == last.file && earlier.date == last.date {
            if let reading = earlier.metrics.last(where: { $0.metricID == metricID }) { return (last.date, reading) }
        }
        return nil
    }
}
