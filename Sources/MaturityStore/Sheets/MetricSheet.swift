import FoundationEssentials
import MaturityFramework
import MaturityModel

/// Metric values to record with an assessment (`maturity new --metrics FILE`), from CSV with a header
/// row `metric,value[,unit,period,source,note]` (any order, any case) or JSON: a list of objects with
/// the same keys, or an object from metric id to a value or to such an object. Every value is checked
/// against the framework: a known metric, an exact decimal, the framework's unit.
public enum MetricSheet {
    /// Reads the readings in `data` (named `fileName` in messages) for `framework`; throws one line per
    /// problem, naming the file and the line or key.
    public static func read(_ data: Data, fileName: String, framework: Framework) throws(StoreError) -> [MetricReading] {
        let (text, trimmed) = try AnswerSheet.sheetText(data, fileName: fileName)
        let isJSON = fileName.lowercased().hasSuffix(".json") || trimmed.hasPrefix("{") || trimmed.hasPrefix("[")
        let entries = isJSON ? try jsonEntries(Data(text.utf8), fileName: fileName) : try csvEntries(text, fileName: fileName)
        var readings: [MetricReading] = [], seen: Set<String> = []
        for entry in entries {
            let reading = try check(entry, framework: framework)
            guard seen.insert(reading.metricID).inserted else { throw StoreError("\(entry.place): metric '\(inert: entry.metric)' is given twice") }
            readings.append(reading)
        }
        return readings
    }

    /// One value as read, before it is checked.
    struct Entry {
        var place: String
        var metric: String
        var value: String
        var unit: String?, period: String?, source: String?, note: String?
    }

    private static func check(_ entry: Entry, framework: Framework) throws(StoreError) -> MetricReading {
        let id = entry.metric.trimmingSpaces()
        guard let metric = framework.metric(id: id) else {
            let known = framework.allMetrics.map(\.id)
            throw StoreError("\(entry.place): no metric '\(inert: id)' in the framework"
                + (known.isEmpty ? " (it names none)" : "; metrics: " + known.joined(separator: ", ")))
        }
        let value: ExactDecimal
        do {
            value = try ExactDecimal.parse(entry.value)
        } catch {
            throw StoreError("\(entry.place): \(id): \(error.message)")
        }
        let unit = entry.unit.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 } ?? metric.unit
        guard unit == metric.unit else {
            throw StoreError("\(entry.place): \(id): unit '\(inert: unit)' differs from the framework's '\(metric.unit)'")
        }
        var reading = MetricReading(metricID: id, value: value, unit: unit)
        reading.period = try text(entry.period, "period", entry)
        reading.source = try text(entry.source, "source", entry)
        reading.note = try text(entry.note, "note", entry, limit: Assessment.noteLimit, oneLine: false)
        if let problem = MetricFile.problem(reading) { throw StoreError("\(entry.place): \(id): \(problem)") }
        return reading
    }

    private static func text(_ value: String?, _ field: String, _ entry: Entry, limit: Int = MetricFile.textLimit,
                             oneLine: Bool = true) throws(StoreError) -> String? {
        guard let text = value?.trimmingSpaces(), !text.isEmpty else { return nil }
        guard text.count <= limit else { throw StoreError("\(entry.place): \(field) is \(text.count) characters; at most \(limit)") }
        guard !oneLine || !text.contains(where: \.isNewline) else { throw StoreError("\(entry.place): \(field) must be one line") }
        return text
    }

    private static func csvEntries(_ text: String, fileName: String) throws(StoreError) -> [Entry] {
        let rows: [CSVReader.Row]
        do {
            rows = try CSVReader.rows(text)
        } catch {
            throw StoreError("\(fileName):\(error.line): \(error.message)")
        }
        guard let header = rows.first else { throw StoreError("\(fileName): is empty") }
        let names = header.fields.map { $0.trimmingSpaces().lowercased() }
        func column(_ name: String) throws(StoreError) -> Int? {
            let found = names.indices.filter { names[$0] == name }
            guard found.count <= 1 else { throw StoreError("\(fileName):\(header.line): the column '\(name)' appears twice") }
            return found.first
        }
        guard let metric = try column("metric"), let value = try column("value") else {
            throw StoreError("\(fileName):\(header.line): the header must name the columns metric and value (and may add unit, period, source, note)")
        }
        let unit = try column("unit"), period = try column("period"), source = try column("source"), note = try column("note")
        return rows.dropFirst().map { row in
            func field(_ index: Int?) -> String? { index.flatMap { $0 < row.fields.count ? row.fields[$0] : nil } }
            return Entry(place: "\(fileName):\(row.line)", metric: field(metric) ?? "", value: field(value) ?? "",
                         unit: field(unit), period: field(period), source: field(source), note: field(note))
        }
    }

    /// A value in JSON: text (which keeps the places typed) or a number.
    private struct JSONValue: Decodable {
        var text: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self.text = text
            } else {
                // A JSON number: whole ones as written; write a value as text to keep its places ("12.50").
                let number = try container.decode(Double.self)
                text = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
            }
        }
    }

    private struct JSONEntry: Decodable {
        var metric: String?
        var value: JSONValue
        var unit: String?, period: String?, source: String?, note: String?
    }

    private enum JSONForm: Decodable {
        case list([JSONEntry])
        case map([String: JSONEntryOrValue])
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([JSONEntry].self) { self = .list(list) } else { self = .map(try container.decode([String: JSONEntryOrValue].self)) }
        }
    }

    private enum JSONEntryOrValue: Decodable {
        case entry(JSONEntry)
        case value(JSONValue)
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(JSONValue.self) { self = .value(value) } else { self = .entry(try container.decode(JSONEntry.self)) }
        }
    }

    private static func jsonEntries(_ data: Data, fileName: String) throws(StoreError) -> [Entry] {
        let form: JSONForm
        do {
            form = try JSONDecoder().decode(JSONForm.self, from: data)
        } catch {
            throw StoreError("\(fileName): is not a list of {\"metric\", \"value\", …} objects, nor an object from metric ids to values")
        }
        switch form {
        case let .list(list):
            return list.enumerated().map { index, item in
                Entry(place: "\(fileName): [\(index)]", metric: item.metric ?? "", value: item.value.text,
                      unit: item.unit, period: item.period, source: item.source, note: item.note)
            }
        case let .map(map):
            return map.keys.sorted().map { key in
                switch map[key] {
                case let .entry(item)?:
                    Entry(place: "\(fileName): \(inert: key)", metric: key, value: item.value.text,
                          unit: item.unit, period: item.period, source: item.source, note: item.note)
                case let .value(value)?:
                    Entry(place: "\(fileName): \(inert: key)", metric: key, value: value.text)
                case nil:
                    Entry(place: "\(fileName): \(inert: key)", metric: key, value: "")
                }
            }
        }
    }
}
