import Foundation

/// Progress of a long run on stderr, only when stderr is a terminal (never in logs or pipes).
/// Tables are read on two threads: the counters are behind a lock.
public final class ProgressReporter: @unchecked Sendable {
    let enabled: Bool
    let lock = NSLock()
    var file = ""
    var rows = 0
    var fileRows = 0
    var started = Date()
    var lastPrint = Date.distantPast

    public init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    func startFile(_ name: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        file = name
        fileRows = 0
        show(force: true)
    }

    @inline(__always) func row() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        rows += 1
        fileRows += 1
        if fileRows & 0x3FFF == 0 { show(force: false) }
    }

    func status(_ text: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)…".utf8))
    }

    func show(force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastPrint) > 0.25 else { return }
        lastPrint = now
        let rate = Double(rows) / max(0.001, now.timeIntervalSince(started))
        FileHandle.standardError.write(Data("\r\u{1B}[Kreading \(file): \(rows) rows read (\(Int(rate)) rows/s)".utf8))
    }

    public func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
