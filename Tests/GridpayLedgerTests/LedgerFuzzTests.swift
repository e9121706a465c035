import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayLedger
@testable import GridpayPipeline

/// Fuzzes the ledger commands (SPEC §9) in process on a small qinghe: 2026-09 and 2026-10 cut to
/// six workers, 2026-09 closed. One export of the closed 2026-09 is damaged at a time (CSVMutation,
/// one to three damages), then `run` and `verify` of 2026-09, `status`, and the run of 2026-10
/// (which recomputes the changed 2026-09 as a correction).
/// Properties: no crash; the run of the closed period either writes exactly the published bytes
/// (the file is unchanged) or refuses, naming exactly the changed file; verify says "identical"
/// (it re-runs from the ledger's archive, not Input/) and says whether Input/ still matches;
/// status succeeds and lists the changed file as a correction waiting; the run of 2026-10 succeeds
/// or fails with problems inside the files they name; a refused command leaves Output/
/// byte-identical; no command changes the ledger's bytes.
final class LedgerFuzzTests: XCTestCase {
    func testDamagedInputsOfAClosedMonthAreRefusedVerifiedAndCarried() throws {
        let town = "qinghe", closed = "2026-09", next = "2026-10"
        let original = try SmallPeriod.files(town: town, months: [closed, next])
        let root = TemporaryFolder()
        let inputDir = "\(root.path)/Input", townDir = "\(inputDir)/\(town)", output = "\(root.path)/Output", ledgerDir = "\(root.path)/Ledger"
        try SmallPeriod.write(original, townDir: townDir)
        func request(_ period: String) -> RunRequest {
            var r = RunRequest(town: town, period: CalendarPeriod.parse(period)!)
            r.rulesDir = "\(packageRoot)/Rules"
            r.inputDir = inputDir
            r.outputDir = output
            return r
        }
        guard case .success = LedgerCommands.close(request(closed), by: "fuzz", ledgerDir: ledgerDir, now: Date(timeIntervalSince1970: 0)) else {
            return XCTFail("the small \(town) \(closed) does not close")
        }
        let published = SmallPeriod.snapshot("\(output)/\(town)/\(closed)")
        guard case .success = LedgerCommands.run(request(next), ledgerDir: ledgerDir) else { return XCTFail("the small \(town) \(next) does not run") }
        let ledger = SmallPeriod.snapshot(ledgerDir)
        let names = original.keys.filter { $0.hasPrefix(closed + "/") }.sorted()
        var refused = 0, carriedFailed = 0
        for seed in FuzzPlan.seeds(default: 25, salt: 11) {
            var rng = SplitMix64(seed: seed)
            let name = rng.pick(names)
            let (bytes, what) = CSVMutation.mutateSome(original[name]!, &rng)
            let context = "seed \(seed) (\(town) \(name): \(what)); replay with GRIDPAY_FUZZ_SEED=\(seed)"
            FuzzPlan.announce(seed, "\(name): \(what)")
            var files = original
            files[name] = bytes
            try SmallPeriod.write(files, townDir: townDir)
            let changed = bytes != original[name]!
            let path = "\(townDir)/\(name)"

            // run of the closed period: the published bytes, or a refusal naming the changed file.
            var before = SmallPeriod.snapshot(output)
            switch LedgerCommands.run(request(closed), ledgerDir: ledgerDir) {
            case .success:
                XCTAssertFalse(changed, "a closed period ran from a changed file: \(context)")
                XCTAssertEqual(SmallPeriod.snapshot("\(output)/\(town)/\(closed)"), published, "the re-run of the closed period wrote other bytes: \(context)")
            case .failure(let f):
                refused += 1
                XCTAssertTrue(changed, "a closed period with unchanged files was refused: \(f.diagnostics): \(context)")
                let named = f.diagnostics.filter { $0.message.hasPrefix("\(path): SHA-256 ") }
                XCTAssertEqual(named.count, 1, "the refusal does not name \(path) once: \(f.diagnostics): \(context)")
                XCTAssertEqual(f.diagnostics.filter { $0.message.hasPrefix(townDir) }.count, 1, "the refusal names other files: \(f.diagnostics): \(context)")
                XCTAssertEqual(SmallPeriod.snapshot(output), before, "a refused run changed Output/: \(context)")
            }
            XCTAssertEqual(SmallPeriod.snapshot(ledgerDir), ledger, "run changed the ledger: \(context)")

            // verify re-runs from the archive: identical, whatever Input/ holds; says whether Input/ matches.
            before = SmallPeriod.snapshot(output)
            switch LedgerCommands.verify(town: town, period: CalendarPeriod.parse(closed)!, inputDir: inputDir, ledgerDir: ledgerDir) {
            case .success(let o):
                XCTAssertTrue(o.lines.first?.hasPrefix("\(town) \(closed): identical — ") == true, "\(o.lines): \(context)")
                let dir = "\(townDir)/\(closed)"
                if changed {
                    XCTAssertTrue(o.lines.contains { $0.hasPrefix("\(dir) no longer matches the archive: \((name as NSString).lastPathComponent) (SHA-256 ") }, "\(o.lines): \(context)")
                } else {
                    XCTAssertTrue(o.lines.contains { $0.hasPrefix("\(dir) still matches the archive") }, "\(o.lines): \(context)")
                }
            case .failure(let f): XCTFail("verify failed: \(f.diagnostics): \(context)")
            }
            XCTAssertEqual(SmallPeriod.snapshot(output), before, "verify changed Output/: \(context)")
            XCTAssertEqual(SmallPeriod.snapshot(ledgerDir), ledger, "verify changed the ledger: \(context)")

            switch LedgerCommands.status(town: town, inputDir: inputDir, ledgerDir: ledgerDir, zone: TimeZone(identifier: "UTC")!) {
            case .success(let o):
                XCTAssertTrue(o.lines.contains { $0.hasPrefix("\(closed) | fuzz | 1970-01-01 00:00:00 +00:00 | 2026.1 | \(SmallPeriod.keep) | ") }, "\(o.lines): \(context)")
                let waiting = o.lines.contains("  \(closed): \((name as NSString).lastPathComponent) (changed)")
                XCTAssertEqual(waiting, changed, "status: \(o.lines): \(context)")
            case .failure(let f): XCTFail("status failed: \(f.diagnostics): \(context)")
            }
            XCTAssertEqual(SmallPeriod.snapshot(ledgerDir), ledger, "status changed the ledger: \(context)")

            // The next month recomputes the changed closed month as a correction, or fails at the damage.
            before = SmallPeriod.snapshot(output)
            switch LedgerCommands.run(request(next), ledgerDir: ledgerDir) {
            case .success(let r):
                for d in r.warnings { XCTAssertNil(SmallPeriod.problem(d, files: files, townDir: townDir), "\(d): \(context)") }
            case .failure(let f):
                carriedFailed += 1
                XCTAssertFalse(f.diagnostics.isEmpty, context)
                for d in f.diagnostics { XCTAssertNil(SmallPeriod.problem(d, files: files, townDir: townDir), "\(d): \(context)") }
                XCTAssertEqual(SmallPeriod.snapshot(output), before, "a failed run of \(next) changed Output/: \(context)")
            }
            XCTAssertEqual(SmallPeriod.snapshot(ledgerDir), ledger, "the run of \(next) changed the ledger: \(context)")
        }
        try SmallPeriod.write(original, townDir: townDir)
        FuzzPlan.announce(0, "refused \(refused), \(next) failed \(carriedFailed)")
        if FuzzPlan.seeds(default: 25, salt: 11).count >= 20, refused == 0 || carriedFailed == 0 {
            XCTFail("never exercised: refused \(refused), \(next) failed \(carriedFailed)")
        }
    }
}
