import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// 工资条 and 统计 of the sample month (Input/qinghe/2026-10), read back from the workbook.
final class SlipsAndStatisticsTests: XCTestCase {
    func sampleBook() throws -> WorkbookReader {
        let tmp = TemporaryFolder()
        let request = TestTown.sample("qinghe", "2026-10", output: tmp.path)
        guard case .success(let result) = MonthRunner.run(request) else { throw XCTSkip("the sample month did not run") }
        return try WorkbookReader(path: "\(result.directory)/qinghe-2026-10.xlsx")
    }

    func testOneSlipPerWorkerWithTownPeriodEveryPayColumnAndPageBreaksBetweenSlips() throws {
        let book = try sampleBook()
        let header = book.row("绩效工资", 0)
        // The pay sheet's worker rows, in its order (subtotal rows have no id).
        let payRows = (1...80).map { book.row("绩效工资", $0) }.filter { $0.first?.hasPrefix("QH") == true }
        XCTAssertEqual(payRows.count, 53)
        for (k, pay) in payRows.enumerated() {
            XCTAssertEqual(book.row("工资条", 4 * k), ["清河镇 2026-10 绩效工资条"], "slip \(k + 1): the town and the period")
            XCTAssertEqual(book.row("工资条", 4 * k + 1), header, "slip \(k + 1): its own header row")
            XCTAssertEqual(book.row("工资条", 4 * k + 2), pay, "slip \(k + 1): the worker's pay line")
            XCTAssertEqual(book.row("工资条", 4 * k + 3), [], "slip \(k + 1): a row with a line to cut along")
        }
        XCTAssertEqual(book.row("工资条", 4 * 53), [])
        let xml = book.text("xl/worksheets/sheet3.xml")
        // Fixed scale, not fit to page (Excel ignores manual breaks under fit to page).
        // Widths 13 17 12 11 16 8 11 16 16 11 11 9 take Σ ((7w + 5) × 0.75 × 1.1) = 921.525 points;
        // the page has 741: 741 / 921.525 = 80.4% → 80.
        XCTAssertTrue(xml.contains(#"<pageSetup paperSize="9" scale="80" orientation="landscape"/>"#), xml)
        XCTAssertFalse(xml.contains("fitToPage"))
        // Title 17 + header 17 + value 17 + gap 12 = 63 points a slip; at 80% 50.4; 460 / 50.4
        // → 9 slips a page: breaks before rows 36, 72, 108, 144, 180 (each at a slip's title).
        let breaks = [36, 72, 108, 144, 180].map { #"<brk id="\#($0)" max="16383" man="1"/>"# }.joined()
        XCTAssertTrue(xml.contains(#"<rowBreaks count="5" manualBreakCount="5">\#(breaks)</rowBreaks>"#), xml)
        // Each slip's title merged across the slip; a dashed line under each slip.
        XCTAssertTrue(xml.contains(#"<mergeCell ref="A1:L1"/>"#) && xml.contains(#"<mergeCell ref="A209:L209"/>"#), xml)
        XCTAssertTrue(book.text("xl/styles.xml").contains(#"<bottom style="dashed">"#))
    }

    func testStatisticsTablesHoldTheNumbersBehindTheCharts() throws {
        let book = try sampleBook()
        XCTAssertEqual(book.row("统计", 0), ["村(社区)", "人数", "平均总分"])
        // 东关村: QH0001 90.33 + QH0002 100 + QH0003 97 + QH0004 100 + QH0005 92.63 = 479.96;
        // / 5 = 95.992 → 95.99.
        XCTAssertEqual(numbers(book.row("统计", 1)), ["东关村", "5.00", "95.99"])
        // 13 villages, then the bands table after the first chart's block (23 rows + a gap).
        XCTAssertEqual(numbers(book.row("统计", 13)), ["柳林村", "4.00", "73.31"])
        XCTAssertEqual(book.row("统计", 24), ["总分段", "人数", "占比"])
        // 53 workers: 2 below 60 (2 / 53 = 0.037735… → 0.0377), 3 in 80–89.99, 33 in 90–99.99,
        // 15 at 100 (the 15 sharing rank 1).
        XCTAssertEqual(book.row("统计", 25), ["60 分以下", "2", "0.0377"])
        XCTAssertEqual(book.row("统计", 26), ["60–69.99", "0", "0"])
        XCTAssertEqual(book.row("统计", 29), ["90–99.99", "33", "0.6226"])
        XCTAssertEqual(book.row("统计", 30), ["100 分及以上", "15", "0.283"])
        // Duty requirements: 40 of 53 met (0.754716… → 0.7547), 13 not (0.245283… → 0.2453).
        XCTAssertEqual(book.row("统计", 38), ["完成工作任务", "人数", "占比"])
        XCTAssertEqual(book.row("统计", 39), ["是", "40", "0.7547"])
        XCTAssertEqual(book.row("统计", 40), ["否", "13", "0.2453"])
        // Three native charts over those cells.
        let charts = book.parts.keys.filter { $0.hasPrefix("xl/charts/chart") }.sorted()
        XCTAssertEqual(charts, ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml"])
        let bar = book.text("xl/charts/chart1.xml"), column = book.text("xl/charts/chart2.xml"), pie = book.text("xl/charts/chart3.xml")
        XCTAssertTrue(bar.contains(#"<c:barDir val="bar"/>"#))
        // Villages listed from the top down as in the table (a bar chart draws the first category
        // at the bottom unless its axis is reversed), the value axis at the bottom.
        XCTAssertTrue(bar.contains(#"<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="maxMin"/>"#), bar)
        XCTAssertTrue(bar.contains(#"<c:crosses val="max"/>"#), bar)
        XCTAssertTrue(bar.contains("<c:f>'统计'!$A$2:$A$14</c:f>") && bar.contains("<c:f>'统计'!$C$2:$C$14</c:f>"), bar)
        XCTAssertTrue(column.contains(#"<c:barDir val="col"/>"#))
        XCTAssertTrue(column.contains("<c:f>'统计'!$A$26:$A$31</c:f>") && column.contains("<c:f>'统计'!$B$26:$B$31</c:f>"), column)
        XCTAssertTrue(pie.contains("<c:pieChart>"))
        XCTAssertTrue(pie.contains("<c:f>'统计'!$B$40:$B$41</c:f>") && pie.contains(#"<c:showPercent val="1"/>"#), pie)
    }

    /// Numeric cells with 2 decimals, as the sheet shows them (a cell's <v> can be
    /// 95.98999999999999 for 95.99: libxlsxwriter prints 16 significant digits).
    func numbers(_ row: [String]) -> [String] {
        row.map { cell in Double(cell).map { String(format: "%.2f", $0) } ?? cell }
    }

    func testBandsAreTenPointsFromSixtyToAHundred() {
        XCTAssertEqual(WorkbookWriter.bandLabels(), ["60 分以下", "60–69.99", "70–79.99", "80–89.99", "90–99.99", "100 分及以上"])
        let cases: [(String, Int)] = [("-5", 0), ("59.99", 0), ("60", 1), ("69.99", 1), ("89.99", 3), ("99.99", 4), ("100", 5), ("120", 5)]
        for (text, band) in cases {
            XCTAssertEqual(WorkbookWriter.band(of: ExactNumber(decimalText: text)!), band, text)
        }
    }
}
