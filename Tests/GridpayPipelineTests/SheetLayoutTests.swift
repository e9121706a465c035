import XCTest
@testable import GridpayPipeline

/// Column widths from content (SheetLayout.swift): Chinese counted double, numbers as printed,
/// long headers wrapped, long text wrapped at the column's widest.
final class SheetLayoutTests: XCTestCase {
    func testChineseCountsDoubleEverythingElseOnce() {
        XCTAssertEqual(TextWidth.units("完成工作任务"), 12)       // 6 × 2
        XCTAssertEqual(TextWidth.units("QH0001"), 6)
        XCTAssertEqual(TextWidth.units("阿依古丽·吐尔逊"), 15)    // 7 × 2 + "·" (U+00B7, narrow)
        XCTAssertEqual(TextWidth.units("扣款(元)"), 8)            // 2 × 2 + "(" + 元 2 + ")"
        XCTAssertEqual(TextWidth.units("（31 天）"), 9)           // full-width parentheses 2 each: 2 + 3 + 2 + 2
    }

    func testNumbersAreMeasuredAsTheirFormatPrintsThem() {
        XCTAssertEqual(TextWidth.units(number: -12345.6, style: .money), 10)   // "-12,345.60"
        XCTAssertEqual(TextWidth.units(number: 1_625.94, style: .money), 8)    // "1,625.94"
        XCTAssertEqual(TextWidth.units(number: 100, style: .score), 6)         // "100.00"
        XCTAssertEqual(TextWidth.units(number: 0.9, style: .percent), 6)       // "90.00%"
        XCTAssertEqual(TextWidth.units(number: 1_234_567, style: .count), 9)   // "1,234,567"
        XCTAssertEqual(TextWidth.units(number: 1531, style: .integer), 4)      // "1531": ids and line numbers, no separator
    }

    func testWidthIsTheWidestOfHeaderAndValuesWithinBounds() {
        var s = ColumnSizer([SheetColumn("完成工作任务", .centered), SheetColumn("未开展满意度调查", .centered),
                             SheetColumn("姓名", .text), SheetColumn("问题", .text, maxWidth: 30)])
        s.measure(2, column: 0)                   // 是
        s.measure(2, column: 1)
        s.measure(15, column: 2)                  // 阿依古丽·吐尔逊
        s.measure(80, column: 3)
        // 6 bold characters: 12 × 1.1 = 13.2 ≤ 14, one line; 13.2 + 2 padding = 15.2 → 16.
        XCTAssertEqual(ColumnSizer.headerLines("完成工作任务"), 1)
        XCTAssertEqual(s.width(0), 16)
        // 8 characters: 17.6 > 14 wraps onto 2 lines of 8.8 → 9, + 2 slack = 11, + 2 padding = 13.
        XCTAssertEqual(ColumnSizer.headerLines("未开展满意度调查"), 2)
        XCTAssertEqual(s.width(1), 13)
        XCTAssertEqual(s.width(2), 17)            // 15 + 2
        XCTAssertEqual(s.width(3), 30)            // capped at its maxWidth
        XCTAssertTrue(s.wraps(29, column: 3))     // 29 + 2 > 30
        XCTAssertFalse(s.wraps(28, column: 3))
        XCTAssertEqual(s.lines(80, column: 3), 4) // room 30 − 2 − 2 = 26 per line: 80 / 26 → 4
        XCTAssertEqual(ColumnSizer([SheetColumn("列", .integer)]).width(0), 5) // 2.2 + 2 → 5 (at least 4)
    }
}
