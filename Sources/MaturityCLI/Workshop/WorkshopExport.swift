import FoundationEssentials
import MaturityFramework
import MaturityModel
import MaturityReports
import MaturityStore

/// The workshop's export of the summary: the report made from the assessment in hand, rendered in every
/// format (the metrics' CSV only when there is a reading), and written side by side by ``SummaryExport`` (never into the store).
enum WorkshopExport {
    /// Writes the summary of `assessment` (whose draft is at `draftPath`, if saved) as `request` says.
    static func write(_ assessment: Assessment, draftPath: String?, framework: Framework, store: AssessmentStore,
                      request: SummaryExport.Request) -> SummaryExport.Outcome {
        let file = draftPath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? AssessmentStore.fileName(for: assessment)
        let stem = String(file.dropLast(".json".count)) + "-summary"
        let files: [(ending: String, data: Data)]
        do {
            let report = try Reports.summary(of: assessment, file: file, framework: framework, store: store).report
            // The metrics' CSV only when the series has a reading (`STEM-metrics.csv`, beside the summary's four).
            let formats = ReportFormat.allCases.filter { $0 != .text && ($0 != .metricsCSV || !report.metrics.isEmpty) }
            files = try formats.map { format in
                (format == .metricsCSV ? "metrics.csv" : format.rawValue, Data(try Reports.render(report, as: format).utf8))
            }
        } catch let error as StoreError {
            return .failed(error.message)
        } catch {
            return .failed("\(error)")
        }
        let exporter = SummaryExport(
            candidates: SummaryExport.defaultCandidates(environment: ProcessEnvironment.variables,
                                                        currentFolder: FileManager.default.currentDirectoryPath),
            stores: OutputFile.storeFolders(store, also: draftPath.map { [URL(fileURLWithPath: $0).deletingLastPathComponent()] } ?? []))
        return exporter.write(files, stem: stem, request: request)
    }
}
