import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityRules

/// Answers prepared outside the workshop, for example from a survey, read from JSON or CSV: the board's
/// agreed answers, and members' views gathered beforehand.
///
/// JSON: `{"<criterion id>": "<answer>"}` (agreed answers), or `{"agreed": {...}, "views": {"<name>":
/// {"<criterion id>": "<answer>"}}}`. CSV: a header row naming the columns (see ``SheetColumns``), then
/// one row per criterion, or per person per criterion: a row that names a participant is that person's
/// view, a row without is the agreed answer. An empty answer leaves the criterion unanswered (or the
/// person passes).
public struct AnswerSheet: Sendable, Equatable {
    /// Agreed answers by criterion id.
    public var answers: [String: Answer]
    /// Notes by criterion id (CSV only).
    public var notes: [String: String]
    /// Members' views: by criterion id, each participant's answer.
    public var views: [String: [String: Answer]] = [:]
    /// Members' comments (CSV rows that name a participant and carry a note): by criterion id, in the
    /// sheet's order.
    public var comments: [String: [Comment]] = [:]
    /// The participants the sheet names, in the order first named, each once.
    public var participants: [String] = []

    /// A member's comment on a criterion.
    public struct Comment: Sendable, Equatable {
        /// Who made it.
        public var participant: String
        /// What they wrote.
        public var note: String

        /// Creates a comment.
        public init(participant: String, note: String) {
            self.participant = participant
            self.note = note
        }
    }

    /// Answer sheets larger than this are refused.
    public static let maximumFileSize = 4 << 20

    /// Creates a sheet of agreed answers and notes.
    public init(answers: [String: Answer], notes: [String: String]) {
        self.answers = answers
        self.notes = notes
    }

    /// Reads a sheet and checks every criterion id against `framework`; every problem is reported,
    /// one per line, as `FILE[:LINE]: message`.
    public static func read(_ data: Data, fileName: String, framework: Framework) throws(StoreError) -> AnswerSheet {
        let (text, trimmed) = try sheetText(data, fileName: fileName)
        let isJSON = fileName.lowercased().hasSuffix(".json") || trimmed.hasPrefix("{")
        let entries = isJSON ? try SheetJSON.entries(Data(text.utf8), fileName: fileName) : try csvEntries(text, fileName: fileName)
        return try check(entries, fileName: fileName, framework: framework)
    }

    /// The text of a sheet (answers or metric values): within ``maximumFileSize``, UTF-8, not empty, a
    /// leading byte-order mark dropped; with the same text trimmed of white space, to tell JSON from CSV.
    static func sheetText(_ data: Data, fileName: String) throws(StoreError) -> (text: String, trimmed: String) {
        guard data.count <= maximumFileSize else {
            throw StoreError("\(fileName): is \(data.count) bytes; at most \(maximumFileSize) are allowed")
        }
        guard !LocalFiles.isBinary(data), var text = String(validating: data, as: UTF8.self) else {
            throw StoreError("\(fileName): is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { throw StoreError("\(fileName): is empty") }
        return (text, trimmed)
    }

    /// One answer as read, before it is checked.
    struct Entry {
        /// Where it is, e.g. `survey.csv:12` or `survey.json: views.Ann`.
        var place: String
        /// The line, in a CSV sheet.
        var line: Int?
        /// Whose view it is; nil for an agreed answer.
        var participant: String?
        var criterion: String
        var answer: String
        var note: String?
    }

    private static func csvEntries(_ text: String, fileName: String) throws(StoreError) -> [Entry] {
        let rows: [CSVReader.Row]
        do {
            rows = try CSVReader.rows(text)
        } catch {
            throw StoreError("\(fileName):\(error.line): \(error.message)")
        }
        guard let header = rows.first else { throw StoreError("\(fileName): is empty") }
        let columns: SheetColumns
        switch SheetColumns.find(in: header.fields) {
        case let .success(found): columns = found
        case let .failure(problem): throw StoreError("\(fileName):\(header.line): \(problem.message)")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(rows.count)
        for row in rows.dropFirst() {
            guard row.fields.count == columns.count else {
                throw StoreError("\(fileName):\(row.line): \(row.fields.count) fields; the header has \(columns.count)")
            }
            let participant = columns.participant.map { row.fields[$0] }.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
            entries.append(Entry(
                place: "\(fileName):\(row.line)", line: row.line, participant: participant,
                criterion: row.fields[columns.criterion].trimmingSpaces(), answer: row.fields[columns.answer],
                note: columns.note.map { row.fields[$0] }))
        }
        return entries
    }

    /// An answer as people write it in sheets: the four words in any case, "not sure", or the words
    /// the workshop shows ("Yes, in place").
    static func answer(_ text: String) -> Answer? {
        if let answer = Answer(lenient: text) { return answer }
        let word = text.trimmingWhitespace().lowercased()
        return Answer.allCases.first { $0.label.lowercased() == word }
    }

    private static func check(_ entries: [Entry], fileName: String, framework: Framework) throws(StoreError) -> AnswerSheet {
        let criteria = SheetCriteria(framework)
        var sheet = AnswerSheet(answers: [:], notes: [:])
        // Where each agreed answer, note and view was first given, to name it when it is given again differently.
        var agreedAt: [String: String] = [:], noteAt: [String: String] = [:], viewAt: [String: [String: String]] = [:]
        var named: Set<String> = []
        var problems: [String] = []
        for entry in entries {
            let place = entry.place
            guard let criterion = criteria.id(for: entry.criterion) else {
                problems.append("\(place): unknown criterion '\(inert: entry.criterion)' (not in \(framework.id) \(framework.version))")
                continue
            }
            guard let whose = entry.participant else {
                if let note = entry.note?.trimmingWhitespace(), !note.isEmpty {
                    if note.count > Assessment.noteLimit {
                        problems.append("\(place): the note for '\(criterion)' is \(note.count) characters; "
                            + "at most \(Assessment.noteLimit) are allowed")
                    } else if let earlier = noteAt[criterion], sheet.notes[criterion] != note {
                        problems.append("\(place): criterion '\(criterion)' has another note \(earlier)")
                    } else {
                        sheet.notes[criterion] = note
                        noteAt[criterion] = "on \(place)"
                    }
                }
                if entry.answer.trimmingSpaces().isEmpty { continue }
                guard let answer = answer(entry.answer) else {
                    problems.append("\(place): '\(inert: entry.answer)' for '\(criterion)' is not an answer (use \(Answer.fileWordList))")
                    continue
                }
                if let earlier = agreedAt[criterion], let first = sheet.answers[criterion], first != answer {
                    problems.append("\(place): criterion '\(criterion)' is answered \(answer.rawValue) here but \(first.rawValue) \(earlier)")
                    continue
                }
                sheet.answers[criterion] = answer
                if agreedAt[criterion] == nil { agreedAt[criterion] = "on \(place)" }
                continue
            }
            let participant: String
            switch TypedName.checked(whose) {
            case let .success(name): participant = name
            case let .failure(problem):
                problems.append("\(place): the participant '\(inert: whose)' \(problem.sentence)")
                continue
            }
            if named.insert(participant).inserted { sheet.participants.append(participant) }
            if let note = entry.note?.trimmingWhitespace(), !note.isEmpty {
                sheet.comments[criterion, default: []].append(Comment(participant: participant, note: note))
            }
            if entry.answer.trimmingSpaces().isEmpty { continue }
            guard let view = answer(entry.answer) else {
                problems.append("\(place): '\(inert: entry.answer)' from '\(participant)' for '\(criterion)' is not an answer "
                    + "(use \(Answer.fileWordList))")
                continue
            }
            if let first = sheet.views[criterion]?[participant], first != view, let earlier = viewAt[criterion]?[participant] {
                problems.append("\(place): '\(participant)' gives \(view.rawValue) on '\(criterion)' here but \(first.rawValue) \(earlier)")
                continue
            }
            sheet.views[criterion, default: [:]][participant] = view
            if viewAt[criterion]?[participant] == nil { viewAt[criterion, default: [:]][participant] = "on \(place)" }
        }
        for (criterion, comments) in sheet.comments {
            let length = comments.reduce(0) { $0 + $1.participant.count + $1.note.count + 3 } + (sheet.notes[criterion]?.count ?? 0)
            if length > Assessment.noteLimit {
                problems.append("\(fileName): the notes and comments on '\(criterion)' come to \(length) characters; "
                    + "at most \(Assessment.noteLimit) are allowed")
            }
        }
        if !problems.isEmpty { throw StoreError(problems.joined(separator: "\n")) }
        return sheet
    }

    /// `assessment` with the sheet's answers, notes and views filed under their areas. Participants the
    /// sheet names who are not among the assessment's are added to them; each member's comment is added
    /// to the criterion's note as a line of its own (`Name: comment`). In an anonymous assessment the
    /// views are counted only, comments are added without names, and no participant is added.
    public func applied(to assessment: Assessment, framework: Framework) -> Assessment {
        var result = assessment
        let anonymous = assessment.anonymousViews
        if !anonymous {
            var known = Set(result.participants)
            for participant in participants where known.insert(participant).inserted { result.participants.append(participant) }
        }
        for area in framework.areas {
            var record = result[area: area.id]
            for criterion in area.criteria {
                if let answer = answers[criterion.id] { record.answers[criterion.id] = answer }
                var lines = notes[criterion.id].map { [$0] } ?? record.notes[criterion.id].map { [$0] } ?? []
                for comment in comments[criterion.id] ?? [] {
                    lines.append(anonymous ? comment.note : "\(comment.participant): \(comment.note)")
                }
                if !lines.isEmpty { record.notes[criterion.id] = lines.joined(separator: "\n") }
                guard let given = self.views[criterion.id], !given.isEmpty else { continue }
                var views = record.views[criterion.id] ?? CriterionViews()
                if anonymous {
                    views.unnamed = views.unnamed + Spread(given.values)
                } else {
                    views.named.merge(given) { _, new in new }
                }
                record.views[criterion.id] = views
            }
            result[area: area.id] = record
        }
        return result
    }
}

/// A sheet's criteria, found by id or by the question's words (as a survey tool writes the question
/// it asked): case, spaces, typographic quotes and a closing question mark aside.
struct SheetCriteria {
    private let ids: Set<String>
    private let byQuestion: [String: String]

    init(_ framework: Framework) {
        ids = Set(framework.allCriteria.map(\.id))
        var questions: [String: [String]] = [:]
        for criterion in framework.allCriteria { questions[Self.words(criterion.text), default: []].append(criterion.id) }
        // A question asked twice in the framework is found by id only.
        byQuestion = questions.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }

    /// The id of the criterion `text` names, or nil.
    func id(for text: String) -> String? {
        if ids.contains(text) { return text }
        return byQuestion[Self.words(text)]
    }

    private static func words(_ text: String) -> String {
        // Survey tools often make quotes and apostrophes typographic.
        let plain = String(text.lowercased().map { character -> Character in
            switch character {
            case "\u{2018}", "\u{2019}": "'"
            case "\u{201C}", "\u{201D}": "\""
            default: character
            }
        })
        var words = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.hasSuffix("?") || words.hasSuffix(" ") { words.removeLast() }
        return words
    }
}
