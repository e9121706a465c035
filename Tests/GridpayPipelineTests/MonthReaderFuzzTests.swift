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
    static let keep = 6

    /// The small period: each month folder's CSV files, keyed `YYYY-MM/<file>`, with the last
    /// roster's first `keep` workers and the rows that name one of them in some column.
    static func smallPeriod(town: String, months: [String]) throws -> [String: [UInt8]] {
        // Lines split on the bytes: some samples end lines with CRLF, one Character that a split
        // of the text at "\n" would not see.
        func lines(_ path: String) throws -> [ArraySlice<UInt8>] {
            CSVMutation.lines(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        func fields(_ line: ArraySlice<UInt8>) -> [String] {
            String(decoding: line, as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
                .replacingOccurrences(of: "\r", with: "").components(separatedBy: ",")
        }
        let last = try lines("\(packageRoot)/Input/\(town)/\(months.last!)/roster.csv")
        let kept = Set(last[1...keep].map { fields($0)[0] })
        var files: [String: [UInt8]] = [:]
        for month in months {
            let dir = "\(packageRoot)/Input/\(town)/\(month)"
            for name in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".csv") }) {
                let all = try lines("\(dir)/\(name)")
                let rows = all.dropFirst().filter { !kept.isDisjoint(with: fields($0)) }
                files["\(month)/\(name)"] = CSVMutation.join([all[0]] + rows) + [10]
            }
        }
        return files
    }

    /// Every file under `dir` (relative path → bytes).
    static func snapshot(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walk = FileManager.default.enumerator(atPath: dir) else { return out }
        for case let path as String in walk {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(dir)/\(path)", isDirectory: &isDir), !isDir.boolValue {
                out[path] = FileManager.default.contents(atPath: "\(dir)/\(path)") ?? Data()
            } else { out[path + "/"] = Data() }
        }
        return out
    }

    /// Lines of a file as a reader may count them: ends LF, CRLF or a lone CR.
    static func lineCount(_ b: [UInt8]) -> Int {
        var n = 1
        for (i, c) in b.enumerated() where c == 10 || (c == 13 && (i + 1 == b.count || b[i + 1] != 10)) { n += 1 }
        return n
    }

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
        let original = try Self.smallPeriod(town: town, months: months)
        let root = TemporaryFolder()
        let townDir = "\(root.path)/Input/\(town)", output = "\(root.path)/Output"
        for m in months { try FileManager.default.createDirectory(atPath: "\(townDir)/\(m)", withIntermediateDirectories: true) }
        func write(_ files: [String: [UInt8]]) throws {
            for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: "\(townDir)/\(name)")) }
        }
        var request = TestTown.sample(town, period, output: output)
        request.inputDir = "\(root.path)/Input"
        func run() -> (Outcome, [Diagnostic]) {
            switch MonthRunner.run(request) {
            case .success(let r):
                return (.written(Self.snapshot(r.directory), warnings: r.warnings.map(\.description)), r.warnings)
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
            let before = Self.snapshot(output)
            let (first, diagnostics) = run()
            let after = Self.snapshot(output)
            let (second, _) = run()
            let errors = diagnostics.filter { $0.severity == .error && $0.location != nil }
            FuzzPlan.announce(seed, "→ \(first == second ? "" : "DIFFERENT ")\(errors.isEmpty ? "written" : "failed"): \(errors.count) errors, first \(errors.first.map(\.description) ?? "-")")
            XCTAssertEqual(first, second, "the same damage gave two outcomes: \(context)")
            if case .failed(let problems) = first {
                failed += 1
                XCTAssertFalse(problems.isEmpty, context)
                XCTAssertEqual(after, before, "a failed run changed the output folder: \(context)")
            }
            for d in diagnostics { XCTAssertNil(Self.problem(d, files: files, townDir: townDir), "\(d): \(context)") }
            // What ran also explains (as `gridpay explain`, rows kept in memory): every worker.
            if case .written = first {
                guard case .success(let m) = MonthRunner.prepare(request) else { XCTFail("ran but prepare failed: \(context)"); continue }
                for w in m.report.workers {
                    let text = Explanation.text(worker: w, in: m.inputs.computation, ruleFile: m.ruleFileName, workerCount: m.report.workers.count)
                    XCTAssertTrue(text.contains(w.id), "the explanation of \(w.id) does not name it: \(context)")
                }
            }
        }
        // Most damage is refused, some passes (a swapped or duplicated line of a table without ids).
        if seeds.count >= 20, failed == 0 { XCTFail("no damaged \(period) was refused") }
        try write(original)
    }

    /// nil when the diagnostic points inside the file it names (or names no file), else why not.
    static func problem(_ d: Diagnostic, files: [String: [UInt8]], townDir: String) -> String? {
        if d.message.isEmpty { return "empty message" }
        guard let loc = d.location else { return nil }
        guard loc.file.hasPrefix(townDir + "/"), let bytes = files[String(loc.file.dropFirst(townDir.count + 1))] else {
            return loc.file.hasSuffix(".toml") ? nil : "names a file that was not read"
        }
        let lines = lineCount(bytes)
        if loc.line < 1 || loc.line > lines { return "line \(loc.line) outside 1...\(lines)" }
        // Columns count fields: at most one past the most fields any line has.
        var fields = 1
        for line in CSVMutation.lines(bytes) { fields = max(fields, line.filter { byte in byte == 44 }.count + 1) }
        if loc.column < 1 || loc.column > fields + 1 { return "column \(loc.column) outside 1...\(fields + 1)" }
        return nil
    }
}
