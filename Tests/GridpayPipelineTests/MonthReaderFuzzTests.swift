import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// Fuzzes CSV ingest through the whole month path (MonthRunner.run, in process) on a small month
/// cut from the qinghe sample (Input/qinghe/2026-10, its first six workers and their rows): one
/// export at a time is damaged (CSVMutation: empty, header only, junk bytes, bytes that are not
/// UTF-8, a BOM anywhere, CR/LF/CRLF mixes, a stray quote, an extra or a missing column, a huge
/// field, NUL, GB18030 bytes, lines deleted, duplicated or swapped, truncation).
/// Properties: no crash; the run succeeds, or fails with problems whose file:line:column lie inside
/// the file they name (line ≤ its lines, column ≥ 1); a failed run leaves the output folder
/// exactly as it was (same files, same bytes, nothing added); the same damage run again gives the
/// same problems, or the same output bytes.
final class MonthReaderFuzzTests: XCTestCase {
    static let keep = 6

    /// The small month: `Input/qinghe/2026-10/*.csv` with the roster's first `keep` workers and the
    /// rows of other tables that name one of them in some column.
    static func smallMonth() throws -> [String: [UInt8]] {
        let dir = "\(packageRoot)/Input/qinghe/2026-10"
        var files: [String: [UInt8]] = [:]
        let roster = try String(contentsOfFile: "\(dir)/roster.csv", encoding: .utf8).components(separatedBy: "\n")
        let kept = roster[1...keep].map { String($0.split(separator: ",")[0]) }
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".csv") }) {
            let lines = try String(contentsOfFile: "\(dir)/\(name)", encoding: .utf8).components(separatedBy: "\n")
            let rows = name == "roster.csv" ? Array(lines[1...keep])
                : lines.dropFirst().filter { line in line.split(separator: ",").contains { kept.contains(String($0)) } }
            files[name] = Array(([lines[0]] + rows).joined(separator: "\n").utf8) + [10]
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

    func testDamagedExportsFailAtTheirPlaceAndLeaveOutputsAlone() throws {
        let month = try Self.smallMonth()
        let root = TemporaryFolder()
        let input = "\(root.path)/Input/qinghe/2026-10", output = "\(root.path)/Output"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        func write(_ files: [String: [UInt8]]) throws {
            for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: "\(input)/\(name)")) }
        }
        var request = TestTown.sample("qinghe", "2026-10", output: output)
        request.inputDir = "\(root.path)/Input"
        func run() -> (Outcome, [Diagnostic]) {
            switch MonthRunner.run(request) {
            case .success(let r):
                return (.written(Self.snapshot(r.directory), warnings: r.warnings.map(\.description)), r.warnings)
            case .failure(let f): return (.failed(f.diagnostics.map(\.description)), f.diagnostics)
            }
        }
        // The undamaged month runs: the earlier outputs every damaged run must leave alone.
        try write(month)
        guard case .written = run().0 else { return XCTFail("the small month does not run: \(run().1)") }
        let names = month.keys.sorted()
        var failed = 0
        let seeds = FuzzPlan.seeds(default: 50, salt: 5)
        for seed in seeds {
            var rng = SplitMix64(seed: seed)
            let name = rng.pick(names)
            let (bytes, what) = CSVMutation.mutateSome(month[name]!, &rng)
            let context = "seed \(seed) (\(name): \(what)); replay with GRIDPAY_FUZZ_SEED=\(seed)"
            FuzzPlan.announce(seed, "\(name): \(what)")
            var files = month
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
            for d in diagnostics { XCTAssertNil(Self.problem(d, files: files, input: input), "\(d): \(context)") }
        }
        // Most damage is refused, some passes (a swapped or duplicated line of a table without ids).
        if seeds.count >= 20, failed == 0 { XCTFail("no damaged month was refused") }
        try write(month)
    }

    /// nil when the diagnostic points inside the file it names (or names no file), else why not.
    static func problem(_ d: Diagnostic, files: [String: [UInt8]], input: String) -> String? {
        if d.message.isEmpty { return "empty message" }
        guard let loc = d.location else { return nil }
        guard loc.file.hasPrefix(input + "/"), let bytes = files[String(loc.file.dropFirst(input.count + 1))] else {
            return loc.file.hasSuffix("qinghe.toml") ? nil : "names a file that was not read"
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
