import Foundation
import MaturityFramework
import MaturityModel
import MaturityReports
import Testing

/// A place's assessment (issue 15) is headed by its system and place in every summary export.
@Suite("Places in the summary exports")
struct PlaceExportTests {
    @Test func aPlacesPaperNamesThePlaceAndTheSystemsPaperIsUnchanged() throws {
        var leeds = assessment("2026-11-22", [:])
        leeds.place = "Leeds <north>"
        let report = SummaryReport(leeds, framework: seedFramework)
        #expect(MarkdownExport.render(report).hasPrefix("# Maturity self-assessment: West Yorkshire ICS · Leeds \\<north\\>\n"))
        let html = HTMLExport.render(report)
        #expect(html.contains("<h1>Maturity self-assessment: West Yorkshire ICS · Leeds &lt;north&gt;</h1>"))
        #expect(html.contains("<title>Maturity self-assessment: West Yorkshire ICS · Leeds &lt;north&gt;, 2026-11-22</title>"))
        let object = try #require(try untyped(JSONExport.render(report)) as? [String: Any])
        #expect(object["place"] as? String == "Leeds <north>" && object["system"] as? String == "West Yorkshire ICS")
        let whole = try #require(try untyped(JSONExport.render(SummaryReport(assessment("2026-11-22", [:]), framework: seedFramework)))
            as? [String: Any])
        #expect(whole["place"] == nil, "no place key for the whole system: earlier exports unchanged")
    }
}
