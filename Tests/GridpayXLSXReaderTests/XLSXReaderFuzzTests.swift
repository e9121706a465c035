import Foundation
import XCTest
import GridpayTestSupport
import GridpayXLSX
@testable import GridpayXLSXReader

/// Seeded fuzzing of the XLSX reader (GRIDPAY_FUZZ_SEEDS / GRIDPAY_FUZZ_SEED as the other fuzz
/// tests): (1) random sheets written by libxlsxwriter — text with XML's special characters,
/// Chinese, control-free punctuation, numbers, gaps — read back exactly as written; (2) the
/// bytes of a real workbook damaged at random (bytes changed, cut short, a piece repeated): the
/// reader either reads it or says it is damaged (an XLSXReadError), never crashes, never hangs,
/// and never returns rows that differ from the workbook's when it says it read it (found: a
/// workbook whose shared strings part was lost read as empty cells).
final class XLSXReaderFuzzTests: XCTestCase {
    /// One to four damages of a workbook's bytes (a byte changed, the file cut short, a run of
    /// bytes repeated), as the XLSX and XLS fuzz tests both damage their fixture.
    static func damaged(_ good: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = good
        for _ in 0..<rng.int(in: 1...4) {
            switch rng.int(3) {
            case 0: bytes[rng.int(bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
            case 1: bytes = Array(bytes.prefix(rng.int(in: 0...bytes.count)))
            default:
                let at = rng.int(bytes.count), n = rng.int(in: 1...64)
                bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + n)], at: at)
            }
            if bytes.isEmpty { break }
        }
        return bytes
    }

    static let alphabet: [String] = ["A", "z", "0", "9", " ", "<", ">", "&", "\"", "'", "网", "格", "员", "、", "，", "%", ".", "-", "\u{3000}", "😀"]

    func testRandomSheetsReadBackAsWritten() throws {
        for seed in FuzzPlan.seeds(default: 12, salt: 0x584C_5358) {
            FuzzPlan.announce(seed, "XLSX round trip")
            var rng = SplitMix64(seed: seed)
            let path = NSTemporaryDirectory() + "xlsx-fuzz-\(seed).xlsx"
            defer { try? FileManager.default.removeItem(atPath: path) }
            let book = try XLSXWorkbook(path: path, createdAt: 1_790_000_000)
            let sheet = try book.addWorksheet(named: "数据")
            var expected: [String] = []
            for r in 0..<rng.int(in: 1...40) {
                var cells: [String] = []
                for c in 0..<rng.int(in: 1...8) {
                    switch rng.int(4) {
                    case 0:
                        cells.append("")
                    case 1:
                        let n = Double(rng.int(in: -100_000...100_000)) / 100
                        try sheet.write(number: n, row: r, column: c)
                        cells.append(Self.plain(n))
                    default:
                        let s = (0..<rng.int(in: 1...12)).map { _ in rng.pick(Self.alphabet) }.joined()
                        try sheet.write(string: s, row: r, column: c)
                        cells.append(s)
                    }
                }
                while cells.last == "" { cells.removeLast() }
                if !cells.isEmpty { expected.append("\(r + 1): " + cells.joined(separator: "|")) }
            }
            try book.close()
            XCTAssertEqual(try XLSXReaderTests.rows(path), expected, "seed \(seed)")
        }
    }

    /// A number as the reader gives it: plain digits, no trailing zeros.
    static func plain(_ n: Double) -> String {
        var s = String(format: "%.2f", n)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    func testDamagedWorkbooksAreReadOrRefused() throws {
        let good = try Data(contentsOf: XLSXReaderTests.fixtures.appendingPathComponent("libreoffice-dates.xlsx"))
        let goodRows = try XLSXReaderTests.rows(XLSXReaderTests.fixtures.appendingPathComponent("libreoffice-dates.xlsx").path)
        var refused = 0, read = 0
        // Seed 1145130311000446 (a damaged name of xl/sharedStrings.xml) was read with its text
        // cells empty before a missing shared string became an error.
        for seed in FuzzPlan.seeds(default: 60, salt: 0x4441_4D47, fixed: [1_145_130_311_000_446]) {
            var rng = SplitMix64(seed: seed)
            let bytes = XLSXReaderFuzzTests.damaged([UInt8](good), &rng)
            let path = NSTemporaryDirectory() + "xlsx-damaged-\(seed).xlsx"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                let rows = try XLSXReaderTests.rows(path)
                read += 1
                // Every part is checked against its CRC-32: what is read is what was written
                // (a changed byte outside the parts, e.g. in a comment, leaves the rows alone).
                XCTAssertEqual(rows, goodRows, "seed \(seed)")
            } catch is XLSXReadError {
                refused += 1
            } catch {
                XCTFail("seed \(seed): \(error) is not an XLSXReadError")
            }
        }
        XCTAssertGreaterThan(refused, 0)
        print("damaged workbooks: \(read) read as the original, \(refused) refused")
    }
}
