import Foundation
import MaturityFramework
@testable import MaturityModel
import Testing
import TestSupport
@testable import MaturityStore

/// Issue 14: a glance carries its file's metric values (for `progress`), read in the one pass and kept
/// exactly in the scan index (format 3), so `progress` never reads a file in full for them.
@Suite("Metric values in glances and the scan index")
struct GlanceMetricsTests {
    static func withMetrics() -> Assessment {
        var assessment = sampleAssessment(system: "Humber ICS")
        assessment.metrics = [
            MetricReading(metricID: "climate-carbon-footprint", value: ExactDecimal(units: 4_120_050, scale: 2)!, unit: "tCO2e a year",
                          period: "2025/26", source: "=cmd|' <b>\"x\"</b> 日本", note: nil),
            MetricReading(metricID: "employ-workforce", value: ExactDecimal(units: -1, scale: 9)!, unit: "people"),
        ]
        return assessment
    }

    @Test func theGlanceReadsTheValuesAsTheDecoderDoes() throws {
        let assessment = Self.withMetrics()
        let data = try AssessmentFile.encode(assessment, framework: seedFramework)
        let glance = try #require(AssessmentFile.glance(in: data), "the one pass reads the file")
        #expect(glance.metrics == assessment.metrics)
        #expect(glance.metrics.map(\.value.description) == ["41200.50", "-0.000000001"], "places kept exactly")
        #expect(glance.assessment.metrics == assessment.metrics)
        #expect(glance == AssessmentGlance(try AssessmentFile.decode(data)))
    }

    @Test func theIndexKeepsTheValuesExactlyWithAbsentPeriodSourceAndNote() throws {
        var texts = ScanIndex.Texts()
        let glance = AssessmentGlance(Self.withMetrics())
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5)
        let body = ScanIndex.body(stamp: stamp, firstSeen: 6, settled: true, glance: glance, texts: &texts)
        let index = try #require(ScanIndex(ScanIndex.file(folder: (7, 8), bootID: "boot", texts: texts.texts, entries: [("a.json", body[...])])))
        let entry = try #require(index.entries["a.json"])
        let kept = try #require(index.glance(of: entry))
        #expect(kept.metrics == glance.metrics && kept == glance)
        #expect(kept.metrics[1].period == nil && kept.metrics[1].source == nil && kept.metrics[1].note == nil)
        CampaignReport.record("Metric values through the glance and the scan index", cases: 2,
                              how: "read in the one pass as the decoder reads them, kept exactly (places, absent fields) in the scan index")
    }
}
