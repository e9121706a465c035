import Foundation

/// A value computed from files, kept while the files stay as they were (same names, sizes,
/// modification times and inodes): the console reads the same rule files and pay CSV for every
/// page, and parsing them on each request was most of a page's time under load (issue 23's
/// benchmark). A changed, added or removed file changes the signature and the value is made again.
final class StatCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (signature: [String], value: Value)] = [:]

    /// The value for `key`, made by `make` unless the files at `paths` are as they were when it was made.
    func value(_ key: String, paths: [String], make: () -> Value) -> Value {
        let signature = paths.map(Self.stamp)
        if let hit = lock.withLock({ entries[key] }), hit.signature == signature { return hit.value }
        let made = make()
        lock.withLock { entries[key] = (signature, made) }
        return made
    }

    /// A file's identity for the cache: absent, or its size, modification time and inode.
    static func stamp(_ path: String) -> String {
        var s = stat()
        guard stat(path, &s) == 0 else { return "\(path):-" }
        return "\(path):\(s.st_size):\(s.st_mtim.tv_sec).\(s.st_mtim.tv_nsec):\(s.st_ino):\(s.st_mode)"
    }
}
