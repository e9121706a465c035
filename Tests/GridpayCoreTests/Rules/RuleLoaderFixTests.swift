import XCTest
@testable import GridpayCore

/// Loader bugs found while the rule sections got their own readers (issue 7.3); each test
/// fails on the loader before that change.
final class RuleLoaderFixTests: XCTestCase {
    func errors(_ text: String) -> [String] {
        switch RuleLoader.load(text: text, file: "t.toml") {
        case .success: return []
        case .failure(let f): return f.diagnostics.map(\.description)
        }
    }

    func testATopLevelKeyOfTheWrongKindIsRefused() {
        // Before: reported into a context that was then dropped, so `pay = 1` loaded with a zero pay.
        let withoutPay = RuleCheckTests.ruleFile().replacingOccurrences(of: "[pay]\nbase = '基数'\nscore_pay = 'round(绩效工资基数 * max(0, 总分) / 100, 2)'", with: "")
        XCTAssertEqual(errors("pay = 1\n" + withoutPay), ["t.toml:1:7: error: 'pay' in the rule file must be a table, but is a number"])
        XCTAssertEqual(errors("flags = 5\n" + RuleCheckTests.ruleFile()), ["t.toml:1:9: error: 'flags' in the rule file must be written as [[…flags]] sections, but is a number"])
    }

    func testAnItemWithoutANameIsReportedOnce() {
        // Before: three times (read for its declaration, its definition and the tests' names).
        let text = RuleCheckTests.ruleFile(items: "[[items]]\nfull = 10")
        XCTAssertEqual(errors(text), ["t.toml:35:1: error: [[items]] #1 needs the key 'name'"])
    }

    func testWorkerColumnsThatAreNoColumnsAreReportedInTableOrder() {
        // Before: in the order of a Dictionary, which changed from run to run.
        var text = RuleCheckTests.ruleFile().replacingOccurrences(of: "worker = \"编号\"", with: "worker = \"编\"")
        text += "\n[tables.more]\nfile = \"more.csv\"\nworker = \"号\"\ncolumns = [ { name = \"编号\", type = \"id\" } ]\n"
        let expected = [
            "t.toml:18:11: error: worker names '编', which is not a column of table events; did you mean '编号'?",
            "t.toml:45:11: error: worker names '号', which is not a column of table more; did you mean '编号'?",
            "t.toml:16:9: error: table events needs 'worker = \"<column>\"' (the column that names the worker each row belongs to) or 'group = \"<column>\"' (the column that names the group, matched against [roster] group)",
            "t.toml:43:9: error: table more needs 'worker = \"<column>\"' (the column that names the worker each row belongs to) or 'group = \"<column>\"' (the column that names the group, matched against [roster] group)",
        ]
        for _ in 0..<10 { XCTAssertEqual(errors(text), expected) }
    }

    func testDidYouMeanIsTheSameOnEveryLoad() {
        // 末 is one edit from 末位, a and b: the suggestion was picked in Dictionary order. Now the
        // candidates are sorted (a < b < 末位 by code points) and all three are offered (SPEC §15);
        // as a name, more than three are one edit away (names of the roster and functions), so none.
        let text = RuleCheckTests.ruleFile(values: "\"末位\" = '1 > 2'\n\"位X\" = '1 > 2'\n\"a\" = 'consecutive(末, 3)'\n\"b\" = '末 + 1'")
        let first = errors(text)
        XCTAssertEqual(first, [
            "t.toml:35:20: error: '末' is not a value defined in [values]; did you mean 'a', 'b' or '末位'?",
            "t.toml:36:8: error: unknown name '末'",
        ])
        for _ in 0..<30 { XCTAssertEqual(errors(text), first) }
    }
}
