import Foundation

/// Runs of the console: one at a time per town and period (a second waits for the first, as
/// SPEC §14 asks), with the progress of each for the page.
final class RunCoordinator: @unchecked Sendable {
    private let lock = NSLock()
    private var busy: Set<String> = []
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]
    let progressLock = NSLock()
    var progress: [String: RunProgress] = [:]

    /// Runs `body` when no other run of `key` is under way; the runs of one key never interleave.
    func exclusively<T: Sendable>(_ key: String, _ body: @Sendable () async throws -> T) async throws -> T {
        await acquire(key)
        defer { release(key) }
        return try await body()
    }

    private func acquire(_ key: String) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if busy.contains(key) {
                waiters[key, default: []].append(c)
                lock.unlock()
            } else {
                busy.insert(key)
                lock.unlock()
                c.resume()
            }
        }
    }

    private func release(_ key: String) {
        lock.lock()
        if var queue = waiters[key], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[key] = queue.isEmpty ? nil : queue
            lock.unlock()
            next.resume()  // the key stays busy: handed to the next run
        } else {
            busy.remove(key)
            lock.unlock()
        }
    }
}
