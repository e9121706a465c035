import Foundation
import XCTest
import ZIPFoundation
@testable import GridpayXLSX

/// 2026-10-01T00:00:00Z
private let pinnedCreatedAt = 1_790_812_800

final class XLSXWriteTests: XCTestCase {
    func testCellsSheetNamesAndStringsThatLookLikeFormulas() throws {
        let dir = try TempDir()
        let path = dir.path("cells.xlsx")
        let workbook = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt)
        let summary = try workbook.addWorksheet(named: "考核汇总")
        let pay = try workbook.addWorksheet(named: "Pay")
        XCTAssertEqual(summary.name, "考核汇总")
        XCTAssertEqual(workbook.worksheetNames, ["考核汇总", "Pay"])

        let money = try workbook.format(XLSXFormatSpec(numberFormat: "#,##0.00"))
        try summary.write(string: "Name", row: 0, column: 0)
        try summary.write(string: "=SUM(A1:A9)", row: 1, column: 0)
        try summary.write(number: 12.5, row: 1, column: 1)
        try summary.write(number: 1234.5, row: 1, column: 2, format: money)
        try summary.writeBlank(row: 1, column: 3, format: money)
        try summary.write(string: "+1-2", row: 2, column: 0)
        try summary.write(string: "@cmd", row: 2, column: 1)
        try summary.setRowHeight(row: 4, height: 30)
        try summary.setColumnWidth(first: 0, last: 3, width: 14)
        try summary.mergeRange(firstRow: 5, firstColumn: 0, lastRow: 5, lastColumn: 2, string: "合计", format: money)
        try pay.write(string: "x", row: 0, column: 0)
        try workbook.close()
        XCTAssertTrue(workbook.isClosed)

        let parts = try readParts(path)
        let workbookXML = try part(parts, "xl/workbook.xml")
        assertContains(workbookXML, #"<sheet name="考核汇总" sheetId="1" r:id="rId1"/>"#)
        assertContains(workbookXML, #"<sheet name="Pay" sheetId="2" r:id="rId2"/>"#)

        let sheet = try part(parts, "xl/worksheets/sheet1.xml")
        // Numbers: no t= attribute, value in <v>.
        assertContains(sheet, #"<c r="B2"><v>12.5</v></c>"#)
        assertContains(sheet, #"<c r="C2" s="1"><v>1234.5</v></c>"#)
        assertContains(sheet, #"<c r="D2" s="1"/>"#)
        // Formula-looking text is a shared string, never a formula.
        XCTAssertFalse(sheet.contains("<f>"), sheet)
        let strings = try part(parts, "xl/sharedStrings.xml")
        let sharedIndex = try sharedStringIndex(strings, "=SUM(A1:A9)")
        assertContains(sheet, #"<c r="A2" t="s"><v>\#(sharedIndex)</v></c>"#)
        let plusIndex = try sharedStringIndex(strings, "+1-2")
        assertContains(sheet, #"<c r="A3" t="s"><v>\#(plusIndex)</v></c>"#)
        assertContains(sheet, #"<row r="5" ht="30" customHeight="1"/>"#)
        assertContains(sheet, #"<cols><col min="1" max="4" width="14.7109375" customWidth="1"/></cols>"#)
        assertContains(sheet, #"<mergeCells count="1"><mergeCell ref="A6:C6"/></mergeCells>"#)
        assertContains(try part(parts, "xl/styles.xml"), ##"<numFmt numFmtId="164" formatCode="#,##0.00"/>"##)
    }

    func testConstantMemoryStoresInlineStringsAndNoFormulas() throws {
        let dir = try TempDir()
        let path = dir.path("const.xlsx")
        let workbook = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt, constantMemory: true,
                                        tmpDirectory: dir.url.path)
        let sheet = try workbook.addWorksheet(named: "考核汇总")
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 1)
        try sheet.write(string: "姓名", row: 0, column: 0)
        try sheet.write(string: "=1+1", row: 1, column: 0)
        try sheet.write(number: 12.5, row: 1, column: 1)
        try workbook.close()

        let parts = try readParts(path)
        XCTAssertNil(parts["xl/sharedStrings.xml"], "constant_memory writes inline strings")
        let xml = try part(parts, "xl/worksheets/sheet1.xml")
        assertContains(xml, #"<c r="A1" t="inlineStr"><is><t>姓名</t></is></c>"#)
        assertContains(xml, #"<c r="A2" t="inlineStr"><is><t>=1+1</t></is></c>"#)
        assertContains(xml, #"<c r="B2"><v>12.5</v></c>"#)
        assertContains(xml, #"<autoFilter ref="A1:B3"/>"#)
        XCTAssertFalse(xml.contains("<f>"), xml)
    }

    func testConstantMemoryEarlierRowIsAThrownErrorAndNotWritten() throws {
        let dir = try TempDir()
        let path = dir.path("order.xlsx")
        let workbook = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt, constantMemory: true)
        let sheet = try workbook.addWorksheet(named: "S")
        try sheet.write(number: 3, row: 2, column: 0)
        try sheet.write(number: 4, row: 2, column: 1)  // same row is still fine
        XCTAssertThrowsError(try sheet.write(number: 1, row: 1, column: 0)) { error in
            let error = error as! XLSXError
            XCTAssertEqual(error.code, XLSXError.indexOutOfRangeCode)
            XCTAssertEqual(error.message, "Worksheet row or column index out of range.")
            XCTAssertEqual(error.operation, "worksheet_write_number")
            XCTAssertEqual(error.sheet, "S")
            XCTAssertEqual(error.row, 1)
            XCTAssertTrue(error.detail?.contains("ascending order") ?? false, error.description)
        }
        // An autofilter ending before the current row is rejected the same way...
        XCTAssertThrowsError(try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1)) {
            let error = $0 as! XLSXError
            XCTAssertEqual(error.code, XLSXError.indexOutOfRangeCode)
            XCTAssertTrue(error.detail?.contains("row 1 is before row 2") ?? false, error.description)
        }
        // ...while one reaching the current row is accepted.
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 1)
        try sheet.write(number: 5, row: 3, column: 0)
        try workbook.close()

        let xml = try part(try readParts(path), "xl/worksheets/sheet1.xml")
        XCTAssertFalse(xml.contains(#"r="A2""#), xml)
        assertContains(xml, #"<row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>4</v></c></row>"#)
        assertContains(xml, #"<row r="4"><c r="A4"><v>5</v></c></row>"#)
        assertContains(xml, #"<autoFilter ref="A1:B4"/>"#)
    }

    func testPrintSetupFreezePanesAndAutofilter() throws {
        let dir = try TempDir()
        let path = dir.path("print.xlsx")
        let workbook = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt)
        let sheet = try workbook.addWorksheet(named: "考核汇总")
        try sheet.write(string: "Title", row: 0, column: 0)
        try sheet.write(string: "Header", row: 1, column: 0)
        try sheet.write(number: 1, row: 2, column: 3)
        try sheet.setUpPrinting(repeatRows: 0...1, header: "&C工资表 & more", footer: "&P / &N")
        try sheet.freezePanes(row: 2, column: 0)
        try sheet.autofilter(firstRow: 1, firstColumn: 0, lastRow: 2, lastColumn: 3)
        try workbook.close()

        let parts = try readParts(path)
        let xml = try part(parts, "xl/worksheets/sheet1.xml")
        assertContains(xml, #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#)
        assertContains(xml, #"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>"#)
        assertContains(xml, #"<printOptions horizontalCentered="1"/>"#)
        assertContains(xml, #"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#)
        assertContains(xml, #"<autoFilter ref="A2:D3"/>"#)
        assertContains(xml, "<headerFooter><oddHeader>&amp;C工资表 &amp; more</oddHeader>"
                            + "<oddFooter>&amp;P / &amp;N</oddFooter></headerFooter>")

        let workbookXML = try part(parts, "xl/workbook.xml")
        assertContains(workbookXML, #"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'考核汇总'!$A$2:$D$3</definedName>"#)
        assertContains(workbookXML, #"<definedName name="_xlnm.Print_Titles" localSheetId="0">'考核汇总'!$1:$2</definedName>"#)
    }

    func testDocumentPropertiesUsePinnedCreatedTime() throws {
        let dir = try TempDir()
        let path = dir.path("props.xlsx")
        let workbook = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt, title: "月度考核",
                                        author: "gridpay", comments: "rules v1 & <draft>")
        _ = try workbook.addWorksheet(named: "S")
        try workbook.close()

        let core = try part(try readParts(path), "docProps/core.xml")
        assertContains(core, #"<dcterms:created xsi:type="dcterms:W3CDTF">2026-10-01T00:00:00Z</dcterms:created>"#)
        assertContains(core, #"<dcterms:modified xsi:type="dcterms:W3CDTF">2026-10-01T00:00:00Z</dcterms:modified>"#)
        assertContains(core, "<dc:title>月度考核</dc:title>")
        assertContains(core, "<dc:creator>gridpay</dc:creator>")
        assertContains(core, "<dc:description>rules v1 &amp; &lt;draft&gt;</dc:description>")
    }

    func testSameInputGivesByteIdenticalFiles() throws {
        let dir = try TempDir()
        for constantMemory in [false, true] {
            let first = dir.path("a-\(constantMemory).xlsx")
            let second = dir.path("b-\(constantMemory).xlsx")
            try writeSample(first, constantMemory: constantMemory)
            // Cross a second boundary: any clock-derived timestamp would now differ.
            Thread.sleep(forTimeInterval: 1.1)
            try writeSample(second, constantMemory: constantMemory)
            let a = try Data(contentsOf: URL(fileURLWithPath: first))
            let b = try Data(contentsOf: URL(fileURLWithPath: second))
            XCTAssertFalse(a.isEmpty)
            XCTAssertEqual(a, b, "constantMemory=\(constantMemory)")
        }
    }

    func testFormatsAreCachedPerSpec() throws {
        let dir = try TempDir()
        let path = dir.path("formats.xlsx")
        let workbook = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt)
        let spec = XLSXFormatSpec(bold: true, numberFormat: "0.00", horizontalAlignment: .right,
                                  border: true, wrapText: true, fontSize: 14)
        let a = try workbook.format(spec)
        let b = try workbook.format(spec)
        let plain = try workbook.format(XLSXFormatSpec(numberFormat: "0.00"))
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, plain)
        XCTAssertEqual(a.spec, spec)
        let sheet = try workbook.addWorksheet(named: "S")
        try sheet.write(number: 1, row: 0, column: 0, format: a)
        try sheet.write(number: 2, row: 0, column: 1, format: b)
        try sheet.write(number: 3, row: 0, column: 2, format: plain)
        let middle = try workbook.format(XLSXFormatSpec(horizontalAlignment: .center, verticalCenter: true))
        try sheet.write(string: "是", row: 0, column: 3, format: middle)
        try workbook.close()

        let parts = try readParts(path)
        let styles = try part(parts, "xl/styles.xml")
        assertContains(styles, #"<cellXfs count="4">"#)
        assertContains(styles, #"<alignment horizontal="center" vertical="center"/>"#)
        assertContains(styles, #"<xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" wrapText="1"/></xf>"#)
        assertContains(styles, #"<font><b/><sz val="14"/>"#)
        assertContains(styles, #"<left style="thin">"#)
        let xml = try part(parts, "xl/worksheets/sheet1.xml")
        assertContains(xml, #"<c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>2</v></c><c r="C1" s="2"><v>3</v></c>"#)
    }

    func testWorksheetKeepsWorkbookAlive() throws {
        let dir = try TempDir()
        let path = dir.path("alive.xlsx")
        func makeSheet() throws -> XLSXWorksheet {
            let workbook = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt)
            return try workbook.addWorksheet(named: "S")
        }
        let sheet = try makeSheet()
        try sheet.write(number: 7, row: 0, column: 0)
        try sheet.workbook.close()
        assertContains(try part(try readParts(path), "xl/worksheets/sheet1.xml"), #"<c r="A1"><v>7</v></c>"#)
    }

    func testWorkbookDroppedWithoutCloseWritesNoFile() throws {
        let dir = try TempDir()
        let path = dir.path("dropped.xlsx")
        for constantMemory in [false, true] {
            do {
                let workbook = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt, constantMemory: constantMemory)
                let sheet = try workbook.addWorksheet(named: "S")
                try sheet.write(string: "never saved", row: 0, column: 0)
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        }
    }

    private func sharedStringIndex(_ sst: String, _ text: String, file: StaticString = #filePath,
                                   line: UInt = #line) throws -> Int {
        let items = sst.components(separatedBy: "<si>").dropFirst()
        let index = try XCTUnwrap(items.firstIndex { $0.hasPrefix("<t>\(text)</t>") },
                                  "\(text) not in \(sst)", file: file, line: line)
        return index - 1  // dropFirst keeps the original indices, which start at 1 here
    }

    private func writeSample(_ path: String, constantMemory: Bool) throws {
        let workbook = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt, constantMemory: constantMemory,
                                        title: "月度考核", author: "gridpay")
        let bold = try workbook.format(XLSXFormatSpec(bold: true, border: true))
        let money = try workbook.format(XLSXFormatSpec(numberFormat: "#,##0.00", horizontalAlignment: .right))
        let sheet = try workbook.addWorksheet(named: "考核汇总")
        try sheet.setColumnWidth(first: 0, last: 2, width: 12)
        try sheet.setUpPrinting(repeatRows: 0...0, footer: "&P / &N")
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 50, lastColumn: 2)
        for (column, title) in ["姓名", "得分", "绩效"].enumerated() {
            try sheet.write(string: title, row: 0, column: column, format: bold)
        }
        for row in 1...50 {
            try sheet.write(string: "网格员\(row)", row: row, column: 0)
            try sheet.write(number: Double(row) * 1.5, row: row, column: 1)
            try sheet.write(number: Double(row) * 100.25, row: row, column: 2, format: money)
        }
        try workbook.close()
    }
}
