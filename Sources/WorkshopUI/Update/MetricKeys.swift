import CellGrid
import MaturityFramework
import MaturityModel

/// Keys of an area's metrics step and of the form for one metric's reading. The step is skippable:
/// → goes on, and nothing on it is required.
enum MetricKeys {
    /// ↑↓ choose a metric, Enter or e opens its form, `d` twice removes its reading.
    static func handle(_ key: Key, area: Int, selection: Int, in state: inout WorkshopState) -> [Reaction] {
        let metrics = state.framework.areas[area].metrics
        guard !metrics.isEmpty else { return key == .enter ? [.move(1)] : [] }
        let selection = max(0, min(selection, metrics.count - 1))
        switch key {
        case .down, .up:
            let next = (selection + (key == .down ? 1 : metrics.count - 1)) % metrics.count
            state.screen = .metrics(area: area, selection: next)
            return []
        case .home:
            state.screen = .metrics(area: area, selection: 0)
            return []
        case .end:
            state.screen = .metrics(area: area, selection: metrics.count - 1)
            return []
        case .enter, .character("e"), .character("E"):
            guard !state.refusesChanges() else { return [] }
            let reading = state.assessment?.reading(of: metrics[selection].id)
            state.overlay = .editor(.metric(area: area, metric: selection, form: MetricForm(reading)))
            return []
        case .character("d"), .character("D"), .delete:
            guard !state.refusesChanges() else { return [] }
            guard state.assessment?.reading(of: metrics[selection].id) != nil else {
                state.message = .init("Nothing is recorded for this metric; Enter records a value.")
                return []
            }
            state.overlay = .confirmingMetricDelete(area: area, metric: selection)
            state.message = .init("Press d again to remove this metric's reading; any other key keeps it.", isProblem: true)
            return []
        default:
            return []
        }
    }

    /// The second `d`: removes the reading of metric `metric` of area `area`.
    static func delete(area: Int, metric: Int, in state: inout WorkshopState) -> [Reaction] {
        guard let id = state.framework.areas[safe: area]?.metrics[safe: metric]?.id,
              state.assessment?.reading(of: id) != nil, !state.refusesChanges() else { return [] }
        state.assessment?.metrics.removeAll { $0.metricID == id }
        state.message = .init("Metric reading removed.")
        return [.changed]
    }

    /// Keys in the form: Tab, ↓ or Enter go to the next field (Enter on the note saves), Shift-Tab or ↑
    /// back; Esc saves and closes. A value that is not a number is refused inside the form, with
    /// everything typed kept; Esc again then closes without saving.
    static func form(_ key: Key, area: Int, metric index: Int, form: MetricForm, in state: inout WorkshopState) -> [Reaction] {
        guard let metric = state.framework.areas[safe: area]?.metrics[safe: index] else { return [] }
        var form = form
        let escapeDiscards = form.escapeDiscards
        form.escapeDiscards = false
        switch key {
        case .escape where escapeDiscards:
            state.message = .init("Not saved; the metric's reading is as it was.")
            return []
        case .escape:
            return save(form, area: area, metric: metric, index: index, escaped: true, &state)
        case .enter where form.focus == .note:
            return save(form, area: area, metric: metric, index: index, escaped: false, &state)
        case .tab, .down, .enter:
            form.problem = nil
            form.focus = form.focus.next
        case .backTab, .up:
            form.problem = nil
            form.focus = form.focus.previous
        default:
            var field = form[form.focus]
            let before = field.revision
            _ = field.handle(key, width: 0)
            if field.wasCut, field.revision == before {
                form.problem = "\(form.focus.label) is at its limit of \(field.limit) characters; the rest was not added."
            } else if field.revision != before {
                form.problem = nil
            }
            form[form.focus] = field
        }
        state.overlay = .editor(.metric(area: area, metric: index, form: form))
        return []
    }

    /// Writes the form's reading into the assessment, replacing the metric's earlier one, or refuses it
    /// with the form left open and nothing typed lost. An empty form closes with nothing recorded.
    private static func save(_ form: MetricForm, area: Int, metric: Metric, index: Int, escaped: Bool,
                             _ state: inout WorkshopState) -> [Reaction] {
        var form = form
        if form.isEmpty, state.assessment?.reading(of: metric.id) == nil {
            state.message = .init("Nothing recorded for this metric.")
            return []
        }
        guard !state.refusesChanges() else { return [] }
        switch form.reading(for: metric) {
        case let .failure(refusal):
            form.focus = refusal.field
            form.problem = refusal.message + (escaped ? " Esc again closes without saving." : "")
            form.escapeDiscards = escaped
            state.overlay = .editor(.metric(area: area, metric: index, form: form))
            return []
        case let .success(reading):
            state.assessment?.record(reading, order: state.framework.allMetrics.map(\.id))
            if state.storeFailing {
                // The store's own answer (where the rescue copy is) becomes the message.
                state.message = nil
            } else {
                state.message = .init("Metric recorded.", onceSaved: "Metric saved.")
            }
            return [.changed]
        }
    }
}

extension Assessment {
    /// The reading recorded for metric `metricID`, if any.
    func reading(of metricID: String) -> MetricReading? {
        metrics.last { $0.metricID == metricID }
    }

    /// Records `reading` in place of its metric's earlier one, keeping the readings in `order` (ids not in
    /// it after the rest).
    mutating func record(_ reading: MetricReading, order: [String]) {
        metrics.removeAll { $0.metricID == reading.metricID }
        metrics.append(reading)
        let rank = { (id: String) in order.firstIndex(of: id) ?? order.count }
        metrics = metrics.enumerated().sorted { (rank($0.element.metricID), $0.offset) < (rank($1.element.metricID), $1.offset) }
            .map(\.element)
    }
}
