import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Users and groups of this machine, by name and number (the system's own databases, through
/// `getpwuid_r` and `getgrnam_r`), and the groups this process belongs to.
enum UnixAccounts {
    /// The login name of user `uid`, else the number as text.
    static func userName(_ uid: uid_t) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            return "user \(uid)"
        }
        return String(cString: name)
    }

    /// The name of group `gid`, else the number as text.
    static func groupName(_ gid: gid_t) -> String {
        groupEntry { getgrgid_r(gid, &$0, $1, $2, &$3) }?.name ?? "group \(gid)"
    }

    /// The number of the group `name`; nil when this machine has no such group.
    static func groupID(named name: String) -> gid_t? {
        guard !name.isEmpty else { return nil }
        return groupEntry { getgrnam_r(name, &$0, $1, $2, &$3) }?.id
    }

    /// The name and number of the group `lookUp` finds (`getgrnam_r` or `getgrgid_r`), with a buffer grown
    /// while it is too small (a group with thousands of members needs more than the usual 64 KiB).
    private static func groupEntry(
        _ lookUp: (inout group, UnsafeMutablePointer<CChar>, Int, inout UnsafeMutablePointer<group>?) -> Int32
    ) -> (name: String, id: gid_t)? {
        var size = 1 << 16
        while size <= 1 << 24 {
            var entry = group()
            var result: UnsafeMutablePointer<group>?
            var buffer = [CChar](repeating: 0, count: size)
            let code = buffer.withUnsafeMutableBufferPointer { pointer in
                pointer.baseAddress.map { lookUp(&entry, $0, size, &result) } ?? EINVAL
            }
            if code == ERANGE {
                size *= 4
                continue
            }
            guard code == 0, result != nil, let name = entry.gr_name else { return nil }
            return (String(cString: name), entry.gr_gid)
        }
        return nil
    }

    /// Whether this process belongs to group `gid` (its effective group, or one of its supplementary groups).
    static func isMember(of gid: gid_t) -> Bool {
        if getegid() == gid { return true }
        let count = getgroups(0, nil)
        guard count > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let filled = getgroups(count, &groups)
        return filled > 0 && groups.prefix(Int(filled)).contains(gid)
    }
}
