import Foundation
import GridpayCore

/// Writes archived objects back to files (what `verify` re-runs from), each checked against its
/// SHA-256 while it is written. The two largest shares of bytes go on two threads, each with its
/// own connection to the ledger: extracting a province month (≈ 500 MB) is most of what verify
/// adds to a run.
enum ArchiveExtraction {
    /// The problems, in the order of `files` (the same at any thread count).
    static func extract(_ files: [(file: ArchivedFile, path: String)], ledger: Ledger) -> [Diagnostic] {
        let found = Found(count: files.count)
        let shares = split(files.map(\.file.bytes))
        // A second connection for the second share; without one, everything on this thread.
        let second: Ledger? = shares[1].isEmpty ? nil : try? Ledger(path: ledger.path, town: ledger.town, words: ledger.words, create: false, readOnly: true)
        let plan = second == nil ? [shares[0] + shares[1]] : shares
        DispatchQueue.concurrentPerform(iterations: plan.count) { k in
            let connection = k == 0 ? ledger : second!
            for i in plan[k] {
                if let d = extract(files[i].file, to: files[i].path, ledger: connection) { found.set(i, d) }
            }
        }
        return found.all
    }

    /// Each file's problem, written from either thread.
    final class Found: @unchecked Sendable {
        private var items: [Diagnostic?]
        private let lock = NSLock()

        init(count: Int) { items = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ d: Diagnostic) {
            lock.lock()
            items[i] = d
            lock.unlock()
        }

        var all: [Diagnostic] {
            lock.lock()
            defer { lock.unlock() }
            return items.compactMap { $0 }
        }
    }

    /// File indices in two shares of about equal bytes (largest first, each to the lighter share).
    static func split(_ sizes: [Int]) -> [[Int]] {
        var shares: [[Int]] = [[], []]
        var bytes = [0, 0]
        for i in sizes.indices.sorted(by: { (sizes[$0], $1) > (sizes[$1], $0) }) {
            let k = bytes[0] <= bytes[1] ? 0 : 1
            shares[k].append(i)
            bytes[k] += sizes[i]
        }
        return shares.map { $0.sorted() }
    }

    /// A write to the scratch copy failed (a full disk): not the archive's fault.
    struct ScratchFailed: Error { var underlying: Error }

    static func extract(_ f: ArchivedFile, to path: String, ledger: Ledger) -> Diagnostic? {
        do {
            let handle: FileHandle
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
                handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            } catch { throw ScratchFailed(underlying: error) }
            defer { try? handle.close() }
            try ledger.readObject(f.sha256) { data in
                do { try handle.write(contentsOf: data) } catch { throw ScratchFailed(underlying: error) }
            }
            do { try handle.synchronize() } catch { throw ScratchFailed(underlying: error) }
            return nil
        } catch let s as ScratchFailed {
            return .error(LedgerSealMessages.scratchFailed(path, s.underlying), at: nil)
        } catch let c as ArchiveCorrupted {
            return .error(LedgerMessages.archivedCorrupted(f.file, period: f.period, ledger: ledger.path, recorded: c.sha256, actual: c.actual), at: nil)
        } catch {
            return .error(LedgerMessages.archivedUnreadable(f.file, period: f.period, ledger: ledger.path, reason: ledger.describe(error)), at: nil)
        }
    }
}
