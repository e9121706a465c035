import GridpayCore
import XCTest
@testable import GridpayPipeline

/// "一年", "半年", "一个季度" — never "一个年" (qa G10): one period of each kind as a Chinese
/// office says it, in the messages that name it.
final class PeriodWordsTests: XCTestCase {
    func testOnePeriodOfEachKindIsSaidAsChineseSaysIt() {
        XCTAssertEqual([PeriodKind.month, .quarter, .halfYear, .year].map(\.one), ["一个月", "一个季度", "半年", "一年"])
        XCTAssertEqual(Language.with(.zh) { RunMessages.monthFoldersMissing("xinhe", "2026", months: ["2026-03"], townFolder: "Input/xinhe", kind: .year) },
                       "xinhe 2026 没有输入：Input/xinhe 中缺少月份文件夹 2026-03；一年要读其全部 12 个月的文件夹，请制表人员把缺少月份的导出文件放进对应的月份文件夹。没有写出任何文件")
        XCTAssertEqual(Language.with(.zh) { RunMessages.monthFoldersMissing("x", "2026-H1", months: ["2026-02", "2026-05"], townFolder: "Input/x", kind: .halfYear) },
                       "x 2026-H1 没有输入：Input/x 中缺少 2 个月份文件夹（2026-02、2026-05）；半年要读其全部 6 个月的文件夹，请制表人员把缺少月份的导出文件放进对应的月份文件夹。没有写出任何文件")
        XCTAssertEqual(Language.with(.en) { RunMessages.monthFoldersMissing("x", "2026-H1", months: ["2026-02", "2026-05"], townFolder: "Input/x", kind: .halfYear) },
                       "no inputs for x 2026-H1: 2 month folders (2026-02, 2026-05) are missing from Input/x; a half-year is read from all six of its months: "
                        + "the clerk puts each missing month's exports in its month folder. Nothing was written")
    }
}
