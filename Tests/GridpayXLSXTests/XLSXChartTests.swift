import Foundation
import XCTest
@testable import GridpayXLSX

private let pinnedCreatedAt = 1_790_812_800

/// Charts, fixed print scale and manual page breaks: what reaches the XML, and what is refused.
final class XLSXChartTests: XCTestCase {
    private func expectError(_ code: Int32, _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line,
                             check: (XLSXError) -> Void = { _ in }) {
        do {
            try body()
            XCTFail("expected XLSXError \(code)", file: file, line: line)
        } catch let error as XLSXError {
            XCTAssertEqual(error.code, code, error.description, file: file, line: line)
            check(error)
        } catch {
            XCTFail("expected XLSXError, got \(error)", file: file, line: line)
        }
    }

    func testChartsScaleAndBreaksReachTheXML() throws {
        let dir = try TempDir()
        let path = dir.path("charts.xlsx")
        let book = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt, constantMemory: true, tmpDirectory: dir.url.path)
        let ws = try book.addWorksheet(named: "统计")
        for (r, (label, value)) in [("东关村", 95.99), ("西街社区", 97.36)].enumerated() {
            try ws.write(string: label, row: r, column: 0)
            try ws.write(number: value, row: r, column: 1)
        }
        let bar = try book.addChart(.bar)
        try bar.setTitle("各村平均总分")
        try bar.addSeries(name: "平均总分", categories: .column(0, rows: 0...1, of: "统计"),
                          values: .column(1, rows: 0...1, of: "统计"), labels: .values)
        try bar.setAxisNames(category: "村", value: "平均总分")
        try bar.setValueAxisMinimum(0)
        try bar.hideLegend()
        try ws.insertChart(bar, row: 0, column: 3, yScale: 1.5)
        let pie = try book.addChart(.pie)
        try pie.addSeries(categories: .column(0, rows: 0...1, of: "统计"), values: .column(1, rows: 0...1, of: "统计"),
                          labels: .percentages)
        try ws.insertChart(pie, row: 20, column: 3)
        try ws.setUpPrinting(scalePercent: 80, header: "&C统计")
        try ws.setPageBreaks(beforeRows: [20, 40])
        try book.close()

        let parts = try readParts(path)
        let chart1 = try part(parts, "xl/charts/chart1.xml")
        assertContains(chart1, #"<c:barDir val="bar"/>"#)
        assertContains(chart1, "<c:f>'统计'!$A$1:$A$2</c:f>")
        assertContains(chart1, "<c:f>'统计'!$B$1:$B$2</c:f>")
        assertContains(chart1, "<c:v>平均总分</c:v>")            // series name
        assertContains(chart1, "<a:t>各村平均总分</a:t>")          // title
        assertContains(chart1, #"<c:showVal val="1"/>"#)
        assertContains(chart1, #"<c:min val="0"/>"#)
        XCTAssertFalse(chart1.contains("<c:legend>"), "legend hidden")
        // Bar charts: the category axis (vertical) is named 村, the value axis 平均总分.
        let catAxis = try XCTUnwrap(chart1.range(of: "<c:catAx>").map { String(chart1[$0.lowerBound...]) })
        XCTAssertTrue(catAxis.prefix(upTo: catAxis.range(of: "</c:catAx>")!.lowerBound).contains("<a:t>村</a:t>"), catAxis)
        let chart2 = try part(parts, "xl/charts/chart2.xml")
        assertContains(chart2, "<c:pieChart>")
        assertContains(chart2, #"<c:showPercent val="1"/>"#)
        assertContains(chart2, #"<c:numFmt formatCode="0.00%" sourceLinked="0"/>"#)
        let sheet = try part(parts, "xl/worksheets/sheet1.xml")
        assertContains(sheet, #"<pageSetup paperSize="9" scale="80" orientation="landscape"/>"#)
        assertContains(sheet, #"<rowBreaks count="2" manualBreakCount="2"><brk id="20" max="16383" man="1"/><brk id="40" max="16383" man="1"/></rowBreaks>"#)
        XCTAssertFalse(sheet.contains("fitToPage"))
        assertContains(sheet, "<drawing r:id=\"rId1\"/>")
    }

    func testBadRangesScalesAndBreaksAreRefusedWithTheReason() throws {
        let dir = try TempDir()
        let book = try XLSXWorkbook(path: dir.path("bad.xlsx"), createdAt: pinnedCreatedAt)
        let other = try XLSXWorkbook(path: dir.path("other.xlsx"), createdAt: pinnedCreatedAt)
        let ws = try book.addWorksheet(named: "S")
        let chart = try book.addChart(.column)
        let pie = try book.addChart(.pie)
        let validation = XLSXError.parameterValidationCode
        expectError(validation, { try chart.addSeries(categories: XLSXChart.Range(sheet: "S", firstRow: 3, firstColumn: 0, lastRow: 1, lastColumn: 0),
                                                       values: .column(1, rows: 0...1, of: "S")) }) {
            XCTAssertTrue($0.description.contains("rows 3...1"), $0.description)
        }
        expectError(validation, {
            try chart.addSeries(categories: .column(0, rows: 0...1, of: "S"),
                                values: XLSXChart.Range(sheet: "S", firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1))
        }) { XCTAssertEqual($0.detail, "a series' values are one row or one column") }
        expectError(validation, { try pie.setAxisNames(category: "a", value: "b") }) { XCTAssertEqual($0.detail, "a pie chart has no axes") }
        expectError(validation, { try pie.setValueAxisMinimum(0) })
        expectError(validation, { try chart.setValueAxisMinimum(.infinity) })
        expectError(validation, { try ws.setUpPrinting(scalePercent: 5) }) { XCTAssertEqual($0.detail, "print scale 5% is outside 10...400") }
        expectError(validation, { try ws.setPageBreaks(beforeRows: [0]) })
        expectError(validation, { try ws.setPageBreaks(beforeRows: Array(1...1024)) }) {
            XCTAssertEqual($0.detail, "1024 page breaks; a sheet holds at most 1023")
        }
        expectError(validation, { try ws.insertChart(chart, row: 0, column: 0, yScale: .nan) })
        let foreign = try other.addChart(.bar)
        expectError(validation, { try ws.insertChart(foreign, row: 0, column: 0) }) { XCTAssertEqual($0.detail, "chart belongs to another workbook") }
        try book.close()
        expectError(XLSXError.workbookClosedCode, { _ = try book.addChart(.bar) })
        expectError(XLSXError.workbookClosedCode, { try chart.setTitle("x") })
    }
}
