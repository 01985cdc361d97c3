import Foundation
import MaturityFramework
@testable import MaturityModel
@testable import MaturityStore
import Testing
import TestSupport

@Suite("System identity")
struct SystemIdentityTests {
    /// Pairs of names and whether they mean the same system.
    static let matchingTable: [(String, String, Bool)] = [
        ("Ynys Môn & Gwynedd ICS", "ynys mon & gwynedd ics", true),
        ("Ynys Môn & Gwynedd ICS", "Ynys Mon and Gwynedd ICS", true),
        ("Ynys Môn & Gwynedd ICS", "YNYS MÔN AND GWYNEDD, ICS", true),
        ("Ynys Môn & Gwynedd ICS", "Ynys Môn Gwynedd ICS", false),
        ("West Yorkshire ICS", "west-yorkshire, ics", true),
        ("West Yorkshire ICS", "WestYorkshire ICS", true),
        ("Mid and South Essex", "Mid & South Essex", true),
        ("Bath and North East Somerset", "Bath & North-East Somerset", true),
        ("St. Helens", "St Helens", true),
        ("São Paulo", "Sao Paulo", true),
        ("Highland", "Highl", false),
        ("Highland", "Highl &", false),
        ("Highland Islands", "Highl & Islands", false),
        ("Highl and Islands", "Highl & Islands", true),
        ("Sandwell", "S&well", false),
        ("Anderby", "& erby", false),
        ("Ｗｅｓｔ Ｙｏｒｋｓｈｉｒｅ ＩＣＳ", "West Yorkshire ICS", true),
        ("Αθήνα", "ΑΘΗΝΑ", true),
        ("Москва", "МОСКВА", true),
        ("日本", "中国", false),
        ("日本 ICS", "日本・ICS", true),
        ("ガイド", "カイド", false),
        ("हिन्दी", "हिनदी", false),
        ("한국", "한국", true),
        ("Area 1", "Area 2", false),
        ("—", "–", false),
    ]

    @Test(arguments: matchingTable)
    func namesMatchIgnoringCaseAccentsPunctuationAndAmpersand(_ first: String, _ second: String, _ same: Bool) {
        #expect((Slug.matchKey(for: first) == Slug.matchKey(for: second)) == same, "\(first) / \(second)")
        let directory = SystemDirectory([member(first, id: "first", date: "2025-01-01")])
        #expect((directory.match(second)?.id == "first") == same, "\(first) / \(second) through the directory")
    }

    @Test func theCampaignCountsTheTable() {
        CampaignReport.record("System names matched across spellings (case, accents, widths, punctuation, &/and, seven scripts)",
                              cases: Self.matchingTable.count,
                              how: "each pair through Slug.matchKey and SystemDirectory.match: the same system or not, as expected")
    }

    @Test func identitiesAreReadableWordsJoinedByHyphens() {
        #expect(Slug.identity(for: "Ynys Môn & Gwynedd ICS") == "ynys-mon-and-gwynedd-ics")
        #expect(Slug.identity(for: "ynys mon and gwynedd, ics") == "ynys-mon-and-gwynedd-ics")
        #expect(Slug.identity(for: "日本 ICS") == "日本-ics")
        #expect(Slug.identity(for: "—") == "system")
        #expect(Slug.identity(for: "Highland") == "highland")
    }

    func member(_ name: String, id: String? = nil, date: String, rename: SystemRename? = nil) -> SystemDirectory.Member {
        SystemDirectory.Member(name: name, systemID: id, date: CalendarDate(date)!, file: "\(date)-\(Slug.make(from: name)).json",
                               rename: rename)
    }

    @Test func filesOlderThanIdentitiesGroupByNameAndKeepTheFirstName() {
        // What the old code wrote: a variant typed in the second year replaced the name.
        let directory = SystemDirectory([
            member("Ynys Môn & Gwynedd ICS", date: "2024-11-20"),
            member("ynys mon & gwynedd ics", date: "2025-11-20"),
            member("Ynys Mon and Gwynedd ICS", date: "2026-11-20"),
            member("West Yorkshire ICS", date: "2026-01-01"),
        ])
        #expect(directory.systems.count == 2)
        let ynys = directory.match("YNYS MÔN AND GWYNEDD ICS")
        #expect(ynys?.id == "ynys-mon-and-gwynedd-ics")
        #expect(ynys?.name == "Ynys Môn & Gwynedd ICS", "the established name heads the history")
        #expect(ynys?.assessmentCount == 3)
        #expect(ynys?.names == ["Ynys Môn & Gwynedd ICS", "ynys mon & gwynedd ics", "Ynys Mon and Gwynedd ICS"])
        #expect(directory.systems.first?.id == "ynys-mon-and-gwynedd-ics", "the most recently assessed first")
    }

    @Test func olderFilesJoinTheRecordedSystemByIdentityOrByName() {
        let directory = SystemDirectory([
            member("North East ICS", date: "2024-01-01"),
            member("NorthEast ICS", date: "2025-01-01"),
            member("North East ICS", id: "north-east-ics", date: "2026-01-01"),
        ])
        #expect(directory.systems.map(\.id) == ["north-east-ics"])
        #expect(directory.systems.first?.assessmentCount == 3)
    }

    @Test func aRenameKeepsTheIdentityAndIsFoundByEitherName() {
        let rename = SystemRename(from: "Ynys Môn & Gwynedd ICS", to: "North Wales ICS", date: CalendarDate("2027-11-20")!)
        let directory = SystemDirectory([
            member("Ynys Môn & Gwynedd ICS", date: "2025-11-20"),
            member("Ynys Môn & Gwynedd ICS", id: "ynys-mon-and-gwynedd-ics", date: "2026-11-20"),
            member("North Wales ICS", id: "ynys-mon-and-gwynedd-ics", date: "2027-11-20", rename: rename),
        ])
        #expect(directory.systems.count == 1)
        let system = directory.match("north wales ics")
        #expect(system?.name == "North Wales ICS")
        #expect(system?.renames == [rename])
        #expect(directory.match("Ynys Mon and Gwynedd ICS")?.id == system?.id, "a former name still finds the system")
        #expect(system?.assessmentCount == 3)
    }

    /// Only a recorded rename changes the display name: not a later file under another spelling, nor a
    /// file that claims the identity under a name of its own.
    @Test func theDisplayNameChangesOnlyByARecordedRename() {
        let rename = SystemRename(from: "West Yorkshire ICS", to: "West Yorkshire Health and Care Partnership",
                                  date: CalendarDate("2026-01-01")!)
        var members = [member("West Yorkshire ICS", id: "west-yorkshire-ics", date: "2024-01-01"),
                       member("west yorkshire ics", id: "west-yorkshire-ics", date: "2025-01-01"),
                       member("Impostor", id: "west-yorkshire-ics", date: "2025-06-01")]
        #expect(SystemDirectory(members).systems.first?.name == "West Yorkshire ICS")
        members.append(member("West Yorkshire Health and Care Partnership", id: "west-yorkshire-ics", date: "2026-01-01", rename: rename))
        members.append(member("WEST YORKSHIRE HEALTH & CARE PARTNERSHIP", id: "west-yorkshire-ics", date: "2027-01-01"))
        #expect(SystemDirectory(members).systems.first?.name == "West Yorkshire Health and Care Partnership")
    }

    @Test func linkedFilesAreFoundWhateverTheirOrder() {
        // A chain: the wanted name, its identity, a file sharing a name with one of those, and a stranger.
        let files: [(name: String?, id: String?)] = [("Stranger", "stranger"), ("Old Name", nil), ("New Name", "old-name"),
                                                     ("new name", "old-name"), (nil, nil), ("Old-Name", "other-id"), ("Other", "other-id")]
        let chosen = SystemDirectory.candidates(name: "NEW NAME", id: nil, among: files)
        #expect(chosen == [false, true, true, true, true, true, true])
        #expect(SystemDirectory.candidates(name: nil, id: "stranger", among: files) == [true, false, false, false, true, false, false])
    }

    @Test func aNewSystemGetsAnIdentityNoKnownSystemHas() throws {
        var directory = SystemDirectory([member("North ICS", id: "north-ics", date: "2025-01-01")])
        #expect(directory.newIdentity(for: "North ICS") == "north-ics-2")
        #expect(directory.newIdentity(for: "South ICS") == "south-ics")
        #expect(directory.choice(for: "north  ics.") == .known(try #require(directory.system(id: "north-ics"))))
        #expect(directory.choice(for: "South ICS") == .new(id: "south-ics", name: "South ICS"))
        directory = SystemDirectory([member("North ICS", id: "north-ics", date: "2025-01-01"),
                                     member("South ICS", id: "south-ics", date: "2025-01-01")])
        let north = try #require(directory.system(id: "north-ics"))
        #expect(throws: SystemNameTaken.self) { try directory.renaming(north, to: "south ics") }
        #expect(try directory.renaming(north, to: "North ICS") == .known(north))
        #expect(try directory.renaming(north, to: "Northern ICS") == .renamed(north, to: "Northern ICS"))
    }

    @Test func attachingKeepsTheKnownNameAndRenamingRecordsIt() throws {
        let directory = SystemDirectory([member("Ynys Môn & Gwynedd ICS", date: "2025-11-20")])
        var assessment = Assessment(starting: seedFramework, system: "ynys mon and gwynedd ics", date: CalendarDate("2026-11-20")!)
        assessment.attach(to: directory.choice(for: assessment.system))
        #expect(assessment.system == "Ynys Môn & Gwynedd ICS")
        #expect(assessment.systemID == "ynys-mon-and-gwynedd-ics")
        #expect(assessment.systemRename == nil)
        assessment.attach(to: try directory.renaming(try #require(directory.match("Ynys Mon and Gwynedd ICS")), to: "North Wales ICS"))
        #expect(assessment.system == "North Wales ICS")
        #expect(assessment.systemID == "ynys-mon-and-gwynedd-ics")
        #expect(assessment.systemRename == SystemRename(from: "Ynys Môn & Gwynedd ICS", to: "North Wales ICS",
                                                        date: CalendarDate("2026-11-20")!))
    }
}

@Suite("System identity in files and the store")
struct SystemIdentityFileTests {
    @Test func theIdentityAndTheRenameAreWrittenAndRead() throws {
        var assessment = sampleAssessment(system: "North Wales ICS")
        assessment.systemID = "ynys-mon-and-gwynedd-ics"
        assessment.systemRename = SystemRename(from: "Ynys Môn & Gwynedd ICS", to: "North Wales ICS", date: CalendarDate("2026-11-22")!)
        let data = try AssessmentFile.encode(assessment, framework: seedFramework)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"systemID\" : \"ynys-mon-and-gwynedd-ics\""))
        #expect(text.contains("\"from\" : \"Ynys Môn & Gwynedd ICS\""))
        let read = try AssessmentFile.decode(data)
        #expect(read.systemID == assessment.systemID)
        #expect(read.systemRename == assessment.systemRename)
        #expect(AssessmentFile.peekIdentity(in: data)?.name == "North Wales ICS")
        #expect(AssessmentFile.peekIdentity(in: data)?.id == "ynys-mon-and-gwynedd-ics")
    }

    @Test func aFileWithoutAnIdentityReadsUnchanged() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        let url = try store.create(sampleAssessment(), framework: seedFramework)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object.removeValue(forKey: "systemID")
        let older = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try older.write(to: url)
        let read = try AssessmentStore.load(url)
        #expect(read.systemID == nil)
        #expect(read.system == "West Yorkshire ICS")
        #expect(try Data(contentsOf: url) == older, "reading never changes a file")
        #expect(AssessmentFile.peekIdentity(in: older)?.name == "West Yorkshire ICS")
        #expect(AssessmentFile.peekIdentity(in: older)?.id == nil)
        #expect(SystemDirectory([.init(read, file: url.lastPathComponent)]).systems.first?.id == "west-yorkshire-ics")
    }

    @Test(arguments: [("\"systemID\": \"\"", "systemID: must not be empty"),
                      ("\"systemID\": \"West Yorkshire\\u001b]0;x\\u0007\"", "systemID: not an identity"),
                      ("\"systemRename\": {\"from\": \" \", \"to\": \"B\", \"date\": \"2026-01-01\"}", "systemRename.from: must not be empty"),
                      ("\"systemRename\": {\"from\": \"A\", \"to\": \"B\", \"date\": \"yesterday\"}", "systemRename.date")])
    func aBadIdentityIsOneClearReason(_ field: String, _ reason: String) throws {
        let data = try AssessmentFile.encode(sampleAssessment(), framework: seedFramework)
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"kind\"", with: "\(field), \"kind\"")
        #expect(throws: AssessmentFileError.self) { try AssessmentFile.decode(Data(text.utf8)) }
        do {
            _ = try AssessmentFile.decode(Data(text.utf8))
        } catch {
            #expect(error.reason.hasPrefix(reason))
        }
    }

    /// `list(system:)` finds a renamed system's assessments under every name it had, older files included,
    /// and leaves other systems' files alone.
    @Test func theStoreFindsARenamedSystemByAnyOfItsNames() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        var older = sampleAssessment(system: "Ynys Môn & Gwynedd ICS", date: "2025-11-20")
        older.systemID = nil
        try store.create(older, framework: seedFramework)
        var renamed = sampleAssessment(system: "North Wales ICS", date: "2026-11-20")
        renamed.systemID = "ynys-mon-and-gwynedd-ics"
        renamed.systemRename = SystemRename(from: "Ynys Môn & Gwynedd ICS", to: "North Wales ICS", date: renamed.date)
        try store.create(renamed, framework: seedFramework)
        try store.create(sampleAssessment(system: "West Yorkshire ICS"), framework: seedFramework)
        for name in ["north wales ics", "Ynys Mon and Gwynedd ICS"] {
            let entries = try store.list(system: name).entries
            #expect(Set(entries.map(\.assessment.date.description)) == ["2025-11-20", "2026-11-20"], "\(name)")
        }
        #expect(try store.list(system: nil, systemID: "ynys-mon-and-gwynedd-ics").entries.count == 2)
        #expect(try store.list(system: "West Yorkshire ICS").entries.count == 1)
    }
}
