import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import MaturityReports

/// Credit where it is due, in every export: the descriptors come from the source; the questions and the
/// placement rule are this tool's own breakdown, and the summary says so beside the source.
@Suite("Attribution and identity in exports")
struct AttributionTests {
    let ownWork = "The questions and the placement rule are this tool's own breakdown of the descriptors, not the NHS Confederation's."
    let fromSource = "The stage descriptors come from the source, and follow it closely."

    func renamedReport() -> SummaryReport {
        var now = assessment("2026-11-22", emergingEconomy)
        now.system = "North Wales ICS"
        now.systemID = "ynys-mon-and-gwynedd-ics"
        now.systemRename = SystemRename(from: "Ynys Môn & Gwynedd ICS", to: "North Wales ICS", date: now.date)
        return SummaryReport(now, framework: seedFramework)
    }

    @Test func theBuiltInFrameworkSaysWhatIsTheSourcesAndWhatIsThisToolsOwn() {
        #expect(seedFramework.attribution.fromSource == fromSource)
        #expect(seedFramework.attribution.ownWork == ownWork)
        #expect(seedFramework.stages.map(\.typicalAge) == ["typical for a system under two years old",
                                                          "typical for a system about three to five years old",
                                                          "typical for a system about six to ten years old"])
    }

    @Test func markdownCreditsTheSourceAndTheToolApartAndRecordsTheRename() {
        let markdown = MarkdownExport.render(renamedReport())
        #expect(markdown.contains("- **Source:** NHS Confederation, December 2022"))
        #expect(markdown.contains("- **Credit:** \(fromSource) \(ownWork)"))
        #expect(markdown.contains("- **Rule (this tool's):** "))
        #expect(markdown.contains("- **Renamed:** from Ynys Môn & Gwynedd ICS to North Wales ICS on 2026-11-22"))
    }

    @Test func htmlCreditsTheSourceAndTheToolApartAndGivesAgesAsTypical() {
        let html = HTMLExport.render(renamedReport())
        #expect(html.contains("<dt>Credit</dt><dd>\(Escape.html(fromSource + " " + ownWork))</dd>"))
        #expect(html.contains("<dt>Rule (this tool's)</dt>"))
        #expect(html.contains("<small>typical for a system under two years old</small>"))
        #expect(html.contains("<dt>Renamed</dt><dd>from Ynys Môn &amp; Gwynedd ICS to North Wales ICS on 2026-11-22</dd>"))
    }

    @Test func csvKeepsOneHeaderRowWithTheSourceTheCreditAndTheIdentityAsColumns() throws {
        let rows = try pythonCSV(CSVExport.render(renamedReport()))
        // The identity and credit columns, then the views' columns (appended by issue 13).
        #expect(rows[0].dropLast(11).suffix(3) == ["system_id", "framework_source", "attribution"])
        #expect(rows.count == 31, "one header row, one row per criterion, no comment lines")
        for row in rows.dropFirst() {
            #expect(row[rows[0].firstIndex(of: "attribution")!] == fromSource + " " + ownWork)
            #expect(row[rows[0].firstIndex(of: "framework_source")!].hasPrefix("NHS Confederation, December 2022"))
            #expect(row[rows[0].firstIndex(of: "system_id")!] == "ynys-mon-and-gwynedd-ics")
        }
    }

    @Test func jsonHasTheAttributionTheIdentityAndTheRename() throws {
        let summary = try roundTrip(JSONExport.render(renamedReport()))
        #expect(summary.attribution == .init(fromSource: fromSource, ownWork: ownWork))
        #expect(summary.systemID == "ynys-mon-and-gwynedd-ics")
        let rename = try #require(summary.systemRename)
        #expect(rename.from == "Ynys Môn & Gwynedd ICS")
        #expect(rename.date == "2026-11-22")
        #expect(try roundTrip(JSONExport.render(SummaryReport(assessment("2026-11-22", [:]), framework: seedFramework))).systemRename == nil)
    }

    @Test func progressExportsCarryTheCreditAndTheRenames() throws {
        let renamed = renamedReport().assessment
        var earlier = assessment("2025-11-20", [:])
        earlier.system = "Ynys Môn & Gwynedd ICS"
        earlier.systemID = nil
        let known = SystemDirectory([.init(earlier, file: "2025-11-20-ynys-mon-gwynedd-ics.json"),
                                     .init(renamed, file: "2026-11-22-north-wales-ics.json")]).systems.first
        #expect(known?.id == "ynys-mon-and-gwynedd-ics")
        let progression = Progression(entries: [.init(assessment: earlier, file: "2025-11-20-ynys-mon-gwynedd-ics.json"),
                                                .init(assessment: renamed, file: "2026-11-22-north-wales-ics.json")],
                                      framework: seedFramework, system: known)
        let sentence = "Renamed from Ynys Môn & Gwynedd ICS to North Wales ICS on 2026-11-22."
        #expect(ProgressExport.text(progression).hasPrefix("Progression of North Wales ICS: "))
        #expect(ProgressExport.text(progression).contains(sentence))
        #expect(ProgressExport.text(progression).contains(ownWork))
        #expect(ProgressExport.markdown(progression).contains("- **Credit:** "))
        #expect(ProgressExport.html(progression).contains(Escape.html(sentence)))
        #expect(ProgressExport.html(progression).contains(Escape.html(ownWork)))
        let rows = try pythonCSV(ProgressExport.csv(progression))
        #expect(rows.count == 1 + 3 * 2)
        #expect(rows.dropFirst().allSatisfy { $0[0] == "North Wales ICS" && $0[rows[0].firstIndex(of: "system_id")!] == "ynys-mon-and-gwynedd-ics" })
        #expect(rows[1][rows[0].firstIndex(of: "system_as_named")!] == "Ynys Môn & Gwynedd ICS")
        let json = try roundTrip(ProgressExport.json(progression))
        #expect(json.renames.first?.to == "North Wales ICS")
        #expect(json.attribution.ownWork == ownWork)
        CampaignReport.record("Attribution in every export (summary md, html, csv, json; progress text, md, html, csv, json)",
                              cases: 9, how: "the source's part and this tool's own part stated apart in each format")
    }
}
