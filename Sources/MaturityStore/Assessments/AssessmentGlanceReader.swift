import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityRules

extension AssessmentFile {
    /// The glance of the assessment in `data` (what a line of `list` shows), read in one pass without
    /// making text of notes, actions, participants or the record, yet checking every part of the file
    /// as ``decode(_:)`` checks it. Nil when the reader is not sure that ``decode(_:)`` would read the
    /// file, and read it the same way: the caller then decodes it in full (which says what is wrong).
    /// Whenever it gives a glance, it equals the glance of the assessment ``decode(_:)`` reads.
    public static func glance(in data: Data) -> AssessmentGlance? {
        guard !data.isEmpty, data.count <= maximumFileSize else { return nil }
        return data.withUnsafeBytes { raw in
            var reader = GlanceReader(json: StrictJSONScanner(raw.bindMemory(to: UInt8.self)))
            return reader.document()
        }
    }
}

/// Reads an assessment file's glance, following the schema of ``AssessmentFile`` member by member:
/// required members must be there, optional ones may be null, unknown ones are passed over (checked
/// as JSON), and a member given twice is refused.
private struct GlanceReader {
    var json: StrictJSONScanner
    /// Whether any view or dissent read so far carries a name (refused in an anonymous file).
    var sawNames = false

    private static let answerWords: [StaticString] = ["yes", "partly", "no", "unsure"]
    private static let answers: [Answer] = [.yes, .partly, .no, .unsure]
    private static let statusWords: [StaticString] = ["draft", "complete"]
    private static let statuses: [AssessmentStatus] = [.draft, .complete]
    private static let actionStatusWords: [StaticString] = ["not-started", "in-progress", "done", "dropped"]

    mutating func document() -> AssessmentGlance? {
        let keys: [StaticString] = ["schemaVersion", "kind", "framework", "system", "date", "participants", "status",
                                    "position", "lastTime", "areas", "events", "systemID", "systemRename",
                                    "anonymousViews", "established", "metrics", "place"]
        var version: Int?, isAssessment = false, framework: FrameworkReference?, system: String?, date: CalendarDate?
        var status: AssessmentStatus?, areas: [AssessmentGlance.Area]?, systemID: String?, rename: SystemRename?
        var anonymous = false, established: CalendarDate?, metrics: [MetricReading] = [], place: String?
        guard json.beginObject() else { return nil }
        var seen: UInt32 = 0, first = true
        while let key = json.nextKey(&first) {
            switch member(key, keys, &seen) ?? -1 {
            case 0: version = json.int()
            case 1: isAssessment = json.string() == AssessmentFile.kind
            case 2: framework = frameworkReference()
            case 3: system = json.string()
            case 4: date = self.date()
            case 5: optional { $0.strings() }
            case 6: status = json.word(Self.statusWords).map { Self.statuses[$0] }
            case 7: optional { $0.position() }
            case 8: optional { $0.lastTime() }
            case 9: areas = list { $0.area() }
            case 10: optional { $0.list { $0.event() } }
            case 11: if !json.takeNull() { systemID = json.string() }
            case 12: if !json.takeNull() { rename = systemRename() }
            case 13: if !json.takeNull() { anonymous = json.bool() ?? false }
            case 15:
                // Checked as the decoder checks them; values it would refuse leave the file to the decoder.
                if !json.takeNull() {
                    guard let readings = metricReadings(), MetricFile.problem(readings) == nil else { return nil }
                    metrics = readings
                }
            case 14:
                // Read as the decoder reads it; one it would refuse leaves the file to the decoder.
                if !json.takeNull() {
                    guard let day = self.date() else { return nil }
                    established = day
                }
            case 16:
                // A place the decoder would refuse leaves the file to the decoder.
                if !json.takeNull() {
                    guard let name = json.string(), AssessmentFile.isPlaceName(name) else { return nil }
                    place = name
                }
            default: json.skipValue()
            }
        }
        guard json.atEnd(), isAssessment, let version, (1...AssessmentFile.schemaVersion).contains(version),
              let framework, let system, let date, let status, let areas,
              !Self.isBlank(system),
              Set(areas.map(\.id)).count == areas.count,
              systemID.map(Self.isIdentity) ?? true,
              rename.map({ !Self.isBlank($0.from) && !Self.isBlank($0.to) }) ?? true,
              !(anonymous && sawNames),
              established.map({ $0 <= date }) ?? true
        else { return nil }
        var glance = AssessmentGlance(framework: framework, system: system, systemID: systemID, systemRename: rename,
                                      date: date, status: status, areas: areas)
        glance.metrics = metrics
        glance.place = place
        return glance
    }

    /// Whether `id` is an identity as ``AssessmentFile/decode(_:)`` requires: ASCII words of lowercase
    /// letters and digits joined by single hyphens are (they are their own identity); anything else is
    /// asked of ``Slug/identity(for:)``.
    private static func isIdentity(_ id: String) -> Bool {
        if isBlank(id) { return false }
        var previous: UInt8 = UInt8(ascii: "-")
        var plain = true
        for byte in id.utf8 {
            let isWordByte = byte &- 0x61 < 26 || byte &- 0x30 < 10
            if !(isWordByte || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-"))) {
                plain = false
                break
            }
            previous = byte
        }
        if plain && previous != UInt8(ascii: "-") { return true }
        return Slug.identity(for: id) == id
    }

    /// Whether `text` is empty once white space is trimmed, as the decoder asks it
    /// (`trimmingCharacters(in: .whitespaces).isEmpty`), seen at once when the text is ASCII.
    private static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return text.trimmingSpaces().isEmpty }
            // The only ASCII characters among .whitespaces are the space and the tab.
            if byte != 0x20 && byte != 0x09 { return false }
        }
        return true
    }

    // MARK: - Members

    private mutating func frameworkReference() -> FrameworkReference? {
        var id: String?, version: String?, title: String?, sha256: String?, hashWellFormed = true
        record(["id", "version", "title", "sha256"]) { reader, index in
            switch index {
            case 0: id = reader.json.string()
            case 1: version = reader.json.string()
            case 2: title = reader.json.string()
            default:
                sha256 = reader.json.string()
                hashWellFormed = sha256.map(ContentHash.isWellFormed) ?? false
            }
        }
        guard let id, let version, let title, hashWellFormed else { return failed() }
        return FrameworkReference(id: id, version: version, title: title, sha256: sha256)
    }

    private mutating func area() -> AssessmentGlance.Area? {
        var id: String?, answers: [AssessmentGlance.Answered]?, notes: [String] = [], views: [(criterion: String, spread: Spread)] = []
        record(["id", "title", "answers", "notes", "actions", "asLastTime", "reviewedActions", "unreviewedActions", "placement",
                "views", "target"]) { reader, index in
            switch index {
            case 0: id = reader.json.string()
            case 1: reader.optional { $0.json.skipString() }
            case 2: answers = reader.answers()
            case 3: if !reader.json.takeNull() { notes = reader.noteCriteria() }
            case 4, 6: reader.optional { $0.list { $0.action() } }
            case 5, 7: reader.optional { $0.strings() }
            case 9: if !reader.json.takeNull() { views = reader.views() }
            case 10: reader.optional { $0.target() }
            // Placements are recomputed, never read: any value passes, as in decode.
            default: reader.json.skipValue()
            }
        }
        guard let id, let answers else { return failed() }
        var area = AssessmentGlance.Area(id: id, answers: answers, noteCriteria: notes)
        area.viewCriteria = views.map(\.criterion).sorted()
        // As ``AreaRecord/consensusCount`` counts them: views on criteria with an agreed answer.
        for (criterion, spread) in views {
            guard let agreed = area.answer(to: criterion) else { continue }
            area.consensus.matched += spread[agreed]
            area.consensus.counted += spread.total
        }
        return area
    }

    /// An area's views: each criterion with views or dissents and its spread (criteria whose views hold
    /// nothing are left out, as the decoder leaves them out); a criterion given twice is refused.
    private mutating func views() -> [(criterion: String, spread: Spread)] {
        guard json.beginObject() else { return [] }
        var views: [(criterion: String, spread: Spread)] = [], keys: [String] = [], first = true
        while let key = json.nextKey(&first) {
            let criterion = json.text(of: key)
            keys.append(criterion)
            guard let (spread, isEmpty) = criterionViews() else { return failed() ?? [] }
            if !isEmpty { views.append((criterion, spread)) }
        }
        if !Self.areAllDifferent(keys) { json.fail() }
        return views
    }

    /// One criterion's views, checked as ``AssessmentFile/modelViews(_:areaID:anonymous:)`` checks them:
    /// the spread of its views, and whether it holds nothing at all.
    private mutating func criterionViews() -> (spread: Spread, isEmpty: Bool)? {
        var named = Spread(), unnamed = Spread(), dissents = 0
        record(["named", "unnamed", "dissent"]) { reader, index in
            guard !reader.json.takeNull() else { return }
            switch index {
            case 0: named = reader.namedViews()
            case 1: unnamed = reader.counts()
            default: dissents = reader.list { $0.dissent() }?.count ?? 0
            }
        }
        guard !json.failed else { return nil }
        return (named + unnamed, named.total == 0 && unnamed.total == 0 && dissents == 0)
    }

    /// Views by participant: names not blank, each once, answers in the file's words.
    private mutating func namedViews() -> Spread {
        guard json.beginObject() else { return Spread() }
        var spread = Spread(), names: [String] = [], first = true
        while let name = json.nextKeyText(&first) {
            guard !Self.isBlank(name), let word = json.word(Self.answerWords) else { return failed() ?? Spread() }
            names.append(name)
            spread[Self.answers[word]] += 1
        }
        if !names.isEmpty { sawNames = true }
        if !Self.areAllDifferent(names) { json.fail() }
        return spread
    }

    /// Counts of unnamed views, each a whole number from 0 to ``AssessmentFile/maximumViewCount``; one left out is 0.
    private mutating func counts() -> Spread {
        var spread = Spread()
        record(["yes", "partly", "no", "unsure"]) { reader, index in
            guard !reader.json.takeNull() else { return }
            guard let number = reader.json.int(), case let .success(count) = AssessmentFile.count(Double(number)) else {
                return reader.json.fail()
            }
            spread[Self.answers[index]] = count
        }
        return spread
    }

    /// A dissent: a note as ``AssessmentFile/dissentProblem(_:)`` allows, and a participant, not blank, or none.
    private mutating func dissent() -> Bool? {
        var hasNote = false
        record(["note", "participant"]) { reader, index in
            if index == 0 {
                guard let note = reader.json.string(), AssessmentFile.dissentProblem(note) == nil else { return reader.json.fail() }
                hasNote = true
            } else if !reader.json.takeNull() {
                guard let name = reader.json.string(), !Self.isBlank(name) else { return reader.json.fail() }
                reader.sawNames = true
            }
        }
        return hasNote ? true : failed()
    }

    /// An area's answers, in ascending order of criterion; a criterion given twice is refused.
    private mutating func answers() -> [AssessmentGlance.Answered]? {
        guard json.beginObject() else { return nil }
        var answers: [AssessmentGlance.Answered] = [], first = true
        answers.reserveCapacity(16)
        while let key = json.nextKey(&first) {
            guard let word = json.word(Self.answerWords) else { return nil }
            answers.append(AssessmentGlance.Answered(json.text(of: key), Self.answers[word]))
        }
        guard !json.failed, Self.areAllDifferent(answers.lazy.map(\.criterion)) else { return failed() }
        return answers
    }

    /// The criteria an object of notes has notes on; a criterion given twice is refused.
    private mutating func noteCriteria() -> [String] {
        guard json.beginObject() else { return [] }
        var criteria: [String] = [], first = true
        while let key = json.nextKey(&first) {
            criteria.append(json.text(of: key))
            json.skipString()
        }
        if !Self.areAllDifferent(criteria) { json.fail() }
        return criteria
    }

    /// Whether no two of `keys` are the same text (as a dictionary would tell them apart), seen at once
    /// when they come in ascending order, as maturity writes them.
    private static func areAllDifferent(_ keys: some Collection<String>) -> Bool {
        if zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) { return true }
        let sorted = keys.sorted()
        return !zip(sorted, sorted.dropFirst()).contains { $0 == $1 }
    }

    private mutating func action() -> Bool? {
        var complete: UInt32 = 0
        record(["id", "what", "owner", "due", "status"]) { reader, index in
            switch index {
            case 3: reader.optional { _ = $0.date() }
            case 4: _ = reader.json.word(Self.actionStatusWords)
            default: reader.json.skipString()
            }
            complete |= 1 << index
        }
        return complete | (1 << 3) == 0b11111 ? true : failed()
    }

    private mutating func position() {
        var hasStep = false
        record(["step", "area", "criterion"]) { reader, index in
            if index == 0 {
                reader.json.skipString()
                hasStep = true
            } else {
                reader.optional { $0.json.skipString() }
            }
        }
        if !hasStep { json.fail() }
    }

    private mutating func lastTime() {
        var found: UInt32 = 0
        record(["date", "file", "answers", "notes"]) { reader, index in
            switch index {
            case 0: _ = reader.date()
            case 1: reader.json.skipString()
            case 2: _ = reader.answers()
            default: reader.optional { _ = $0.noteCriteria() }
            }
            found |= 1 << index
        }
        if found & 0b111 != 0b111 { json.fail() }
    }

    private mutating func event() -> Bool? {
        var found: UInt32 = 0
        record(["kind", "at", "by", "reason", "criteria"]) { reader, index in
            switch index {
            case 0, 1: reader.json.skipString()
            case 2, 3: reader.optional { $0.json.skipString() }
            default: reader.optional { $0.strings() }
            }
            found |= 1 << index
        }
        return found & 0b11 == 0b11 ? true : failed()
    }

    /// The metric values, each read as the decoder reads them; nil for anything else.
    private mutating func metricReadings() -> [MetricReading]? {
        guard json.beginArray() else { return nil }
        var readings: [MetricReading] = [], first = true
        while json.nextElement(&first) {
            var metric: String?, unit: String?, value: String?, period: String?, source: String?, note: String?
            record(["metric", "unit", "value", "period", "source", "note"]) { reader, index in
                switch index {
                case 0: metric = reader.json.string()
                case 1: unit = reader.json.string()
                case 2: value = reader.json.string()
                case 3: if !reader.json.takeNull() { period = reader.json.string() }
                case 4: if !reader.json.takeNull() { source = reader.json.string() }
                default: if !reader.json.takeNull() { note = reader.json.string() }
                }
            }
            guard let metric, let unit, let value, let number = try? ExactDecimal.parse(value) else { return failed() }
            readings.append(MetricReading(metricID: metric, value: number, unit: unit, period: period, source: source, note: note))
        }
        return readings
    }

    /// An area's target, checked as the decoder checks it (a stage named, a four-digit year) and passed over.
    private mutating func target() {
        var stage: String?, year: Int?
        record(["stage", "by"]) { reader, index in
            if index == 0 { stage = reader.json.string() } else { year = reader.json.int() }
        }
        guard let stage, !Self.isBlank(stage), let year, (1000...9999).contains(year) else { return json.fail() }
    }

    private mutating func systemRename() -> SystemRename? {
        var from: String?, to: String?, date: CalendarDate?
        record(["from", "to", "date"]) { reader, index in
            switch index {
            case 0: from = reader.json.string()
            case 1: to = reader.json.string()
            default: date = reader.date()
            }
        }
        guard let from, let to, let date else { return failed() }
        return SystemRename(from: from, to: to, date: date)
    }

    // MARK: - Shapes

    private mutating func date() -> CalendarDate? {
        guard let parts = json.dayParts() else { return nil }
        guard let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day) else { return failed() }
        return date
    }

    /// An array of strings, passed over.
    private mutating func strings() {
        guard json.beginArray() else { return }
        var first = true
        while json.nextElement(&first) { json.skipString() }
    }

    /// An array of `element`s; nil when one is refused.
    private mutating func list<Element>(_ element: (inout GlanceReader) -> Element?) -> [Element]? {
        guard json.beginArray() else { return nil }
        var elements: [Element] = [], first = true
        while json.nextElement(&first) {
            guard let value = element(&self) else { return failed() }
            elements.append(value)
        }
        return json.failed ? nil : elements
    }

    /// `null`, or what `read` reads.
    private mutating func optional<Value>(_ read: (inout GlanceReader) -> Value) {
        if !json.takeNull() { _ = read(&self) }
    }

    /// An object whose members named in `keys` are read by `read` (given their index), each at most
    /// once; other members are passed over.
    private mutating func record(_ keys: [StaticString], _ read: (inout GlanceReader, Int) -> Void) {
        guard json.beginObject() else { return }
        var seen: UInt32 = 0, first = true
        while let key = json.nextKey(&first) {
            if let index = member(key, keys, &seen) {
                read(&self, index)
            } else {
                json.skipValue()
            }
        }
    }

    /// The index of `key` in `keys`, nil for another key; a key met twice is refused.
    private mutating func member(_ key: StrictJSONScanner.Key, _ keys: [StaticString], _ seen: inout UInt32) -> Int? {
        guard let index = keys.firstIndex(where: { json.key(key, is: $0) }) else { return nil }
        if seen & (1 << index) != 0 {
            json.fail()
            return nil
        }
        seen |= 1 << index
        return index
    }

    private mutating func failed<Value>() -> Value? {
        json.fail()
        return nil
    }
}
