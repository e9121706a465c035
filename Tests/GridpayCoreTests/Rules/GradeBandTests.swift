import XCTest
@testable import GridpayCore

/// The checker refuses bands out of order, duplicate names, overlaps and gaps, each at its
/// band's own line; and ratings' periods, means and vetoes.
final class GradeBandTests: XCTestCase {
    /// RuleCheckTests.ruleFile has 41 lines before `extra`, which starts on line 42.
    func errors(_ extra: String) -> [String] {
        switch RuleLoader.load(text: RuleCheckTests.ruleFile(extra: extra), file: "t.toml") {
        case .success: return []
        case .failure(let f): return f.diagnostics.map(\.description)
        }
    }

    func bands(_ list: [(String, Int?)], table: String = "grades") -> String {
        list.map { name, min in "[[\(table)]]\nname = \"\(name)\"\n" + (min.map { "min = \($0)\n" } ?? "") }.joined()
    }

    func testWellFormedBandsLoad() {
        XCTAssertEqual(errors(bands([("优秀", 90), ("合格", 60), ("不合格", nil)])), [])
    }

    func testOutOfOrder() {
        // Bands start on lines 42, 45 and 48.
        XCTAssertEqual(errors(bands([("合格", 60), ("优秀", 90), ("不合格", nil)])), [
            "t.toml:45:1: error: bands out of order: '优秀' (min 90) comes after '合格' (min 60); expected the highest band first and each min below the one above",
        ])
    }

    func testDuplicateNamesAndOverlaps() {
        XCTAssertEqual(errors(bands([("优秀", 90), ("优秀", 80), ("不合格", nil)])), [
            "t.toml:45:1: error: the grade '优秀' is declared twice (first at line 42); each band needs its own name",
        ])
        XCTAssertEqual(errors(bands([("优秀", 90), ("良好", 90), ("不合格", nil)])), [
            "t.toml:45:1: error: the bands '优秀' and '良好' overlap: both start at 90; expected each band's min below the one above it",
        ])
    }

    func testGaps() {
        // The lowest band with a min leaves the scores below it ungraded.
        XCTAssertEqual(errors(bands([("优秀", 90), ("合格", 60)])), [
            "t.toml:45:1: error: gap: scores below 60 would have no grade; the lowest band '合格' takes every score below the band above it, so it has no min (or add a band without min after it)",
        ])
        // A band without min in the middle leaves the bands below it unreachable.
        XCTAssertEqual(errors(bands([("优秀", 90), ("合格", nil), ("不合格", nil)])), [
            "t.toml:45:1: error: the band '合格' has no min, but bands follow it: only the lowest band goes without min; expected min = <score> (scores ≥ min get '合格')",
        ])
    }

    func testGradeLiteralsVetoesAndRatings() {
        let grades = bands([("优秀", 90), ("不合格", nil)])
        // Line 49 holds the veto's grade; `grade = "` is 9 characters, so the text starts at column 10.
        XCTAssertEqual(errors(grades + "[[vetoes]]\nwhen = '总分 < 0'\ngrade = \"不及格\"\n"), [
            "t.toml:49:10: error: the veto's grade '不及格' is not one of the [[grades]] (优秀 / 不合格); did you mean '不合格'?",
        ])
        // 等次 compared with a text that is no band: line 49; the expression starts at column 9 and
        // `等次 == ` is 6 characters, so the literal is at column 15.
        XCTAssertEqual(errors(grades + "[[flags]]\nname = \"差\"\nwhen = '等次 == \"不合格 \"'\n"), [
            "t.toml:49:15: error: '不合格 ' is not a grade of [[grades]], which are 优秀 / 不合格; did you mean '不合格'?",
        ])
        XCTAssertEqual(errors("[[vetoes]]\nwhen = 'true'\ngrade = \"不合格\"\n"), [
            "t.toml:42:1: error: [[vetoes]] force a grade, but the rule file declares no [[grades]] for its months; a rating's veto goes under [[ratings.vetoes]]",
        ])
        let rating = """
        [[ratings]]
        periods = ["year", "month", "year"]
        mean = "总份"
          [[ratings.bands]]
          name = "合格"
          min = 60
          [[ratings.bands]]
          name = "不合格"
          [[ratings.vetoes]]
          flag = "否决"
          grade = "不及格"

        """
        XCTAssertEqual(errors(rating), [
            "t.toml:43:20: error: periods lists what is rated: \"quarter\", \"half-year\", \"year\" (periods longer than the town's month); found 'month'",
            "t.toml:43:29: error: the year is already rated at line 43; each period kind has one rating",
            "t.toml:44:9: error: mean names '总份', which is not 总分 or an item; did you mean '总分'?; the mean is taken over published results",
            "t.toml:51:11: error: the veto names the flag '否决', which is not a [[flags]] name",
            "t.toml:52:12: error: the veto's grade '不及格' is not a band of this rating (合格 / 不合格); did you mean '不合格'?",
        ])
    }
}
