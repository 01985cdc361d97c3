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

    /// Where the workshop was, as saved.
    struct Position: Decodable, Equatable {
        var step: String
        var area: String?
        var criterion: String?
    }

    var kind: String
    var system: String
    var status: String
    var areas: [Area]
    var position: Position?

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

/// Waits (polling) until the file at `path` satisfies `condition`, as a workshop saves it in the background
/// (a move alone is saved after a pause); returns it, or records an issue and throws after `timeout` seconds.
@discardableResult
func waitForSaved(_ path: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
                  _ condition: (SavedAssessment) -> Bool) throws -> SavedAssessment {
    let deadline = Date().addingTimeInterval(timeout)
    var last: SavedAssessment?
    while Date() < deadline {
        last = try? SavedAssessment(path: path)
        if let last, condition(last) { return last }
        Thread.sleep(forTimeInterval: 0.02)
    }
    Issue.record("the file \(path) did not come to hold what was expected; it holds \(String(describing: last))",
                 sourceLocation: sourceLocation)
    throw TmuxSession.TimedOut()
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
