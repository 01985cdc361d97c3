import MaturityModel
import MaturityRules

/// Members' views as the assessment file keeps them, per area: `"views": {"<criterion>": {"named":
/// {"<participant>": "yes"}, "unnamed": {"no": 0, "partly": 0, "unsure": 0, "yes": 1}, "dissent":
/// [{"note": "...", "participant": "Ann"}]}}`, every key omitted when empty (so files without views are
/// written as before). The checks here are shared by the decoder and the glance reader, so that both
/// refuse the same files.
extension AssessmentFile {
    /// The largest count of unnamed views of one answer a file may hold (far above any board or survey;
    /// it keeps sums of counts far from overflowing).
    public static let maximumViewCount = 1_000_000

    /// Why `note` cannot be a dissent's note (empty, longer than ``Dissent/noteLimit`` characters, or
    /// more than one line), or nil when it can.
    static func dissentProblem(_ note: String) -> String? {
        if note.trimmingSpaces().isEmpty { return "must not be empty" }
        if note.contains(where: \.isNewline) { return "must be one line" }
        let count = note.count
        if count > Dissent.noteLimit { return "is \(count) characters; at most \(Dissent.noteLimit) are allowed" }
        return nil
    }

    /// `number` as a count of views, or why it cannot be one (not a whole number from 0 to ``maximumViewCount``).
    static func count(_ number: Double) -> Result<Int, AssessmentFileError> {
        guard number >= 0, number <= Double(maximumViewCount), number == number.rounded(.towardZero) else {
            let written = number.isFinite && number == number.rounded(.towardZero) && abs(number) < 1e15
                ? String(Int(number)) : number.description
            return .failure(.init("\(written) is not a count of views (a whole number from 0 to \(maximumViewCount))"))
        }
        return .success(Int(number))
    }

    /// The views of one area as written: nil when there are none (the key is then left out).
    static func wireViews(_ views: [String: CriterionViews]) -> [String: Document.Views]? {
        var wire: [String: Document.Views] = [:]
        for (criterion, views) in views where !views.isEmpty {
            wire[criterion] = Document.Views(
                dissent: views.dissents.isEmpty ? nil : views.dissents.map { Document.Dissent(note: $0.note, participant: $0.participant) },
                named: views.named.isEmpty ? nil : views.named.mapValues(\.rawValue),
                unnamed: views.unnamed.total == 0 ? nil : Document.Counts(views.unnamed))
        }
        return wire.isEmpty ? nil : wire
    }

    /// The views of the area `areaID` as read, checked; criteria whose views hold nothing are left out.
    /// `anonymous` files may hold no names.
    static func modelViews(_ wire: [String: Document.Views]?, areaID: String, anonymous: Bool)
        throws(AssessmentFileError) -> [String: CriterionViews] {
        var result: [String: CriterionViews] = [:]
        for (criterion, entry) in (wire ?? [:]).sorted(by: { $0.key < $1.key }) {
            let path = "areas.\(areaID).views.\(criterion)"
            var views = CriterionViews()
            for (participant, text) in (entry.named ?? [:]).sorted(by: { $0.key < $1.key }) {
                if participant.trimmingSpaces().isEmpty { throw .init("\(path).named: a participant's name must not be empty") }
                if anonymous {
                    throw .init("\(path).named.\(participant): an anonymous assessment (anonymousViews) keeps no names")
                }
                guard let answer = Answer(rawValue: text) else {
                    throw .init("\(path).named.\(participant): '\(text)' is not \(Answer.fileWordList)")
                }
                views.named[participant] = answer
            }
            if let counts = entry.unnamed {
                for (answer, number) in counts.pairs {
                    switch count(number ?? 0) {
                    case let .success(count): views.unnamed[answer] = count
                    case let .failure(problem): throw .init("\(path).unnamed.\(answer.rawValue): \(problem.reason)")
                    }
                }
            }
            for (index, dissent) in (entry.dissent ?? []).enumerated() {
                if let problem = dissentProblem(dissent.note) { throw .init("\(path).dissent[\(index)].note: \(problem)") }
                if let participant = dissent.participant {
                    if participant.trimmingSpaces().isEmpty {
                        throw .init("\(path).dissent[\(index)].participant: must not be empty (leave it out for an unnamed dissent)")
                    }
                    if anonymous {
                        throw .init("\(path).dissent[\(index)].participant: an anonymous assessment (anonymousViews) keeps no names")
                    }
                }
                views.dissents.append(MaturityModel.Dissent(participant: dissent.participant, note: dissent.note))
            }
            if !views.isEmpty { result[criterion] = views }
        }
        return result
    }
}

extension AssessmentFile.Document {
    /// One criterion's views as written.
    struct Views: Codable {
        /// Dissents from the agreed answer, in the order recorded.
        var dissent: [Dissent]?
        /// Each member's view by name (the answer's file word).
        var named: [String: String]?
        /// Views counted without names.
        var unnamed: Counts?
    }

    /// Counts of views without names; a count left out reads as 0 (all four are written). Counts are read
    /// as numbers of any form, so that a fraction is refused with its field named (see ``AssessmentFile/count(_:)``),
    /// and written as whole numbers.
    struct Counts: Codable {
        var no: Double?
        var partly: Double?
        var unsure: Double?
        var yes: Double?

        init(_ spread: Spread) {
            (no, partly, unsure, yes) = (Double(spread.no), Double(spread.partly), Double(spread.unsure), Double(spread.yes))
        }

        /// Each answer with its count, in the order of ``Answer/allCases``.
        var pairs: [(Answer, Double?)] { [(.yes, yes), (.partly, partly), (.no, no), (.unsure, unsure)] }
    }

    /// A dissent as written; `participant` is left out when unnamed.
    struct Dissent: Codable {
        var note: String
        var participant: String?
    }
}
