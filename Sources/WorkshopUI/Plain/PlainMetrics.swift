import FoundationEssentials
import MaturityFramework
import MaturityModel
import MaturityStore

/// Plain mode's metrics of an area (`m` at its questions and actions): each metric's title and unit,
/// last time's value, then its value, period, source and note, Enter skipping or keeping each.
extension PlainWorkshop {
    /// "Metrics: 5 to record for this area, 2 recorded; m at a question or the actions records them.",
    /// said after an area's stages; nil when the area has none.
    func metricsOffer(for area: Area) -> String? {
        guard !area.metrics.isEmpty else { return nil }
        let recorded = area.metrics.filter { reading(of: $0.id) != nil }.count
        let count = area.metrics.count == 1 ? "1 metric" : "\(area.metrics.count) metrics"
        if assessment.isReadOnly { return "Metrics: \(count), \(recorded) recorded; m lists them." }
        return "Metrics: \(count) to record for this area, \(recorded) recorded; m at a question or at the actions records them."
    }

    /// The reading recorded for metric `id`, if any.
    func reading(of id: String) -> MetricReading? {
        assessment.metrics.first { $0.metricID == id }
    }

    /// The value recorded for metric `id` in the assessment this one was carried forward from, if any:
    /// the earlier assessment named by ``Assessment/lastTime`` among the system's history.
    func lastTimeReading(of id: String) -> (date: CalendarDate, reading: MetricReading)? {
        guard let last = assessment.lastTime else { return nil }
        let named = earlier.first { URL(fileURLWithPath: $0.file).lastPathComponent == last.file && $0.assessment.date == last.date }
        let source = named ?? earlier.filter { $0.assessment.date == last.date }.first
        guard let reading = source?.assessment.metrics.first(where: { $0.metricID == id }) else { return nil }
        return (last.date, reading)
    }

    /// `m`: asks each of the area's metrics in turn (read-only: says them).
    mutating func recordMetrics(of area: Area) throws {
        guard !area.metrics.isEmpty else {
            say("This area has no metrics to record.")
            return
        }
        say("Metrics of \(inert: area.shortTitle)" + (assessment.isReadOnly ? ":" : ": Enter skips a metric or keeps what is recorded; . stops."))
        for (index, metric) in area.metrics.enumerated() {
            say("Metric \(index + 1) of \(area.metrics.count): \(inert: metric.title), in \(inert: metric.unit) "
                + "(\(metric.directionText)).")
            if let last = lastTimeReading(of: metric.id) {
                say("Last time (\(last.date)): \(Self.describe(last.reading)).")
            }
            if assessment.isReadOnly {
                say("Recorded: \(reading(of: metric.id).map(Self.describe) ?? "nothing").")
                continue
            }
            guard try recordMetric(metric) else { break }
        }
        let recorded = area.metrics.filter { reading(of: $0.id) != nil }.count
        say("\(recorded) of \(area.metrics.count) metrics of \(inert: area.shortTitle) recorded.")
    }

    /// Asks one metric's value, then its period, source and note; false when the user typed `.` to stop.
    private mutating func recordMetric(_ metric: Metric) throws -> Bool {
        let current = reading(of: metric.id)
        var reading: MetricReading
        while true {
            let keep = current.map { "Enter keeps \($0.value); - removes it" } ?? "Enter skips it"
            let reply = try prompt("Value, a number in \(inert: metric.unit) (\(keep); . stops): ")
            if reply == "." { return false }
            if reply.isEmpty {
                guard let current else { return true }
                reading = current
                break
            }
            if reply == "-" {
                guard current != nil else {
                    say("There is no value to remove.")
                    continue
                }
                assessment.metrics.removeAll { $0.metricID == metric.id }
                persist()
                say("Removed.")
                return true
            }
            do {
                let value = try ExactDecimal.parse(reply)
                reading = current ?? MetricReading(metricID: metric.id, value: value, unit: metric.unit)
                reading.value = value
                reading.unit = metric.unit
                store(reading)
                break
            } catch {
                say("Not recorded: \(error.message).")
            }
        }
        reading.period = try askMetricText("Period, e.g. 2025/26", field: \.period, of: reading)
        store(reading)
        reading.source = try askMetricText("Source", field: \.source, of: reading)
        store(reading)
        reading.note = try askMetricText("Note", field: \.note, of: reading)
        store(reading)
        say("Recorded: \(Self.describe(reading)).")
        return true
    }

    /// Asks one text of a reading: Enter keeps it (or leaves none), `-` removes it; a text the file would
    /// refuse (``MetricFile/problem(_:)``: too long, or blank) is said and asked again.
    private func askMetricText(_ label: String, field: WritableKeyPath<MetricReading, String?>,
                               of reading: MetricReading) throws -> String? {
        while true {
            let current = reading[keyPath: field]
            let keep = current.map { $0.count <= 60 ? "Enter keeps \"\(inert: $0)\"; - removes it" : "Enter keeps it; - removes it" }
                ?? "Enter for none"
            let reply = try prompt("\(label) (\(keep)): ")
            if reply.isEmpty { return current }
            if reply == "-" { return nil }
            var candidate = reading
            candidate[keyPath: field] = reply
            if let problem = MetricFile.problem(candidate) {
                say("Not kept: the \(problem.replacing(": ", with: " ", maxReplacements: 1)); type it again, or press Enter.")
                continue
            }
            return reply
        }
    }

    /// Puts `reading` in place of the metric's earlier reading (or after the others) and saves.
    private mutating func store(_ reading: MetricReading) {
        if let index = assessment.metrics.firstIndex(where: { $0.metricID == reading.metricID }) {
            assessment.metrics[index] = reading
        } else {
            assessment.metrics.append(reading)
        }
        persist()
    }

    /// "41,200 tCO2e, 2025/26, from the ICS green plan; note: …" as plain mode says a reading.
    static func describe(_ reading: MetricReading) -> String {
        var text = "\(reading.value) \(inert: reading.unit)"
        if let period = reading.period { text += ", \(inert: period)" }
        if let source = reading.source { text += ", from \(inert: source)" }
        if let note = reading.note { text += "; note: \(PlainText.lines(of: note).joined(separator: " / "))" }
        return text
    }
}
