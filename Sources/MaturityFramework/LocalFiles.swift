import Foundation

/// Small helpers for the user's files and folders, shared by every module that reads them.
public enum LocalFiles {
    /// Why a file could not be read.
    public enum ReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Nothing at that path.
        case missing
        /// A folder, not a file.
        case folder
        /// Larger than the caller allows.
        case tooLarge(size: Int, limit: Int)
        /// Permission denied or another system error.
        case unreadable

        /// The reason as the end of a sentence starting with the file's name.
        public var description: String {
            switch self {
            case .missing: "no such file"
            case .folder: "is a folder, not a file"
            case let .tooLarge(size, limit): "is \(size) bytes; at most \(limit) are allowed"
            case .unreadable: "cannot be read (permission denied?)"
            }
        }
    }

    /// Whether `data` holds a NUL byte: the mark of a binary file (searched with memchr, not byte by byte).
    public static func isBinary(_ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
    }

    /// The bytes of the file at `url`, refused when larger than `limit` (even if it grows while being read).
    public static func read(_ url: URL, limit: Int) -> Result<Data, ReadFailure> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return .failure(.missing) }
        if isFolder.boolValue { return .failure(.folder) }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        if size > limit { return .failure(.tooLarge(size: size, limit: limit)) }
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return .failure(.unreadable) }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit + 1) else { return .success(Data()) }
        return data.count > limit ? .failure(.tooLarge(size: data.count, limit: limit)) : .success(data)
    }

    /// A per-user folder: the `override` variable if set, else `$<xdgVariable>/<subpath>` when that is
    /// an absolute path, else `~/<homeFallback>/<subpath>` (the XDG base directory convention).
    public static func userFolder(
        environment: [String: String], override: String, xdgVariable: String, homeFallback: String, subpath: String
    ) -> URL {
        if let path = environment[override], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        if let base = environment[xdgVariable], base.hasPrefix("/") {
            return URL(fileURLWithPath: base, isDirectory: true).appending(path: subpath)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appending(path: homeFallback).appending(path: subpath)
    }
}
