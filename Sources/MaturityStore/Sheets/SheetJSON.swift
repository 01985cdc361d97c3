import FoundationEssentials
import MaturityFramework
import MaturityRules

/// The two JSON forms of an answer sheet: flat, `{"<criterion id>": "<answer>"}` (agreed answers), or
/// `{"agreed": {"<criterion id>": "<answer>"}, "views": {"<participant>": {"<criterion id>": "<answer>"}}}`.
enum SheetJSON {
    /// The sheet's answers, agreed and by participant, in order of criterion and name.
    static func entries(_ data: Data, fileName: String) throws(StoreError) -> [AnswerSheet.Entry] {
        let map: [String: Value]
        do {
            map = try JSONDecoder().decode([String: Value].self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw StoreError("\(fileName): is not valid JSON")
        } catch {
            throw StoreError("\(fileName): must be a JSON object of criterion id to answer, e.g. {\"econ-emerging-plan-reviewed\": \"yes\"}, "
                + "or {\"agreed\": {...}, \"views\": {\"<participant>\": {...}}}")
        }
        if let repeated = JSONRepeatedKeys.first(in: Array(data)) {
            throw StoreError("\(fileName): '\(inert: repeated)' is given more than once in the same object; "
                + "give each criterion and each participant once")
        }
        let isSplit = map.contains { key, value in
            guard case .object = value else { return false }
            return key == "agreed" || key == "views"
        }
        guard isSplit else { return try answers(map, place: fileName, participant: nil) }
        var entries: [AnswerSheet.Entry] = []
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            guard key == "agreed" || key == "views", case let .object(inner) = value else {
                throw StoreError("\(fileName): '\(inert: key)' is neither \"agreed\" nor \"views\", each an object "
                    + "(a sheet is either {criterion: answer} or {\"agreed\": {...}, \"views\": {...}})")
            }
            if key == "agreed" {
                entries += try answers(inner, place: "\(fileName): agreed", participant: nil)
                continue
            }
            for (name, views) in inner.sorted(by: { $0.key < $1.key }) {
                guard case let .object(given) = views else {
                    throw StoreError("\(fileName): views.\(inert: name): must be an object of criterion id to answer")
                }
                entries += try answers(given, place: "\(fileName): views.\(inert: name)", participant: name)
            }
        }
        return entries
    }

    /// The answers of one object of criterion id to answer (text).
    private static func answers(_ map: [String: Value], place: String, participant: String?) throws(StoreError) -> [AnswerSheet.Entry] {
        var entries: [AnswerSheet.Entry] = []
        for (criterion, value) in map.sorted(by: { $0.key < $1.key }) {
            guard case let .text(answer) = value else {
                throw StoreError("\(place): the answer to '\(inert: criterion)' must be text: \(Answer.fileWordList)")
            }
            entries.append(AnswerSheet.Entry(place: place, line: nil, participant: participant, criterion: criterion, answer: answer))
        }
        return entries
    }

    /// A value of a JSON answer sheet: text, an object, or anything else (refused with its place named).
    enum Value: Decodable {
        case text(String)
        case object([String: Value])
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else if let object = try? container.decode([String: Value].self) {
                self = .object(object)
            } else {
                self = .other
            }
        }
    }
}
