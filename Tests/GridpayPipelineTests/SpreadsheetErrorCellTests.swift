import Foundation
import GridpayTestSupport
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// A spreadsheet's error value (`#DIV/0!`, `#NAME?`: a formula that could not be computed) in a
/// declared column is an error at its cell, never text that is paid on (SPEC §6: nothing is
/// guessed). The workbook is LibreOffice's (GridpayXLSXReaderTests/Fixtures/libreoffice-errors.xlsx,
/// from 单号,人,分,备注 rows E1,A1,=1/0,x · E2,A2,2,=NOSUCHFN(1) · E3,A1,3,y).
final class SpreadsheetErrorCellTests: XCTestCase {
    /// ExportFormTests' town, its events read from the workbook, with an optional text column.
    static let rules = ExportFormTests.rules(["format = \"xlsx\""], file: "events.xlsx",
                                             columns: [#"{ name = "备注", type = "text", optional = true }"#])

    static let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../GridpayXLSXReaderTests/Fixtures/libreoffice-errors.xlsx").standardized

    func problems(_ language: Language) throws -> [String] {
        let bytes = try Data(contentsOf: Self.workbook)
        return try Language.with(language) {
            switch try TestTown.formsMonth(rules: Self.rules, files: ["events.xlsx": bytes]) {
            case .success(let m): return m.reportedProblems.map { "ok \($0.line ?? 0): \($0.message)" }
            case .failure(let f): return f.diagnostics.compactMap { d in d.location.map { "\($0.line):\($0.column): \(d.message)" } }
            }
        }
    }

    func testAnErrorValueIsAnErrorAtItsCellInBothLanguages() throws {
        XCTAssertEqual(try problems(.zh), [
            "2:3: 分是电子表格的错误值“#DIV/0!”（公式无法算出），不是一个值；应为整数。请制表人员在表格中改正公式或填入数值后重新导出",
            "3:4: 备注是电子表格的错误值“#NAME?”（公式无法算出），不是一个值；应为文字。请制表人员在表格中改正公式或填入数值后重新导出",
        ])
        XCTAssertEqual(try problems(.en), [
            "2:3: 分 is a spreadsheet error value '#DIV/0!' (a formula that could not be computed), not a value; expected a whole number. The clerk corrects the formula or enters the value in the workbook and exports it again",
            "3:4: 备注 is a spreadsheet error value '#NAME?' (a formula that could not be computed), not a value; expected text. The clerk corrects the formula or enters the value in the workbook and exports it again",
        ])
    }
}
