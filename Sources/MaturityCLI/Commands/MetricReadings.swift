import FoundationEssentials
import MaturityModel
import MaturityStore

/// The metric readings of a system's few assessment files, read in full (their glances carry none).
enum MetricReadings {
    /// What one file gave: its readings, or the reason it could not be read (then it has none).
    struct Read {
        var metrics: [MetricReading]
        var problem: String?
    }

    /// The readings of each file in `urls`, by file name.
    static func of(_ urls: [URL]) -> [String: Read] {
        Dictionary(urls.map { url in
            let read: Read
            do throws(StoreError) {
                read = Read(metrics: try AssessmentStore.load(url).metrics, problem: nil)
            } catch {
                read = Read(metrics: [], problem: "\(error.message) (its metrics are left out)")
            }
            return (url.lastPathComponent, read)
        }, uniquingKeysWith: { first, _ in first })
    }
}
