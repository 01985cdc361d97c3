import Foundation
import MaturityFramework
import MaturityModel
import Testing
@testable import MaturityStore

/// Metric values (issue 14): kept in the file with the places typed, and read from metric sheets.
@Suite("Metric values in files and sheets")
struct MetricValuesFileTests {
    func sheet(_ text: String, _ name: String = "m.csv") throws(StoreError) -> [MetricReading] {
        try MetricSheet.read(Data(text.utf8), fileName: name, framework: seedFramework)
    }

    func failure(_ text: String, _ name: String = "m.csv") -> String {
        do {
            _ = try sheet(text, name)
            return "read"
        } catch {
            return error.message
        }
    }

    @Test func valuesKeepTheirPlacesThroughAFile() throws {
        var assessment = sampleAssessment(date: "2026-11-24")
        assessment.metrics = try sheet("Metric,VALUE,period\necon-nhs-spend,\"1,234.50\",2025/26\nclimate-fleet-size,310,\n")
        let data = try AssessmentFile.encode(assessment, framework: seedFramework)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"value\" : \"1234.50\"") && text.contains("\"schemaVersion\" : 2,"))
        let read = try AssessmentFile.decode(data)
        #expect(read.metrics == assessment.metrics)
        #expect(read.metrics.map(\.value.description) == ["1234.50", "310"])
        #expect(read.metrics.first?.unit == "£ million a year" && read.metrics.first?.period == "2025/26")
        // A value the reader would refuse, and a metric given twice, are one clear line each.
        let percent = text.replacingOccurrences(of: "\"value\" : \"310\"", with: "\"value\" : \"310%\"")
        #expect(throws: AssessmentFileError.self) { try AssessmentFile.decode(Data(percent.utf8)) }
        let twice = text.replacingOccurrences(of: "\"metric\" : \"climate-fleet-size\"", with: "\"metric\" : \"econ-nhs-spend\"")
        do { _ = try AssessmentFile.decode(Data(twice.utf8)); Issue.record("read") } catch {
            #expect("\(error)".contains("metrics[1]: metric 'econ-nhs-spend' is given twice"), "\(error)")
        }
    }

    @Test func jsonSheetsInBothFormsAndEveryRefusal() throws {
        let list = try sheet(#"[{"metric": "econ-nhs-spend", "value": "12.50", "source": "Accounts"}]"#, "m.json")
        #expect(list.map(\.value.description) == ["12.50"] && list.first?.source == "Accounts")
        let map = try sheet(#"{"climate-fleet-size": 310, "econ-nhs-spend": {"value": "1,000", "unit": "£ million a year"}}"#, "m.json")
        #expect(map.map(\.metricID) == ["climate-fleet-size", "econ-nhs-spend"] && map.map(\.value.description) == ["310", "1000"])
        #expect(failure("metric,value\necon-nhs-spend,12%\n") == "m.csv:2: econ-nhs-spend: '12%' has '%' in it; type the number alone, the unit is recorded separately")
        #expect(failure("metric,value,unit\necon-nhs-spend,12,£ thousand\n") == "m.csv:2: econ-nhs-spend: unit '£ thousand' differs from the framework's '£ million a year'")
        #expect(failure("metric,value\necon-nope,12\n").hasPrefix("m.csv:2: no metric 'econ-nope' in the framework; metrics: econ-nhs-spend,"))
        #expect(failure("metric,value\necon-nhs-spend,1\necon-nhs-spend,2\n") == "m.csv:3: metric 'econ-nhs-spend' is given twice")
        #expect(failure("metric,value,period\necon-nhs-spend,1,\"2025\n26\"\n") == "m.csv:2: period must be one line")
        #expect(failure("metric,value,source\necon-nhs-spend,1,\"\u{1B}]0;x\u{7}\"\n") == "m.csv:2: econ-nhs-spend: source: must not contain control characters such as tabs or escapes")
        #expect(failure("metric,amount\necon-nhs-spend,1\n") == "m.csv:1: the header must name the columns metric and value (and may add unit, period, source, note)")
        #expect(failure("metric,value,Value\n") == "m.csv:1: the column 'value' appears twice")
        #expect(failure(#"[{"metric": "econ-nhs-spend", "value": "1e6"}]"#, "m.json")
            == "m.json: [0]: econ-nhs-spend: '1e6' has an exponent; write the number in full, such as 1000000")
        #expect(failure("\u{1B}[2J", "m.json").hasPrefix("m.json: is not a list of"))
    }
}
