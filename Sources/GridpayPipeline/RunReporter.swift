import Foundation

/// What a long run tells whoever started it while it works: which file it reads, how many rows,
/// which phase it is in and how long each phase took. The pipeline never writes to a terminal
/// itself; the command line implements this (on stderr, only when it is a terminal), tests record
/// it. Warnings and problems are not reported here: they are part of each command's result.
///
/// Tables are read on several threads at once: an implementation must be thread-safe.
public protocol RunReporter: AnyObject, Sendable {
    /// Reading of an input file begins (`events.csv`, or `2026-07/events.csv` in a quarter).
    func readingFile(_ name: String)
    /// `count` more records of the file being read on this thread (the header included), in
    /// batches of at most `RunReporting.rowBatch` so that the per-row loop stays cheap.
    func rowsRead(_ count: Int)
    /// A phase begins, e.g. "scoring 120 workers", "writing the workbook".
    func status(_ text: String)
    /// A phase ended, `seconds` after it began ("read inputs", "score", "write outputs").
    func phaseEnded(_ phase: String, seconds: Double)
}

public enum RunReporting {
    /// Rows are reported in batches this large: often enough for a progress line (a province file
    /// of a million rows reports ~60 times), rare enough to cost nothing per row.
    public static let rowBatch = 16_384
}

/// Measures the phases of a run for the reporter (nothing when there is none).
struct PhaseClock {
    let reporter: RunReporter?
    var last = Date()

    init(_ reporter: RunReporter?) { self.reporter = reporter }

    mutating func lap(_ phase: String) {
        guard let reporter else { return }
        let now = Date()
        reporter.phaseEnded(phase, seconds: now.timeIntervalSince(last))
        last = now
    }
}
