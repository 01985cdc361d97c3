import Foundation

/// The names in a store folder (or any folder) as tests count them: the store's `frameworks/` folder,
/// where it keeps copies of the frameworks its assessments use (issue 16), left out.
public func storeContents(atPath path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).filter { $0 != "frameworks" }
}
