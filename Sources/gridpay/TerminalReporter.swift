import Foundation
import GridpayPipeline

/// The command line's `RunReporter`: a progress line on stderr only when stderr is a terminal
/// (never in logs or pipes), and with GRIDPAY_TIMINGS=1 each phase's time and the memory so far
/// (for profiling runs). Reading threads report at once: the counters are behind a lock.
final class TerminalReporter: RunReporter, @unchecked Sendable {
    /// The progress line is redrawn at most this often, so a fast run does not spend its time on
    /// the terminal.
    static let redrawInterval: TimeInterval = 0.25
    /// Erases the current terminal line (carriage return, then ANSI "erase to end of line").
    static let clearLine = "\r\u{1B}[K"

    let showsProgress: Bool
    let showsTimings: Bool
    let lock = NSLock()
    var file = ""
    var rows = 0
    let started = Date()
    var lastDrawn = Date.distantPast

    init(showsProgress: Bool, showsTimings: Bool) {
        self.showsProgress = showsProgress
        self.showsTimings = showsTimings
    }

    /// The reporter a command runs with, or nil when there is nothing to show (a quiet run, or
    /// stderr not a terminal, without timings): the pipeline then reports nothing at all.
    static func make(quiet: Bool) -> TerminalReporter? {
        let progress = !quiet && isatty(STDERR_FILENO) == 1
        let timings = ProcessInfo.processInfo.environment["GRIDPAY_TIMINGS"] == "1"
        return progress || timings ? TerminalReporter(showsProgress: progress, showsTimings: timings) : nil
    }

    func readingFile(_ name: String) {
        guard showsProgress else { return }
        lock.lock()
        defer { lock.unlock() }
        file = name
        draw(force: true)
    }

    func rowsRead(_ count: Int) {
        guard showsProgress else { return }
        lock.lock()
        defer { lock.unlock() }
        rows += count
        draw(force: false)
    }

    func status(_ text: String) {
        guard showsProgress else { return }
        lock.lock()
        defer { lock.unlock() }
        write("\(Self.clearLine)\(text)…")
    }

    func phaseEnded(_ phase: String, seconds: Double) {
        guard showsTimings else { return }
        // Peak and current resident memory so far, from the kernel's accounting.
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let memory = status.split(separator: "\n").filter { $0.hasPrefix("VmHWM") || $0.hasPrefix("VmRSS") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }.joined(separator: ", ")
        lock.lock()
        defer { lock.unlock() }
        write(String(format: "%@: %.2f s (%@)\n", phase, seconds, memory))
    }

    /// Clears the progress line when the command is done.
    func finish() {
        guard showsProgress else { return }
        write(Self.clearLine)
    }

    private func draw(force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDrawn) > Self.redrawInterval else { return }
        lastDrawn = now
        let rate = Double(rows) / max(0.001, now.timeIntervalSince(started))
        write(Self.clearLine + ProgressMessages.readingRows(file, rows: rows, perSecond: Int(rate)))
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
