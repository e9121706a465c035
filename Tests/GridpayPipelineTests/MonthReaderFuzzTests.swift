import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// Fuzzes CSV ingest through the whole period path (MonthRunner.run, in process) on small periods
/// cut from the samples: the qinghe month 2026-10 and the shuangqiao quarter 2026-Q3 (three month
/// folders read as one), each with the first six workers of the last roster and their rows. One
/// export at a time is damaged (CSVMutation: empty, header only, junk bytes, bytes that are not
/// UTF-8, a BOM anywhere, CR/LF/CRLF mixes, a stray quote, an extra or a missing column, a huge
/// field, NUL, GB18030 bytes or a whole file in GB18030, a quoted multi-line field, lines deleted,
/// duplicated or swapped, truncation; one to three of them).
/// Properties: no crash; the run succeeds, or fails with problems whose file:line:column lie inside
/// the file they name (line ≤ its lines, column ≥ 1 and at most one past the most fields of a line);
/// a failed run leaves the output folder exactly as it was (same files, same bytes, nothing added);
/// the same damage run again gives the same problems, or the same output bytes; a period that runs
/// also explains every worker (MonthRunner.prepare and Explanation, as `gridpay explain`).
final class MonthReaderFuzzTests: XCTestCase {
    /// The outcome of a run: the problems (as text) or the files written (name → bytes).
    enum Outcome: Equatable {
        case failed([String])
        case written([String: Data], warnings: [String])
    }

    func testDamagedExportsOfAMonthFailAtTheirPlaceAndLeaveOutputsAlone() throws {
        try fuzz(town: "qinghe", period: "2026-10", months: ["2026-10"], seeds: FuzzPlan.seeds(default: 40, salt: 5))
    }

    func testDamagedExportsOfAQuarterFailAtTheirPlaceAndLeaveOutputsAlone() throws {
        try fuzz(town: "shuangqiao", period: "2026-Q3", months: ["2026-07", "2026-08", "2026-09"], seeds: FuzzPlan.seeds(default: 30, salt: 8))
    }

    func fuzz(town: String, period: String, months: [String], seeds: [UInt64]) throws {
        let original = try SmallPeriod.files(town: town, months: months)
        let root = TemporaryFolder()
        let townDir = "\(root.path)/Input/\(town)", output = "\(root.path)/Output"
        func write(_ files: [String: [UInt8]]) throws { try SmallPeriod.write(files, townDir: townDir) }
        var request = TestTown.sample(town, period, output: output)
        request.inputDir = "\(root.path)/Input"
        func run() -> (Outcome, [Diagnostic]) {
            switch MonthRunner.run(request) {
            case .success(let r):
                return (.written(SmallPeriod.snapshot(r.directory), warnings: r.warnings.map(\.description)), r.warnings)
            case .failure(let f): return (.failed(f.diagnostics.map(\.description)), f.diagnostics)
            }
        }
        // The undamaged period runs: the earlier outputs every damaged run must leave alone.
        try write(original)
        guard case .written = run().0 else { return XCTFail("the small \(town) \(period) does not run: \(run().1)") }
        let names = original.keys.sorted()
        var failed = 0
        for seed in seeds {
            var rng = SplitMix64(seed: seed)
            let name = rng.pick(names)
            let (bytes, what) = CSVMutation.mutateSome(original[name]!, &rng)
            let context = "seed \(seed) (\(town) \(name): \(what)); replay with GRIDPAY_FUZZ_SEED=\(seed)"
            FuzzPlan.announce(seed, "\(name): \(what)")
            var files = original
            files[name] = bytes
            try write(files)
            let before = SmallPeriod.snapshot(output)
            let (first, diagnostics) = run()
            let after = SmallPeriod.snapshot(output)
            let (second, _) = run()
            let errors = diagnostics.filter { $0.severity == .error && $0.location != nil }
            FuzzPlan.announce(seed, "→ \(first == second ? "" : "DIFFERENT ")\(errors.isEmpty ? "written" : "failed"): \(errors.count) errors, first \(errors.first.map(\.description) ?? "-")")
            XCTAssertEqual(first, second, "the same damage gave two outcomes: \(context)")
            if case .failed(let problems) = first {
                failed += 1
                XCTAssertFalse(problems.isEmpty, context)
                XCTAssertEqual(after, before, "a failed run changed the output folder: \(context)")
            }
            for d in diagnostics { XCTAssertNil(SmallPeriod.problem(d, files: files, townDir: townDir), "\(d): \(context)") }
            // What ran also explains (as `gridpay explain`, rows kept in memory): every worker.
            if case .written = first {
                guard case .success(let m) = MonthRunner.prepare(request) else { XCTFail("ran but prepare failed: \(context)"); continue }
                for w in m.report.workers {
                    let text = Explanation.text(worker: w, in: m.scoring, ruleFile: m.ruleFileName, workerCount: m.report.workers.count)
                    XCTAssertTrue(text.contains(w.id), "the explanation of \(w.id) does not name it: \(context)")
                }
            }
        }
        // Most damage is refused, some passes (a swapped or duplicated line of a table without ids).
        if seeds.count >= 20, failed == 0 { XCTFail("no damaged \(period) was refused") }
        try write(original)
    }
}
