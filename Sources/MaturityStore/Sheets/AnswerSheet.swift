import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityRules

/// Answers prepared outside the workshop, for example from a survey, read from JSON or CSV.
///
/// JSON: `{"<criterion id>": "<answer>"}`. CSV: a header row `criterion,answer` or
/// `criterion,answer,note`, then one row per criterion. An empty answer leaves the criterion unanswered.
public struct AnswerSheet: Sendable, Equatable {
    /// Answers by criterion id.
    public var answers: [String: Answer]
    /// Notes by criterion id (CSV only).
    public var notes: [String: String]

    /// Answer sheets larger than this are refused.
    public static let maximumFileSize = 4 << 20

    /// Reads a sheet and checks every criterion id against `framework`; every problem is reported,
    /// one per line, as `FILE[:LINE]: message`.
    public static func read(_ data: Data, fileName: String, framework: Framework) throws(StoreError) -> AnswerSheet {
        guard data.count <= maximumFileSize else {
            throw StoreError("\(fileName): is \(data.count) bytes; at most \(maximumFileSize) are allowed")
        }
        guard !LocalFiles.isBinary(data), var text = String(validating: data, as: UTF8.self) else {
            throw StoreError("\(fileName): is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { throw StoreError("\(fileName): is empty") }
        let isJSON = fileName.lowercased().hasSuffix(".json") || trimmed.hasPrefix("{")
        let entries = isJSON ? try jsonEntries(data, fileName: fileName) : try csvEntries(text, fileName: fileName)
        return try check(entries, fileName: fileName, framework: framework)
    }

    private struct Entry {
        var line: Int?
        var criterion: String
        var answer: String
        var note: String?
    }

    private static func jsonEntries(_ data: Data, fileName: String) throws(StoreError) -> [Entry] {
        let map: [String: SheetValue]
        do {
            map = try JSONDecoder().decode([String: SheetValue].self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw StoreError("\(fileName): is not valid JSON")
        } catch {
            throw StoreError("\(fileName): must be a JSON object of criterion id to answer, e.g. {\"econ-emerging-plan-reviewed\": \"yes\"}")
        }
        var entries: [Entry] = []
        for (criterion, value) in map.sorted(by: { $0.key < $1.key }) {
            guard case let .text(answer) = value else {
                throw StoreError("\(fileName): the answer to '\(inert: criterion)' must be text: \(Answer.fileWordList)")
            }
            entries.append(Entry(line: nil, criterion: criterion, answer: answer))
        }
        return entries
    }

    /// A value of a JSON answer sheet: text, or anything else (refused with its criterion named).
    private enum SheetValue: Decodable {
        case text(String)
        case other

        init(from decoder: any Decoder) throws {
            self = (try? decoder.singleValueContainer().decode(String.self)).map(SheetValue.text) ?? .other
        }
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
        guard names == ["criterion", "answer"] || names == ["criterion", "answer", "note"] else {
            throw StoreError("\(fileName):\(header.line): the first row must be the header criterion,answer or criterion,answer,note")
        }
        var entries: [Entry] = []
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                throw StoreError("\(fileName):\(row.line): \(row.fields.count) fields; the header has \(names.count)")
            }
            entries.append(Entry(
                line: row.line, criterion: row.fields[0].trimmingSpaces(),
                answer: row.fields[1], note: names.count == 3 ? row.fields[2] : nil))
        }
        return entries
    }

    private static func check(_ entries: [Entry], fileName: String, framework: Framework) throws(StoreError) -> AnswerSheet {
        let known = Set(framework.allCriteria.map(\.id))
        var sheet = AnswerSheet(answers: [:], notes: [:])
        var seen: Set<String> = []
        var problems: [String] = []
        for entry in entries {
            let place = entry.line.map { "\(fileName):\($0)" } ?? fileName
            guard known.contains(entry.criterion) else {
                problems.append("\(place): unknown criterion '\(inert: entry.criterion)' (not in \(framework.id) \(framework.version))")
                continue
            }
            guard seen.insert(entry.criterion).inserted else {
                problems.append("\(place): criterion '\(inert: entry.criterion)' is answered twice")
                continue
            }
            if let note = entry.note?.trimmingWhitespace(), !note.isEmpty {
                guard note.count <= Assessment.noteLimit else {
                    problems.append("\(place): the note for '\(entry.criterion)' is \(note.count) characters; "
                        + "at most \(Assessment.noteLimit) are allowed")
                    continue
                }
                sheet.notes[entry.criterion] = note
            }
            if entry.answer.trimmingSpaces().isEmpty { continue }
            guard let answer = Answer(lenient: entry.answer) else {
                problems.append("\(place): '\(inert: entry.answer)' for '\(inert: entry.criterion)' is not an answer (use \(Answer.fileWordList))")
                continue
            }
            sheet.answers[entry.criterion] = answer
        }
        if !problems.isEmpty { throw StoreError(problems.joined(separator: "\n")) }
        return sheet
    }

    /// `assessment` with the sheet's answers and notes filed under their areas.
    public func applied(to assessment: Assessment, framework: Framework) -> Assessment {
        var result = assessment
        for area in framework.areas {
            var record = result[area: area.id]
            for criterion in area.criteria {
                if let answer = answers[criterion.id] { record.answers[criterion.id] = answer }
                if let note = notes[criterion.id] { record.notes[criterion.id] = note }
            }
            result[area: area.id] = record
        }
        return result
    }
}
