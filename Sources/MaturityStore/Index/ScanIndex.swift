import MaturityFramework
import MaturityModel
import MaturityRules

/// One index file, as read: what earlier scans learned of each assessment file of one store folder
/// (by file name): the file's stamp when it was read, when that stamp was first seen, whether the
/// entry is settled (see ``StoreIndex``), and the file's glance. Texts are kept once in a table
/// that entries refer to by number; an entry is decoded only when asked for.
///
/// Layout: `MATSCAN5` (version 2 kept each area's view criteria and consensus counts, version 3 adds
/// the metric values, version 4 the place after them, version 5 the framework's hash after its title; an index of another version is not read, so it is rebuilt), the folder's device and inode, the boot id, the text table, the entries (each
/// its file name and its body: stamp, first seen, settled, glance), and a check value of it all.
final class ScanIndex: Sendable {
    private static let magic = Array("MATSCAN5".utf8)

    /// Where an entry's body is in the index's bytes.
    struct Entry: Sendable {
        let body: Range<Int>
    }

    /// The folder the index describes, by device and inode.
    let folder: (device: UInt64, inode: UInt64)
    /// The boot during which its times were taken.
    let bootID: String
    /// The text table.
    let texts: [String]
    /// Each file's entry, by name.
    let entries: [String: Entry]
    private let bytes: [UInt8]

    /// The index in `bytes`; nil when they are not a whole, unchanged index file.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= Self.magic.count + 8, bytes.starts(with: Self.magic) else { return nil }
        let sealed = bytes.count - 8
        var end = IndexReader(bytes[sealed...])
        guard end.fixed() == IndexReader.checksum(bytes[..<sealed]) else { return nil }
        var reader = IndexReader(bytes[Self.magic.count..<sealed])
        guard let device = reader.fixed(), let inode = reader.fixed(), let bootID = reader.text(),
              let textCount = reader.number(limit: sealed) else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(textCount)
        for _ in 0..<textCount {
            guard let text = reader.text() else { return nil }
            texts.append(text)
        }
        guard let entryCount = reader.number(limit: sealed) else { return nil }
        var entries = [String: Entry](minimumCapacity: entryCount)
        for _ in 0..<entryCount {
            guard let name = reader.text(), let length = reader.number(limit: sealed), let body = reader.slice(length),
                  body.count >= Self.headLength else { return nil }
            entries[name] = Entry(body: body.indices)
        }
        guard reader.isAtEnd else { return nil }
        folder = (device, inode)
        self.bootID = bootID
        self.texts = texts
        self.entries = entries
        self.bytes = bytes
    }

    // MARK: - An entry's parts

    /// The stamp, first-seen time and settled mark before the glance: 5 + 1 eight-byte numbers and a byte.
    static let headLength = 6 * 8 + 1

    /// The stamp of the file when its entry was made.
    func stamp(of entry: Entry) -> FileStamp {
        var reader = IndexReader(bytes[entry.body])
        let device = reader.fixed() ?? 0, inode = reader.fixed() ?? 0, size = reader.fixed() ?? 0
        let modified = reader.fixed() ?? 0, changed = reader.fixed() ?? 0
        return FileStamp(device: device, inode: inode, size: Int64(bitPattern: size), modified: Int64(bitPattern: modified),
                         changed: Int64(bitPattern: changed))
    }

    /// When (boot clock, nanoseconds) the stamp was first seen, and whether the entry is settled.
    func seen(_ entry: Entry) -> (firstSeen: Int64, settled: Bool) {
        var reader = IndexReader(bytes[entry.body.lowerBound + 5 * 8..<entry.body.upperBound])
        return (Int64(bitPattern: reader.fixed() ?? 0), reader.byte() == 1)
    }

    /// The glance kept for the file; nil if the entry cannot be read (it is then not used).
    func glance(of entry: Entry) -> AssessmentGlance? {
        var reader = GlanceBytesReader(reader: IndexReader(bytes[entry.body.lowerBound + Self.headLength..<entry.body.upperBound]),
                                       texts: texts)
        return reader.glance()
    }

    /// The system name and identity kept for the file, read without the rest of its glance.
    func identity(of entry: Entry) -> (name: String, id: String?)? {
        var reader = GlanceBytesReader(reader: IndexReader(bytes[entry.body.lowerBound + Self.headLength..<entry.body.upperBound]),
                                       texts: texts)
        return reader.identity()
    }

    /// The raw body of an entry, to be copied unchanged into the next index (its text numbers stay valid
    /// when the next index starts from this one's text table).
    func body(of entry: Entry) -> ArraySlice<UInt8> {
        bytes[entry.body]
    }

    // MARK: - Writing

    /// The text table of an index being written: numbers given to texts in order, starting from a
    /// previous index's table (so that its entries can be copied unchanged).
    struct Texts {
        private(set) var texts: [String]
        private var numbers: [String: Int]

        /// A table that starts as `texts`.
        init(_ texts: [String] = []) {
            self.texts = texts
            numbers = Dictionary(texts.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// The number of `text`, given the next one if it has none yet.
        mutating func number(of text: String) -> Int {
            if let number = numbers[text] { return number }
            texts.append(text)
            numbers[text] = texts.count - 1
            return texts.count - 1
        }
    }

    /// The body of an entry: the stamp, when it was first seen, whether it is settled, and the glance,
    /// its texts numbered in `texts`.
    static func body(stamp: FileStamp, firstSeen: Int64, settled: Bool, glance: AssessmentGlance, texts: inout Texts) -> [UInt8] {
        var writer = IndexWriter()
        for value in [stamp.device, stamp.inode, UInt64(bitPattern: stamp.size), UInt64(bitPattern: stamp.modified),
                      UInt64(bitPattern: stamp.changed), UInt64(bitPattern: firstSeen)] {
            writer.fixed(value)
        }
        writer.byte(settled ? 1 : 0)
        writer.number(texts.number(of: glance.system))
        writer.number(glance.systemID.map { texts.number(of: $0) + 1 } ?? 0)
        encode(glance.date, into: &writer)
        writer.byte(glance.status == .complete ? 1 : 0)
        for text in [glance.framework.id, glance.framework.version, glance.framework.title] { writer.number(texts.number(of: text)) }
        writer.number(glance.framework.sha256.map { texts.number(of: $0) + 1 } ?? 0)
        if let rename = glance.systemRename {
            writer.byte(1)
            writer.number(texts.number(of: rename.from))
            writer.number(texts.number(of: rename.to))
            encode(rename.date, into: &writer)
        } else {
            writer.byte(0)
        }
        writer.number(glance.areas.count)
        for area in glance.areas {
            writer.number(texts.number(of: area.id))
            writer.number(area.answers.count)
            for answered in area.answers {
                writer.number(texts.number(of: answered.criterion))
                writer.byte(GlanceBytesReader.code(of: answered.answer))
            }
            writer.number(area.noteCriteria.count)
            for criterion in area.noteCriteria { writer.number(texts.number(of: criterion)) }
            writer.number(area.viewCriteria.count)
            for criterion in area.viewCriteria { writer.number(texts.number(of: criterion)) }
            writer.number(area.consensus.matched)
            writer.number(area.consensus.counted)
        }
        writer.number(glance.metrics.count)
        for reading in glance.metrics {
            for text in [reading.metricID, reading.value.description, reading.unit] { writer.number(texts.number(of: text)) }
            for text in [reading.period, reading.source, reading.note] { writer.number(text.map { texts.number(of: $0) + 1 } ?? 0) }
        }
        writer.number(glance.place.map { texts.number(of: $0) + 1 } ?? 0)
        return writer.bytes
    }

    private static func encode(_ date: CalendarDate, into writer: inout IndexWriter) {
        writer.number(date.year)
        writer.byte(UInt8(date.month))
        writer.byte(UInt8(date.day))
    }

    /// The bytes of an index file for the folder of `identity`, written during boot `bootID`, with the
    /// text table `texts` and `entries` (each a file name and a body whose texts are numbered in `texts`).
    static func file(folder identity: (device: UInt64, inode: UInt64), bootID: String, texts: [String],
                     entries: [(name: String, body: ArraySlice<UInt8>)]) -> [UInt8] {
        var writer = IndexWriter()
        writer.append(magic)
        writer.fixed(identity.device)
        writer.fixed(identity.inode)
        writer.text(bootID)
        writer.number(texts.count)
        for text in texts { writer.text(text) }
        writer.number(entries.count)
        for entry in entries {
            writer.text(entry.name)
            writer.number(entry.body.count)
            writer.append(entry.body)
        }
        writer.seal()
        return writer.bytes
    }
}

/// Reads a glance written by ``ScanIndex/Builder``.
private struct GlanceBytesReader {
    var reader: IndexReader
    let texts: [String]

    private static let answers: [Answer] = [.yes, .partly, .no, .unsure]

    static func code(of answer: Answer) -> UInt8 {
        UInt8(answers.firstIndex(of: answer) ?? 3)
    }

    mutating func identity() -> (name: String, id: String?)? {
        guard let name = text() else { return nil }
        guard let id = optionalText() else { return nil }
        return (name, id)
    }

    mutating func glance() -> AssessmentGlance? {
        guard let identity = identity(), let day = date(), let status = reader.byte(), status <= 1,
              let id = text(), let version = text(), let title = text(), let sha256 = optionalText(),
              let hasRename = reader.byte() else { return nil }
        var rename: SystemRename?
        if hasRename == 1 {
            guard let from = text(), let to = text(), let renamed = self.date() else { return nil }
            rename = SystemRename(from: from, to: to, date: renamed)
        }
        guard let areaCount = reader.number(limit: 1 << 16) else { return nil }
        var areas: [AssessmentGlance.Area] = []
        areas.reserveCapacity(areaCount)
        for _ in 0..<areaCount {
            guard let areaID = text(), let answerCount = reader.number(limit: 1 << 20) else { return nil }
            var answers: [AssessmentGlance.Answered] = []
            answers.reserveCapacity(answerCount)
            for _ in 0..<answerCount {
                guard let criterion = text(), let code = reader.byte(), Int(code) < Self.answers.count else { return nil }
                answers.append(AssessmentGlance.Answered(criterion, Self.answers[Int(code)]))
            }
            guard let noteCount = reader.number(limit: 1 << 20) else { return nil }
            var notes: [String] = []
            notes.reserveCapacity(noteCount)
            for _ in 0..<noteCount {
                guard let criterion = text() else { return nil }
                notes.append(criterion)
            }
            var area = AssessmentGlance.Area(id: areaID, answers: answers, noteCriteria: notes)
            guard let viewCount = reader.number(limit: 1 << 20) else { return nil }
            area.viewCriteria.reserveCapacity(viewCount)
            for _ in 0..<viewCount {
                guard let criterion = text() else { return nil }
                area.viewCriteria.append(criterion)
            }
            guard let matched = reader.number(limit: 1 << 34), let counted = reader.number(limit: 1 << 34), matched <= counted else { return nil }
            area.consensus = ConsensusCount(matched: matched, counted: counted)
            areas.append(area)
        }
        guard let metricCount = reader.number(limit: 1 << 16) else { return nil }
        var metrics: [MetricReading] = []
        for _ in 0..<metricCount {
            guard let metricID = text(), let value = text().flatMap({ try? ExactDecimal.parse($0) }), let unit = text(),
                  let period = optionalText(), let source = optionalText(), let note = optionalText() else { return nil }
            metrics.append(MetricReading(metricID: metricID, value: value, unit: unit, period: period, source: source, note: note))
        }
        guard let place = optionalText(), reader.isAtEnd else { return nil }
        var glance = AssessmentGlance(framework: FrameworkReference(id: id, version: version, title: title, sha256: sha256), system: identity.name,
                                      systemID: identity.id, systemRename: rename, date: day,
                                      status: status == 1 ? .complete : .draft, areas: areas)
        glance.metrics = metrics
        glance.place = place
        return glance
    }

    private mutating func text() -> String? {
        guard let number = reader.number(), number < texts.count else { return nil }
        return texts[number]
    }

    /// A text or none: nil when unreadable, `.some(nil)` for none.
    private mutating func optionalText() -> String?? {
        guard let number = reader.number() else { return nil }
        if number == 0 { return .some(nil) }
        guard number - 1 < texts.count else { return nil }
        return .some(texts[number - 1])
    }

    private mutating func date() -> CalendarDate? {
        guard let year = reader.number(limit: 9999), let month = reader.byte(), let day = reader.byte() else { return nil }
        return CalendarDate(year: year, month: Int(month), day: Int(day))
    }
}
