import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayLedger
@testable import GridpayPipeline

/// Fuzzes `gridpay rate` (SPEC §8) in process, as the command runs it (the ledger's published
/// results and history, then RatingRunner.run), on shuangqiao's shipped year cut to the first six
/// workers of the December roster (twelve month folders, four quarters), with 2026-Q1 closed.
/// One export of one month is damaged at a time (CSVMutation, one to three damages).
/// Properties: no crash; a damage in a month of the closed quarter changes nothing (the rating
/// reads Q1 as published: the same files, the same bytes); otherwise the rating is written, or
/// refused with problems inside the files they name and Output/ left byte-identical; the ledger
/// is never changed.
final class RatingFuzzTests: XCTestCase {
    func testDamagedMonthsOfARatedYearFailAtTheirPlaceOrReadTheClosedQuarterAsPublished() throws {
        let town = "shuangqiao", year = "2026", closed = "2026-Q1"
        let months = (1...12).map { String(format: "2026-%02d", $0) }
        let original = try SmallPeriod.files(town: town, months: months)
        let root = TemporaryFolder()
        let inputDir = "\(root.path)/Input", townDir = "\(inputDir)/\(town)", output = "\(root.path)/Output", ledgerDir = "\(root.path)/Ledger"
        try SmallPeriod.write(original, townDir: townDir)
        var close = RunRequest(town: town, period: CalendarPeriod.parse(closed)!)
        close.rulesDir = "\(packageRoot)/Rules"
        close.inputDir = inputDir
        close.outputDir = output
        guard case .success = LedgerCommands.close(close, by: "fuzz", ledgerDir: ledgerDir, now: Date(timeIntervalSince1970: 0)) else {
            return XCTFail("the small \(town) \(closed) does not close")
        }
        func rate() -> Result<RunResult, PipelineFailure> {
            var request = RateRequest(town: town, period: CalendarPeriod.parse(year)!)
            request.rulesDir = "\(packageRoot)/Rules"
            request.inputDir = inputDir
            request.outputDir = output
            let sources = Ledger.ratingSources(ledgerDir: ledgerDir, town: town)
            request.history = sources.history
            return RatingRunner.run(request, published: sources.published)
        }
        guard case .success(let first) = rate() else { return XCTFail("the small \(town) \(year) is not rated") }
        let rated = SmallPeriod.snapshot(first.directory)
        let ledger = SmallPeriod.snapshot(ledgerDir)
        let names = original.keys.sorted()
        var refused = 0, fromLedger = 0
        for seed in FuzzPlan.seeds(default: 20, salt: 13) {
            var rng = SplitMix64(seed: seed)
            let name = rng.pick(names)
            let (bytes, what) = CSVMutation.mutateSome(original[name]!, &rng)
            let context = "seed \(seed) (\(town) \(name): \(what)); replay with GRIDPAY_FUZZ_SEED=\(seed)"
            FuzzPlan.announce(seed, "\(name): \(what)")
            var files = original
            files[name] = bytes
            try SmallPeriod.write(files, townDir: townDir)
            let before = SmallPeriod.snapshot(output)
            let inClosedQuarter = ["2026-01/", "2026-02/", "2026-03/"].contains { name.hasPrefix($0) }
            switch rate() {
            case .success(let r):
                if inClosedQuarter || bytes == original[name]! {
                    fromLedger += inClosedQuarter ? 1 : 0
                    XCTAssertEqual(SmallPeriod.snapshot(r.directory), rated, "the rating changed: \(context)")
                }
                for d in r.warnings { XCTAssertNil(SmallPeriod.problem(d, files: files, townDir: townDir), "\(d): \(context)") }
            case .failure(let f):
                refused += 1
                XCTAssertFalse(inClosedQuarter, "a damage in the closed \(closed) failed the rating: \(f.diagnostics): \(context)")
                XCTAssertFalse(f.diagnostics.isEmpty, context)
                for d in f.diagnostics { XCTAssertNil(SmallPeriod.problem(d, files: files, townDir: townDir), "\(d): \(context)") }
                XCTAssertEqual(SmallPeriod.snapshot(output), before, "a refused rating changed Output/: \(context)")
            }
            XCTAssertEqual(SmallPeriod.snapshot(ledgerDir), ledger, "rate changed the ledger: \(context)")
        }
        try SmallPeriod.write(original, townDir: townDir)
        FuzzPlan.announce(0, "refused \(refused), closed quarter damaged \(fromLedger)")
        if FuzzPlan.seeds(default: 20, salt: 13).count >= 20, refused == 0 || fromLedger == 0 {
            XCTFail("never exercised: refused \(refused), closed quarter damaged \(fromLedger)")
        }
    }
}
