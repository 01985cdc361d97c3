import Foundation
import Testing
@testable import MaturityFramework

@Suite("Reading the user's files")
struct LocalFilesTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "maturity-localfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func link(_ name: String, to target: String) throws -> URL {
        let url = folder.appending(path: name)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        return url
    }

    /// Only regular files are read; anything else is refused unread, with what it is. (A FIFO is
    /// tested through the binary, where a hang can be timed out: see SpecialFileTests.)
    @Test func onlyRegularFilesAreRead() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let socketURL = folder.appending(path: "socket.json")
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketURL.path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let folderNamedJSON = folder.appending(path: "folder.json")
        try FileManager.default.createDirectory(at: folderNamedJSON, withIntermediateDirectories: true)
        let cases: [(URL, LocalFiles.ReadFailure)] = [
            (try link("null.json", to: "/dev/null"), .notAFile(kind: "a device", throughLink: true)),
            (try link("zero.json", to: "/dev/zero"), .notAFile(kind: "a device", throughLink: true)),
            (try link("tty.json", to: "/dev/tty"), .notAFile(kind: "a device", throughLink: true)),
            (URL(fileURLWithPath: "/dev/null"), .notAFile(kind: "a device", throughLink: false)),
            (socketURL, .notAFile(kind: "a socket", throughLink: false)),
            (folderNamedJSON, .folder),
            (try link("dangling.json", to: folder.appending(path: "nowhere").path), .missing),
        ]
        for (url, failure) in cases {
            #expect(LocalFiles.read(url, limit: 1000) == .failure(failure), "\(url.lastPathComponent)")
        }
        #expect(LocalFiles.ReadFailure.notAFile(kind: "a device", throughLink: true).description == "is a link to a device, not a file")
        #expect(LocalFiles.ReadFailure.notAFile(kind: "a FIFO (named pipe)", throughLink: false).description
            == "is a FIFO (named pipe), not a file")
    }

    /// A symbolic link to a regular file is followed (a framework or answer sheet kept elsewhere); the
    /// size limit holds however the file is reached.
    @Test func aLinkToARegularFileIsReadWithinTheLimit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appending(path: "target.yaml")
        try Data("id: x\n".utf8).write(to: target)
        let linked = try link("linked.yaml", to: target.path)
        #expect(LocalFiles.read(linked, limit: 100) == .success(Data("id: x\n".utf8)))
        #expect(LocalFiles.read(linked, limit: 3) == .failure(.tooLarge(size: 6, limit: 3)))
        #expect(LocalFiles.read(folder.appending(path: "none"), limit: 3) == .failure(.missing))
    }
}
