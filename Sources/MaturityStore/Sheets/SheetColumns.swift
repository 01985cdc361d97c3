/// The columns of a CSV answer sheet, found by their names in the header row in any case and order, as
/// maturity's own sheets and survey tools write them: the criterion (`criterion` or `question`), the
/// answer (`answer` or `response`), optionally a note (`note` or `comment`) and the participant
/// (`participant`, `respondent`, `name` or `member`). Other columns (a survey's timestamp or e-mail)
/// are passed over.
struct SheetColumns {
    /// What a column holds.
    enum Role: CaseIterable {
        case criterion, answer, note, participant

        /// The header names of the role, lowercased, spaces single.
        var names: [String] {
            switch self {
            case .criterion: ["criterion", "criterion id", "question", "question id"]
            case .answer: ["answer", "response", "view"]
            case .note: ["note", "notes", "comment", "comments"]
            case .participant: ["participant", "respondent", "respondent name", "name", "member", "board member"]
            }
        }

        /// The role as a message names it.
        var word: String {
            switch self {
            case .criterion: "criterion"
            case .answer: "answer"
            case .note: "note"
            case .participant: "participant"
            }
        }
    }

    /// Each role's column, by index in the row.
    let criterion: Int, answer: Int, note: Int?, participant: Int?
    /// How many fields every row has.
    let count: Int

    /// The columns named in `header`; a one-line reason (without the file and line) when a role has no
    /// column or two.
    static func find(in header: [String]) -> Result<SheetColumns, SheetProblem> {
        var found: [Role: Int] = [:]
        for (index, field) in header.enumerated() {
            let name = field.trimmingSpaces().lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" })
                .joined(separator: " ")
            guard let role = Role.allCases.first(where: { $0.names.contains(name) }) else { continue }
            if let earlier = found[role] {
                return .failure(SheetProblem("columns \(earlier + 1) ('\(inert: header[earlier])') and \(index + 1) ('\(inert: field)') "
                    + "both name the \(role.word); keep one"))
            }
            found[role] = index
        }
        guard let criterion = found[.criterion], let answer = found[.answer] else {
            return .failure(SheetProblem("the first row must be a header naming a criterion column (criterion or question) and an "
                + "answer column (answer or response), and optionally note and participant, e.g. criterion,answer,note"))
        }
        return .success(SheetColumns(criterion: criterion, answer: answer, note: found[.note], participant: found[.participant],
                                     count: header.count))
    }
}

/// A problem with a sheet, in one line, without the file and line it is in.
struct SheetProblem: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
