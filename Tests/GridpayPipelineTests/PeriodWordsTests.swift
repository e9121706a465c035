import GridpayCore
import XCTest
@testable import GridpayPipeline

/// "一年", "半年", "一个季度" — never "一个年" (qa G10): one period of each kind as a Chinese
/// office says it, in the messages that name it.
final class PeriodWordsTests: XCTestCase {
    func testOnePeriodOfEachKindIsSaidAsChineseSaysIt() {
        XCTAssertEqual([PeriodKind.month, .quarter, .halfYear, .year].map(\.one), ["一个月", "一个季度", "半年", "一年"])
        XCTAssertEqual(Language.with(.zh) { RunMessages.noMonthFolder("xinhe", "2026", folder: "Input/xinhe/2026-03", kind: .year) },
                       "xinhe 2026 没有输入：月份文件夹 Input/xinhe/2026-03 不存在；一年要读其全部 12 个月的文件夹")
    }
}
