import MaturityFramework
import MaturityRules

/// The record's lifecycle: a complete assessment is read-only, reopening it and confirming carried
/// answers in one step are deliberate acts kept in ``Assessment/events``.
extension Assessment {
    /// Complete assessments are read-only until deliberately reopened.
    public var isReadOnly: Bool { status == .complete }

    /// Why an assessment cannot be marked complete yet.
    public struct CompletionRefused: Error, Sendable, Equatable {
        /// The criteria whose answers are still as last time, not yet confirmed, in framework order.
        public var unconfirmed: [String]
    }

    /// The criteria whose answers are still as last time, not yet confirmed by the board, in framework order.
    public func unconfirmedCriteria(in framework: Framework) -> [Criterion] {
        let carried = areas.reduce(into: Set<String>()) { $0.formUnion($1.asLastTime) }
        return framework.allCriteria.filter { carried.contains($0.id) }
    }

    /// How this year's answer to `criterionID` stands against last time's; nil when the assessment was
    /// not carried forward, or neither year answered the criterion.
    public func carried(_ criterionID: String) -> CarriedAnswer? {
        guard let lastTime else { return nil }
        if areas.contains(where: { $0.asLastTime.contains(criterionID) }) { return .unconfirmed }
        let now = areas.lazy.compactMap { $0.answers[criterionID] }.first
        switch (lastTime.answers[criterionID], now) {
        case (nil, nil): return nil
        case (nil, _?): return .new
        case let (then?, now): return then == now ? .confirmedUnchanged : .changed
        }
    }

    /// Marks the assessment complete and records when and by whom; refused while answers carried from
    /// last time are not yet confirmed.
    public mutating func complete(in framework: Framework, at time: String, by person: String?) throws(CompletionRefused) {
        let unconfirmed = unconfirmedCriteria(in: framework)
        guard unconfirmed.isEmpty else { throw CompletionRefused(unconfirmed: unconfirmed.map(\.id)) }
        status = .complete
        events.append(RecordEvent(.completed, at: time, by: person))
    }

    /// Opens a complete assessment for changes again, recording when, by whom and why.
    public mutating func reopen(at time: String, by person: String?, reason: String) {
        status = .draft
        events.append(RecordEvent(.reopened, at: time, by: person, reason: reason))
    }

    /// Confirms every answer still as last time in one deliberate step, recorded with the criteria it
    /// covered; returns how many were confirmed.
    @discardableResult
    public mutating func confirmAllCarried(in framework: Framework, at time: String, by person: String?) -> Int {
        let confirmed = unconfirmedCriteria(in: framework).map(\.id)
        guard !confirmed.isEmpty else { return 0 }
        for index in areas.indices { areas[index].asLastTime = [] }
        events.append(RecordEvent(.confirmedCarried, at: time, by: person, criteria: confirmed))
        return confirmed.count
    }

    /// Every reopening, oldest first.
    public var reopenings: [RecordEvent] { events.filter { $0.kind == .reopened } }
}
