import XCTest
@testable import GridpayCore

/// HeaderMapping: declared columns found by name whatever their order; a column named twice, a
/// missing column (at its likely misspelling where there is one) reported at the header's line.
final class HeaderMappingTests: XCTestCase {
    let columns = ["网格员编号", "结果", "时间"]

    func testColumnsAreFoundByNameInAnyOrder() {
        let log = FileProblems(file: "events.csv", isRoster: false, acceptedLines: [])
        let header = HeaderMapping(header: ["时间", "备注", "网格员编号", "结果"], columns: columns, line: 1, problems: log)
        XCTAssertEqual(header.fieldOf, [2, 3, 0])
        XCTAssertEqual(header.fieldCount, 4)
        XCTAssertEqual(log.list.count, 0)
        XCTAssertEqual(header.missing, [])
    }

    func testAColumnNamedTwiceIsReportedAndTheFirstIsRead() {
        let log = FileProblems(file: "events.csv", isRoster: false, acceptedLines: [])
        let header = HeaderMapping(header: ["网格员编号", "结果", "结果", "时间"], columns: columns, line: 3, problems: log)
        XCTAssertEqual(header.fieldOf, [0, 1, 3])
        XCTAssertEqual(IngestFixture.described(log.list), ["3:3 duplicateColumn the column '结果' appears twice in the header"])
        XCTAssertEqual(log.list.map(\.acceptable), [false])
    }

    func testAMissingColumnIsReportedAtItsLikelyMisspelling() {
        let log = FileProblems(file: "events.csv", isRoster: false, acceptedLines: [])
        let header = HeaderMapping(header: ["时间", "网格员编码", "结果"], columns: columns, line: 1, problems: log)
        XCTAssertEqual(header.fieldOf, [], "no row is read without every declared column")
        XCTAssertEqual(header.fieldCount, 3)
        XCTAssertEqual(IngestFixture.described(log.list), [
            "1:2 missingColumn missing column '网格员编号': the header has '网格员编码' here; is it misspelt? Expected the header to name '网格员编号'",
        ])
        // For the file's one cause (SPEC §15): the declared column and the header most like it.
        XCTAssertEqual(header.missing, [.init(declared: "网格员编号", near: "网格员编码", field: 2)])
    }

    func testAMissingColumnWithNoLikeNameListsTheHeader() {
        let log = FileProblems(file: "events.csv", isRoster: false, acceptedLines: [])
        let header = HeaderMapping(header: ["甲", "结果", "时间"], columns: columns, line: 1, problems: log)
        XCTAssertEqual(header.fieldOf, [])
        XCTAssertEqual(IngestFixture.described(log.list), ["1:- missingColumn missing column '网格员编号'; the header has: 甲, 结果, 时间"])
        XCTAssertEqual(header.missing, [.init(declared: "网格员编号", near: nil, field: nil)])
        Language.with(.zh) {
            let zh = FileProblems(file: "events.csv", isRoster: false, acceptedLines: [])
            _ = HeaderMapping(header: ["甲", "结果", "时间"], columns: columns, line: 1, problems: zh)
            XCTAssertEqual(zh.list.map(\.message), ["缺少“网格员编号”列；表头为：甲、结果、时间"])
        }
    }
}
