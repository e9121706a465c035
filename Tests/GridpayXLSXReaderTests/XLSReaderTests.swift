import Foundation
import XCTest
import GridpayTestSupport
@testable import GridpayXLSXReader

/// Legacy XLS exports (SPEC §16, `format = "xls"`) through libfreexl, on LibreOffice's files
/// (Fixtures/*.xls: `soffice --convert-to xls` from CSV text, or from openpyxl's workbooks by
/// scripts/make-xls-fixtures.py): text, numbers, dates and times as they show. Number formats
/// and merged cells, which libfreexl does not give, are read from the BIFF records: cells read
/// as the same workbook saved as XLSX is (XLSXReaderTests). A seeded fuzz damages the bytes of
/// a real file.
final class XLSReaderTests: XCTestCase {
    static func rows(_ path: String, sheet: String? = nil, headerRow: Int? = nil) throws -> [String] {
        var out: [String] = []
        try XLSReader(path: path).forEachRow(sheet: sheet, headerRow: headerRow) { row in
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
                       ["1: 单号|人|分|率|金额|布尔", "2: E1|A1|2|92.3%|2400.5|TRUE", "3: E2|A2|3.5|5%|12|FALSE"])
    }

    /// A two-row header: 单号 and 人 merged down over rows 1–2 (A1:A2, B1:B2), 扣分 across C1:D1
    /// over 分 and 备注. As the header row, row 2 takes the names merged down onto it.
    func testNamesMergedDownOntoTheHeaderRowNameItsColumns() throws {
        let path = Self.fixture("libreoffice-merged-events.xls")
        // (libfreexl gives every row as wide as the sheet.)
        let data = ["3: E1|A1|2|迟到", "4: E2|A2|3|", "5: E3|A1|1|缺勤"]
        XCTAssertEqual(try Self.rows(path), ["1: 单号|人|扣分|", "2: ||分|备注"] + data)
        XCTAssertEqual(try Self.rows(path, headerRow: 2), ["1: 单号|人|扣分|", "2: 单号|人|分|备注"] + data)
        XCTAssertEqual(try Self.rows(path, headerRow: 1), ["1: 单号|人|扣分|", "2: ||分|备注"] + data)
        let merges = try XCTUnwrap(XLSReader(path: path).biff.sheet(0)?.merges)
        XCTAssertEqual(merges.sorted { $0.firstColumn < $1.firstColumn }, [
            MergedRange(firstRow: 1, lastRow: 2, firstColumn: 0, lastColumn: 0),
            MergedRange(firstRow: 1, lastRow: 2, firstColumn: 1, lastColumn: 1),
            MergedRange(firstRow: 1, lastRow: 1, firstColumn: 2, lastColumn: 3),
        ])
    }

    /// Number cells by their number format, as the XLSX reader reads them: 时长 in elapsed hours
    /// ([h]:mm:ss; 1.0625 days is 25:30:00, where libfreexl gives the time of day 01:30:00), dates
    /// and date-times (m/d h:mm shows a time: libfreexl calls it a date), percentages as shown
    /// (0.0%, 0%), and a time of day (h:mm:ss) that wraps at 24 hours as the sheet shows it.
    func testNumberCellsByTheirNumberFormat() throws {
        XCTAssertEqual(try Self.rows(Self.fixture("libreoffice-number-formats.xls")), [
            "1: 单号|时长|日期|时间|月日时|率|钟点",
            "2: E1|25:30:00|2026-10-05|2026-10-05 08:38:00|2026-10-05 08:38:00|92.3%|08:24:00",
            "3: E2|01:30:00|2026-10-31|2026-10-31 23:59:59|2026-10-31 23:59:00|5%|01:30:00",
        ])
        var shown: [String] = []
        try XLSReader(path: Self.fixture("libreoffice-number-formats.xls")).forEachRow(sheet: nil) { row in
            shown.append((0..<row.count).map { row.dateShown($0).map { "\($0)" } ?? "-" }.joined(separator: " "))
        }
        XCTAssertEqual(shown, ["- - - - - - -", "- - date dateTime dateTime - time", "- - date dateTime dateTime - time"])
    }

    func testNoSuchSheetAndNotAnXLSFile() throws {
        XCTAssertThrowsError(try Self.rows(Self.fixture("libreoffice-values.xls"), sheet: "其他")) {
            XCTAssertEqual($0 as? XLSXReadError, .noSuchSheet("其他", sheets: ["values"]))
        }
        XCTAssertThrowsError(try Self.rows(Self.fixture("libreoffice-values.xlsx"))) {
            guard case .notXLS? = $0 as? XLSXReadError else { return XCTFail("\($0)") }
        }
    }

    /// A workbook older than Excel 97 is refused, named by its version, before libfreexl reads it:
    /// Excel 5.0/95 (a compound file whose workbook stream "Book" starts with a BIFF5 BOF; made
    /// by hand by scripts/make-xls-fixtures.py), and a bare BIFF2–4 stream (Excel 2.1 to 4.0).
    func testWorkbooksOlderThanExcel97AreRefused() throws {
        XCTAssertThrowsError(try Self.rows(Self.fixture("excel95-events.xls"))) {
            XCTAssertEqual($0 as? XLSXReadError, .olderExcel(version: "Excel 5.0/95 (BIFF5)"))
        }
        let path = NSTemporaryDirectory() + "biff4-\(UUID().uuidString).xls"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data([0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00]).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Self.rows(path)) { XCTAssertEqual($0 as? XLSXReadError, .olderExcel(version: "Excel 2.1–4.0 (BIFF2–4)")) }
    }

    /// Damaged files are read or refused with an XLSXReadError; never a crash. The damage reaches
    /// libfreexl and the BIFF records read beside it (formats, numbers, merged cells: the merged
    /// file is read with its header on row 2; formulas' results, text over CONTINUE records).
    func testDamagedXLSFilesAreReadOrRefused() throws {
        var refused = 0, read = 0
        for (name, headerRow) in [("libreoffice-dates.xls", 1), ("libreoffice-merged-events.xls", 2), ("libreoffice-number-formats.xls", 1),
                                  ("libreoffice-formulas.xls", 1)] {
            let good = try Data(contentsOf: URL(fileURLWithPath: Self.fixture(name)))
            for seed in FuzzPlan.seeds(default: 40, salt: 0x584C_5300) {
                var rng = SplitMix64(seed: seed)
                let bytes = XLSXReaderFuzzTests.damaged([UInt8](good), &rng)
                let path = NSTemporaryDirectory() + "xls-damaged-\(seed)-\(headerRow).xls"
                defer { try? FileManager.default.removeItem(atPath: path) }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                do {
                    _ = try Self.rows(path, headerRow: headerRow)
                    read += 1
                } catch is XLSXReadError {
                    refused += 1
                } catch {
                    XCTFail("\(name), seed \(seed): \(error) is not an XLSXReadError")
                }
            }
        }
        XCTAssertGreaterThan(refused, 0)
        print("damaged XLS files: \(read) read, \(refused) refused")
    }
}
