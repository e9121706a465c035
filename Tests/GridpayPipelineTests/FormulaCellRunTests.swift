import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §16 through a run: an export whose 分 column holds formulas (LibreOffice computed and
/// saved them, as XLS and as XLSX: scripts/make-xls-fixtures.py). A formula is read by its
/// result: E1's =1+1 is 2, E4's ="1" the text 1. An error value (E2's =3/0 is #DIV/0!, E3's
/// =NA() is #N/A) is no value: an error at its row and column, never read as 0 or as text, as in
/// an XLSX (SpreadsheetErrorCellTests); the same in a column the rule file does not declare
/// (备注: =1/0) is not read at all.
final class FormulaCellRunTests: XCTestCase {
    static func fixture(_ format: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GridpayXLSXReaderTests/Fixtures/libreoffice-formula-events.\(format)"))
    }

    /// A diagnostic as the file's folder names it (the temporary folder left out).
    static func inFolder(_ text: String) -> String {
        text.range(of: "forms/2026-10/").map { String(text[$0.upperBound...]) } ?? text
    }

    static func rules(_ format: String) -> String {
        ExportFormTests.rules(["format = \"\(format)\""], file: "events.\(format)")
    }

    func testAnErrorValueIsAnErrorAtItsCell() throws {
        for format in ["xls", "xlsx"] {
            let file = "events.\(format)"
            guard case .failure(let f) = try TestTown.formsMonth(rules: Self.rules(format), files: [file: Self.fixture(format)]) else {
                XCTFail("\(format): an error value changes someone's pay: the run must stop")
                continue
            }
            let tail = "(a formula that could not be computed), not a value; expected a whole number. The clerk corrects the formula or enters the value in the workbook and exports it again"
            XCTAssertEqual(f.diagnostics.filter { $0.location != nil }.map { Self.inFolder($0.description) }, [
                "\(file):3:3: error: 分 is a spreadsheet error value '#DIV/0!' \(tail)",
                "\(file):4:3: error: 分 is a spreadsheet error value '#N/A' \(tail)",
            ], format)
            let zh = try Language.with(.zh) {
                guard case .failure(let z) = try TestTown.formsMonth(rules: Self.rules(format), files: [file: Self.fixture(format)]) else { return [String]() }
                return z.diagnostics.filter { $0.location != nil }.map { Self.inFolder($0.description) }
            }
            XCTAssertEqual(zh.first, "\(file):3:3: 错误：分是电子表格的错误值“#DIV/0!”（公式无法算出），不是一个值；应为整数。请制表人员在表格中改正公式或填入数值后重新导出", format)
        }
    }

    /// With the two rows accepted, the formulas' results are counted: A1 10 − 2 (E1) = 8;
    /// A2 10 − 1 (E4, text "1") = 9, ranked first.
    func testFormulaResultsAreReadAsValues() throws {
        for format in ["xls", "xlsx"] {
            let file = "events.\(format)"
            let accepted: Set<RowPosition> = [RowPosition(file: file, line: 3), RowPosition(file: file, line: 4)]
            guard case .success(let m) = try TestTown.formsMonth(rules: Self.rules(format), files: [file: Self.fixture(format)], accepted: accepted) else {
                XCTFail("\(format): the month must run with the rows accepted")
                continue
            }
            XCTAssertEqual(m.report.workers.map { "\($0.id) \($0.items.map(\.description).joined(separator: " "))" }, ["A2 9", "A1 8"], format)
            XCTAssertEqual(m.report.workers.flatMap { w in w.records.map { "\(w.id) \($0.line ?? 0) \($0.points)" } }.sorted(), ["A1 2 -2", "A2 5 -1"], format)
        }
    }
}
