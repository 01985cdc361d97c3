import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who may use a store, read from its folder's mode: the folder is the only record, so no file in the
/// store can disagree with what the kernel enforces. A folder with the set-group-id bit and read, write
/// and search for its group (as `maturity store share` leaves it, 2770) is shared with that group;
/// anything else is private to its owner.
public enum StoreAccess: Sendable, Equatable {
    /// The owner alone: files 0600, folder 0700.
    case owner
    /// The owner and the members of the group `id`: files 0660, folder 2770.
    case group(gid_t)

    /// The access a store folder of `mode` (as `stat` gives it) and `group` stands for.
    public static func of(folderMode mode: mode_t, group: gid_t) -> StoreAccess {
        mode & S_ISGID != 0 && mode & 0o070 == 0o070 ? .group(group) : .owner
    }

    /// The access of the store folder at `path`; ``owner`` when it cannot be looked at (a missing
    /// folder is private until `share` says otherwise).
    public static func of(folder path: String) -> StoreAccess {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return .owner }
        return of(folderMode: status.st_mode, group: status.st_gid)
    }

    /// The permission bits of every file the store writes: 0600 private, 0660 shared.
    public var fileMode: mode_t {
        switch self {
        case .owner: 0o600
        case .group: 0o660
        }
    }

    /// The mode `share` gives the folder: 0700 private, 2770 shared (set-group-id, so that new files take its group).
    public var folderMode: mode_t {
        switch self {
        case .owner: 0o700
        case .group: 0o2770
        }
    }

    /// Gives a file this process has just created (open as `descriptor`) the store's mode and group,
    /// whatever the umask. A private store's file keeps the mode it was created with (0600 less the
    /// umask, as always); a shared store's becomes 0660 with the folder's group (the set-group-id bit
    /// gives it already on Linux; this also covers file systems that ignore it). Returns the error
    /// number of a failure, nil on success.
    func protect(created descriptor: Int32) -> Int32? {
        guard case let .group(group) = self else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return errno }
        if status.st_gid != group, fchown(descriptor, uid_t.max, group) != 0 { return errno }
        if status.st_mode & 0o7777 != fileMode, fchmod(descriptor, fileMode) != 0 { return errno }
        return nil
    }
}
