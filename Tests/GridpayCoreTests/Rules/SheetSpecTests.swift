import XCTest
@testable import GridpayCore

/// The two spellings of a rule file's own sheet, `[[group_sheets]]` and `[[sheets]]` with
/// `[sheets.units]`, read into the one model (SheetSpec): which field each spelling sets, and
/// that they differ only where the spellings mean different things (key, formats, layout, place).
final class SheetSpecTests: XCTestCase {
    static let groupSheet = """
        [[group_sheets]]
        name = "网格表"
        order = '网格名次'
        columns = [
          { name = "人数", value = 'group_count(网格)', format = "integer" },
          { name = "均分", value = 'group_mean(网格, 总分)', when = '总分 > 0' },
        ]
        """

    static let declaredSheet = """
        [[sheets]]
        name = "汇总表"
          [[sheets.lines]]
          label = "总人数"
          kind = "合计"
          value = 'overall_sum(1)'
          [sheets.units]
          key = '网格'
          label = "网格"
            [[sheets.units.columns]]
            name = "人数"
            value = 'group_count(网格)'
            [[sheets.units.columns]]
            name = "均分"
            value = 'group_mean(网格, 总分)'
        """

    func load(_ extra: String) throws -> RuleSet {
        let text = RuleCheckTests.ruleFile(values: "\"网格名次\" = 'group_rank(网格, 总分)'", extra: extra)
        switch RuleLoader.load(text: text, file: "t.toml") {
        case .success(let rules): return rules
        case .failure(let f): XCTFail(f.diagnostics.map(\.description).joined(separator: "\n")); throw XCTSkip("rules")
        }
    }

    /// The model's values as text: layout, placement, lines, then the rows table.
    func describe(_ s: SheetSpec) -> [String] {
        var out = ["\(s.name) \(s.layout) \(s.placement)"]
        out += s.lines.map { "line \($0.label) \($0.kind)" }
        if let rows = s.rows {
            let key: String
            switch rows.key {
            case .rosterGroup: key = "roster group"
            case .value(.rosterColumn(let c)): key = "roster column \(c)"
            case .value: key = "expression"
            }
            out.append("rows by \(key), label \(rows.label ?? "nil"), order \(rows.order == nil ? "nil" : "set")")
            out += rows.columns.map { "column \($0.name) \($0.type.rawValue) \($0.format.map(\.rawValue) ?? "as computed") when \($0.when == nil ? "nil" : "set")" }
        }
        return out
    }

    func testAGroupSheetIsARowsTableByTheRosterGroupAfterThePaySheet() throws {
        let rules = try load(Self.groupSheet)
        XCTAssertEqual(rules.sheets.map(describe), [[
            "网格表 rowsTable afterPay",
            "rows by roster group, label nil, order set",
            "column 人数 number integer when nil",
            // no format written: a score (0.00), as it always was
            "column 均分 number score when set",
        ]])
    }

    func testADeclaredSheetIsTotalsFirstAfterTheDetailsWithUnitsAsComputed() throws {
        let rules = try load(Self.declaredSheet)
        XCTAssertEqual(rules.sheets.map(describe), [[
            "汇总表 totalsFirst afterDetails",
            "line 总人数 合计",
            // key = '网格' is the roster's 4th column (编号, 姓名, 村, 网格)
            "rows by roster column 3, label 网格, order nil",
            "column 人数 number as computed when nil",
            "column 均分 number as computed when nil",
        ]])
    }

    func testBothSpellingsInOneFileAreOneListInReadingOrder() throws {
        // [[group_sheets]] are read before [[sheets]] wherever they stand in the file.
        let rules = try load(Self.declaredSheet + "\n\n" + Self.groupSheet)
        XCTAssertEqual(rules.sheets.map(\.name), ["网格表", "汇总表"])
        // The same rows in both spellings differ only in what the spellings mean differently:
        // the key (the group itself, or an expression naming its column), the key's label
        // (the roster's, or written), the formats (score/integer, or as computed).
        let group = try XCTUnwrap(rules.sheets[0].rows), units = try XCTUnwrap(rules.sheets[1].rows)
        XCTAssertEqual(group.columns.map(\.name), units.columns.map(\.name))
        XCTAssertEqual(group.columns.map(\.type), units.columns.map(\.type))
        // Where a column's errors point: a group sheet's at its { … } table (lines 62, 63), a
        // unit column's at its value (lines 53, 56; [[sheets]] starts at line 42, after the 41
        // lines of RuleCheckTests.ruleFile).
        XCTAssertEqual(group.columns.map(\.location.line), [62, 63])
        XCTAssertEqual(units.columns.map(\.location.line), [53, 56])
    }

    func testASheetNameIsTakenByTheWorkbookOrByEitherSpelling() {
        // [[group_sheets]] at line 42, the [[sheets]] of the same name at line 50 (42 + 6 lines
        // of the group sheet + a blank line + 1).
        let clash = Self.groupSheet + "\n\n" + Self.declaredSheet.replacingOccurrences(of: "汇总表", with: "网格表")
        let text = RuleCheckTests.ruleFile(values: "\"网格名次\" = 'group_rank(网格, 总分)'", extra: clash)
        guard case .failure(let f) = RuleLoader.load(text: text, file: "t.toml") else { return XCTFail("loads") }
        XCTAssertEqual(f.diagnostics.map(\.description), ["t.toml:50:1: error: a sheet named '网格表' already exists in the workbook; choose another name"])
        let product = RuleCheckTests.ruleFile(values: "\"网格名次\" = 'group_rank(网格, 总分)'", extra: Self.groupSheet.replacingOccurrences(of: "网格表", with: "往期更正"))
        guard case .failure(let g) = RuleLoader.load(text: product, file: "t.toml") else { return XCTFail("loads") }
        XCTAssertEqual(g.diagnostics.map(\.description), ["t.toml:42:1: error: a sheet named '往期更正' already exists in the workbook; choose another name"])
    }
}
