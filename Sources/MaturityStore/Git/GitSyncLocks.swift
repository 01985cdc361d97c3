import FoundationEssentials

extension GitStore {
    /// Takes the lock of every draft a workshop has had open in the store (each has a `.<name>.lock`),
    /// so that no workshop writes a draft while `sync` merges into it, and none opens one meanwhile.
    /// Throws, naming the workshop, when one is open now: a workshop keeps its draft in memory, and its
    /// next save would silently replace what the merge brought. Release the locks after the sync.
    public func holdDrafts() throws(GitError) -> [DraftLock] {
        var held: [DraftLock] = []
        let names = (try? FolderNames.names(in: folder)) ?? []
        for name in names.sorted() where name.hasPrefix(".") && name.hasSuffix(".json.lock") {
            let draft = folder.appending(path: String(name.dropFirst().dropLast(".lock".count)))
            do {
                held.append(try DraftLock.acquire(draft))
            } catch let busy as DraftLock.Busy {
                held.forEach { $0.release() }
                throw .failed("\(busy); close it before 'maturity sync', so that nothing it saves later replaces what sync brings")
            } catch {
                held.forEach { $0.release() }
                throw .failed("cannot sync: \(error)")
            }
        }
        return held
    }
}
