import Foundation
import Testing

/// An assessment file as the end-to-end tests read it: decoded as JSON, never matched as pretty-printed
/// text, so that a change of spacing or key order cannot make a test pass or fail.
struct SavedAssessment: Decodable {
    /// One area of the file.
    struct Area: Decodable {
        var id: String
        var answers: [String: String]
        var notes: [String: String]?
        var actions: [Action]?
    }

    /// An agreed action.
    struct Action: Decodable {
        var what: String
        var owner: String
        var status: String
    }

    var kind: String
    var system: String
    var status: String
    var areas: [Area]

    /// Every area's answers, by criterion id.
    var answers: [String: String] {
        areas.reduce(into: [:]) { all, area in all.merge(area.answers) { $1 } }
    }

    /// Every area's notes, by criterion id.
    var notes: [String: String] {
        areas.reduce(into: [:]) { all, area in all.merge(area.notes ?? [:]) { $1 } }
    }

    /// The assessment in the file at `path`.
    init(path: String) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The assessment in the file at `url`.
    init(url: URL) throws {
        try self.init(path: url.path)
    }
}

/// Whether `answers` holds every one of `expected` (criterion id to answer).
func holds(_ answers: [String: String], _ expected: [String: String]) -> Bool {
    expected.allSatisfy { answers[$0.key] == $0.value }
}

/// Rewrites the JSON file at `path` through `edit` on its decoded object.
func editJSONFile(_ path: String, _ edit: (inout [String: Any]) throws -> Void) throws {
    var object = try fileObject(path)
    try edit(&object)
    try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
}
