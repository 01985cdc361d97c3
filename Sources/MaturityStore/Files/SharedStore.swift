import FoundationEssentials
import MaturityFramework
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `maturity store share`: makes a store folder deliberately shared with a Unix group (folder 2770 with
/// that group, the store's files 0660), or private again (folder 0700, files 0600). Only what belongs
/// to the user running it is changed; another member's file is named, never changed (the kernel would
/// refuse it anyway). Nothing is followed: a symbolic link, a FIFO or a device in the folder is left
/// alone, and files are changed through descriptors opened without following links or blocking.
public enum SharedStore {
    /// What `share` (or making a store private) did.
    public struct Report: Sendable, Equatable {
        /// The store folder.
        public var folder: String
        /// The access the store has now.
        public var access: StoreAccess
        /// Whether the folder itself was changed (false when it already had that mode and group, or belongs
        /// to another member of the group and was already shared with it).
        public var folderChanged: Bool
        /// The store's files whose mode or group was changed.
        public var changed: [String]
        /// The store's files that already had that mode and group.
        public var unchanged: [String]
        /// The store's files left as they are because they belong to someone else: name and owner.
        public var othersFiles: [OthersFile]
        /// Names in the folder that are not the store's files (not an assessment, lock or temporary file,
        /// or not a regular file): left alone.
        public var leftAlone: [String]
        /// Folders above the store that members of the group cannot pass through (shared stores only).
        public var closedAbove: [String]
    }

    /// A file of the store that belongs to another user.
    public struct OthersFile: Sendable, Equatable {
        /// The file's name.
        public var name: String
        /// Its owner's login name.
        public var owner: String
        /// Whether it already has the store's mode and group.
        public var fits: Bool
    }

    /// Shares the store `folder` (created if missing) with the group `groupName`, of which the user must be a member.
    public static func share(_ folder: URL, group groupName: String) throws(StoreError) -> Report {
        guard let gid = UnixAccounts.groupID(named: groupName) else {
            throw StoreError("there is no group named '\(inert: groupName)' on this machine (see /etc/group; groupadd creates one)")
        }
        guard UnixAccounts.isMember(of: gid) else {
            throw StoreError("you (\(UnixAccounts.userName(geteuid()))) are not a member of the group '\(inert: groupName)', "
                + "so you could not use a store shared with it; ask an administrator to add you (usermod -aG \(inert: groupName) "
                + "\(UnixAccounts.userName(geteuid()))), then log in again")
        }
        try createIfMissing(folder)
        var report = try apply(.group(gid), to: folder)
        report.closedAbove = closedFolders(above: folder, for: gid)
        return report
    }

    /// Makes the store `folder` private to its owner again: the folder 0700 (no set-group-id), the user's files 0600.
    public static func makePrivate(_ folder: URL) throws(StoreError) -> Report {
        try apply(.owner, to: folder)
    }

    /// The login name of the owner of the file at `path` (not followed if a link); nil when it cannot be looked at.
    public static func ownerName(of path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return UnixAccounts.userName(status.st_uid)
    }

    /// Whether `name` is one of the files a store holds: an assessment (`*.json`, not hidden), a draft's lock
    /// file (`.<name>.json.lock`) or a save's temporary file (`.<name>.json.<pid>.<random>.tmp`).
    static func isStoreFileName(_ name: String) -> Bool {
        guard name.hasPrefix(".") else { return name.hasSuffix(".json") }
        return name.dropFirst().contains(".json.") && (name.hasSuffix(".lock") || name.hasSuffix(".tmp"))
    }

    private static func createIfMissing(_ folder: URL) throws(StoreError) {
        var status = stat()
        if stat(folder.path, &status) == 0 { return }
        guard errno == ENOENT else { throw StoreError.system("cannot look at the store folder \(folder.path)", errno) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError("cannot create the store folder \(folder.path): \(ErrorReason.text(for: error))")
        }
    }

    private static func apply(_ access: StoreAccess, to folder: URL) throws(StoreError) -> Report {
        let path = folder.path
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOTDIR { throw StoreError("cannot share \(path): it is a file, not a folder") }
            throw StoreError.system("cannot open the store folder \(path)", code)
        }
        defer { close(descriptor) }
        var report = Report(folder: path, access: access, folderChanged: false, changed: [], unchanged: [], othersFiles: [],
                            leftAlone: [], closedAbove: [])
        report.folderChanged = try applyToFolder(access, descriptor: descriptor, path: path)
        let names: [String]
        do {
            names = try LocalFolder(opening: folder).entries().map(\.name).sorted()
        } catch {
            throw StoreError("cannot read the store folder \(path)")
        }
        for name in names {
            if name == StoreFrameworks.folderName {
                try applyToFrameworks(access, in: descriptor, report: &report)
                continue
            }
            guard isStoreFileName(name) else {
                report.leftAlone.append(name)
                continue
            }
            try applyToFile(name, in: descriptor, access: access, report: &report)
        }
        return report
    }

    /// Gives the folder open as `descriptor` the group and mode of `access`; whether anything changed.
    private static func applyToFolder(_ access: StoreAccess, descriptor: Int32, path: String) throws(StoreError) -> Bool {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw StoreError.system("cannot look at the store folder \(path)", errno) }
        let current = StoreAccess.of(folderMode: status.st_mode, group: status.st_gid)
        let fits = status.st_mode & 0o7777 == access.folderMode && (access == .owner || current == access)
        if fits { return false }
        guard status.st_uid == geteuid() else {
            // Another member's folder already shared with this group: only this user's files remain to be shared.
            if access != .owner, current == access { return false }
            throw StoreError("\(path) belongs to \(UnixAccounts.userName(status.st_uid)); only they can change who may use it")
        }
        if case let .group(gid) = access, status.st_gid != gid, fchown(descriptor, uid_t.max, gid) != 0 {
            throw StoreError.system("cannot give \(path) the group \(UnixAccounts.groupName(gid))", errno)
        }
        guard fchmod(descriptor, access.folderMode) == 0 else {
            throw StoreError.system("cannot set the mode of \(path)", errno)
        }
        return true
    }

    /// Gives the store's `frameworks/` folder (when it is a real folder, never a link) and the copies in it
    /// the mode and group of `access`, as the store folder and its assessments; reported as `frameworks/NAME`.
    private static func applyToFrameworks(_ access: StoreAccess, in store: Int32, report: inout Report) throws(StoreError) {
        let name = StoreFrameworks.folderName
        let folder = openat(store, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard folder >= 0 else {
            report.leftAlone.append(name)
            return
        }
        defer { close(folder) }
        var status = stat()
        guard fstat(folder, &status) == 0, status.st_uid == geteuid() else {
            report.leftAlone.append(name)
            return
        }
        _ = try applyToFolder(access, descriptor: folder, path: name)
        guard let directory = fdopendir(dup(folder)) else { return }
        defer { closedir(directory) }
        var copies: [String] = []
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if entryName != ".", entryName != ".." { copies.append(entryName) }
        }
        var inner = Report(folder: name, access: access, folderChanged: false, changed: [], unchanged: [], othersFiles: [],
                           leftAlone: [], closedAbove: [])
        for copy in copies.sorted() {
            try applyToFile(copy, in: folder, access: access, report: &inner)
        }
        report.changed += inner.changed.map { name + "/" + $0 }
        report.unchanged += inner.unchanged.map { name + "/" + $0 }
        report.leftAlone += inner.leftAlone.map { name + "/" + $0 }
        report.othersFiles += inner.othersFiles.map { OthersFile(name: name + "/" + $0.name, owner: $0.owner, fits: $0.fits) }
    }

    /// Gives the store's file `name` the mode and group of `access` if it is a regular file of this user's.
    private static func applyToFile(_ name: String, in folder: Int32, access: StoreAccess, report: inout Report) throws(StoreError) {
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFREG else {
            report.leftAlone.append(name)
            return
        }
        let fits = fileFits(status, access: access)
        guard status.st_uid == geteuid() else {
            report.othersFiles.append(OthersFile(name: name, owner: UnixAccounts.userName(status.st_uid), fits: fits))
            return
        }
        if fits {
            report.unchanged.append(name)
            return
        }
        // Through a descriptor of the file itself, so that a name swapped for a link meanwhile changes nothing else.
        let file = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard file >= 0 else { throw StoreError.system("cannot open \(name) to change its mode", errno) }
        defer { close(file) }
        var opened = stat()
        guard fstat(file, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG, opened.st_uid == geteuid() else {
            report.leftAlone.append(name)
            return
        }
        if case let .group(gid) = access, opened.st_gid != gid, fchown(file, uid_t.max, gid) != 0 {
            throw StoreError.system("cannot give \(name) the group \(UnixAccounts.groupName(gid))", errno)
        }
        guard fchmod(file, access.fileMode) == 0 else { throw StoreError.system("cannot set the mode of \(name)", errno) }
        report.changed.append(name)
    }

    /// Whether a file of `status` has the mode (and group) of `access`.
    static func fileFits(_ status: stat, access: StoreAccess) -> Bool {
        guard status.st_mode & 0o7777 == access.fileMode else { return false }
        if case let .group(gid) = access { return status.st_gid == gid }
        return true
    }

    /// The folders above `folder` that a member of group `gid` (who is not their owner) cannot pass through.
    static func closedFolders(above folder: URL, for gid: gid_t) -> [String] {
        var closed: [String] = []
        var current = folder.standardizedFileURL.deletingLastPathComponent()
        while true {
            var status = stat()
            if stat(current.path, &status) == 0 {
                let passable = status.st_mode & 0o001 != 0 || (status.st_gid == gid && status.st_mode & 0o010 != 0)
                if !passable { closed.append(current.path) }
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path || current.path == "/" { break }
            current = parent
        }
        return closed.reversed()
    }
}
