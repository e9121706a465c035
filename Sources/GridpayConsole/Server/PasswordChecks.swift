import Foundation
import NIOPosix

/// Where the logins' bcrypt checks run: on threads of their own, at most one or two at once, never
/// on Swift's cooperative pool. A check costs about a tenth of a second of CPU (cost 11); on the
/// county's two-core server the cooperative pool has two threads, and a burst of logins run there
/// held both, so every other request waited behind it. Here the burst queues (each login
/// suspended, holding no thread) while the pages keep answering on the other core.
public final class PasswordChecks: Sendable {
    private let pool: NIOThreadPool
    public let threads: Int

    public init(threads: Int) {
        self.threads = threads
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    /// Two threads at most, one on a machine of three cores or fewer: a core stays for the pages.
    public static func forThisMachine() -> PasswordChecks {
        PasswordChecks(threads: min(2, max(1, ProcessInfo.processInfo.activeProcessorCount / 2)))
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async throws -> T {
        try await pool.runIfActive(body)
    }

    deinit { try? pool.syncShutdownGracefully() }
}
