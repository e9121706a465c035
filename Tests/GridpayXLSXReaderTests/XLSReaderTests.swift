import Foundation
import XCTest
import GridpayTestSupport
@testable import GridpayXLSXReader

/// Legacy XLS exports (SPEC §16, `format = "xls"`) through libfreexl, on LibreOffice's files
/// (Fixtures/*.xls, `soffice --convert-to xls` from CSV text): text, numbers, dates and times as
/// they show. libfreexl gives a percentage cell's value (0.923) and a boolean's (1): its cells
/// carry no display form for those. A seeded fuzz damages the bytes of a real file.
final class XLSReaderTests: XCTestCase {
    static func rows(_ path: String, sheet: String? = nil) throws -> [String] {
        var out: [String] = []
        try XLSReader(path: path).forEachRow(sheet: sheet) { row in
            out.append("\(row.line): " + (0..<row.count).map { row.string($0) }.joined(separator: "|"))
        }
        return out
    }

    static func fixture(_ name: String) -> String { XLSXReaderTests.fixtures.appendingPathComponent(name).path }

    func testLibreOfficeDates() throws {
        XCTAssertEqual(try Self.rows(Self.fixture("libreoffice-dates.xls")),
                       ["1: 标题|||", "2: 单号|人|日期|时间", "3: E1|A1|2026-10-05|2026-10-05 08:38:00", "4: E2|A2|2026-10-31|2026-10-31 23:59:59"])
    }

    func testLibreOfficeValues() throws {
        XCTAssertEqual(try Self.rows(Self.fixture("libreoffice-values.xls")),
                       ["1: 单号|人|分|率|金额|布尔", "2: E1|A1|2|0.923|2400.5|1", "3: E2|A2|3.5|0.05|12|0"])
    }

    func testNoSuchSheetAndNotAnXLSFile() throws {
        XCTAssertThrowsError(try Self.rows(Self.fixture("libreoffice-values.xls"), sheet: "其他")) {
            XCTAssertEqual($0 as? XLSXReadError, .noSuchSheet("其他", sheets: ["values"]))
        }
        XCTAssertThrowsError(try Self.rows(Self.fixture("libreoffice-values.xlsx"))) {
            guard case .notXLS? = $0 as? XLSXReadError else { return XCTFail("\($0)") }
        }
    }

    /// Damaged files are read or refused with an XLSXReadError; never a crash.
    func testDamagedXLSFilesAreReadOrRefused() throws {
        let good = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("libreoffice-dates.xls")))
        var refused = 0, read = 0
        for seed in FuzzPlan.seeds(default: 40, salt: 0x584C_5300) {
            var rng = SplitMix64(seed: seed)
            let bytes = XLSXReaderFuzzTests.damaged([UInt8](good), &rng)
            let path = NSTemporaryDirectory() + "xls-damaged-\(seed).xls"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                _ = try Self.rows(path)
                read += 1
            } catch is XLSXReadError {
                refused += 1
            } catch {
                XCTFail("seed \(seed): \(error) is not an XLSXReadError")
            }
        }
        XCTAssertGreaterThan(refused, 0)
        print("damaged XLS files: \(read) read, \(refused) refused")
    }
}
