import XCTest
@testable import GridpayCore

final class TOMLParserTests: XCTestCase {
    func parse(_ text: String) throws(TOMLParseError) -> TOMLTable { try TOMLParser.parse(text, file: "r.toml") }

    func errorText(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return error.diagnostic.description
        }
    }

    func testTablesArraysAndPositions() throws {
        let doc = try parse("""
        # comment
        [rules]
        town = "qinghe"   # trailing comment
        [[items]]
        name = "业务培训"
        full = 10
          [[items.deductions]]
          points = '-2'
        [[items]]
        name = "日常考核"
        """)
        guard case .table(let rules)? = doc["rules"]?.value, case .string(let town)? = rules["town"]?.value else { return XCTFail() }
        XCTAssertEqual(town.value, "qinghe")
        XCTAssertEqual(rules.entry("town")?.keyLocation.description, "r.toml:3:1")
        guard case .array(let items)? = doc["items"]?.value, items.count == 2, case .table(let first) = items[0].value else { return XCTFail() }
        guard case .array(let deductions)? = first["deductions"]?.value else { return XCTFail("nested array of tables") }
        XCTAssertEqual(deductions.count, 1)
        guard case .number(let full, _)? = first["full"]?.value else { return XCTFail() }
        XCTAssertEqual(full, ExactNumber(10))
    }

    func testStringCharactersKnowTheirLineAndColumn() throws {
        let doc = try parse("a = \"x\\ty\"\nb = '''\nline1\n  line2'''\n")
        guard case .string(let a)? = doc["a"]?.value, case .string(let b)? = doc["b"]?.value else { return XCTFail() }
        XCTAssertEqual(a.value, "x\ty")
        XCTAssertEqual(a.location(ofCharacterAt: 2).description, "r.toml:1:9")   // 'y' after the 2-character escape
        XCTAssertEqual(b.value, "line1\n  line2")
        XCTAssertEqual(b.location(ofCharacterAt: 8).description, "r.toml:4:3")   // 'l' of line2
    }

    func testInlineTablesAndMultilineArrays() throws {
        let doc = try parse("cols = [\n  { name = \"网格员编号\", type = \"id\" },\n  { name = \"x\", min = 0 },\n]\n")
        guard case .array(let cols)? = doc["cols"]?.value, cols.count == 2, case .table(let c0) = cols[0].value else { return XCTFail() }
        XCTAssertEqual(c0.keys, ["name", "type"])
        XCTAssertEqual(cols[1].location.description, "r.toml:3:3")
    }

    func testErrorsSayWhatAndWhere() {
        XCTAssertEqual(errorText("a = \"open\n"), "r.toml:1:5: error: this string is never closed with \" on its line")
        XCTAssertEqual(errorText("a = 1\na = 2\n"), "r.toml:2:1: error: the key 'a' is defined twice (first at r.toml:1:1)")
        XCTAssertEqual(errorText("业务 = 1\n"), "r.toml:1:1: error: a bare key may only use A-Z a-z 0-9 _ -; put a key such as '业…' in double quotes, e.g. \"业务培训\" = …")
        XCTAssertEqual(errorText("a = yes\n"), "r.toml:1:5: error: expected a value (string, number, true/false, array or table), found 'y'")
        XCTAssertEqual(errorText("a = 1 2\n"), "r.toml:1:7: error: expected the end of the line after the value, found '2'")
        XCTAssertEqual(errorText("[t]\n[t]\n"), "r.toml:2:2: error: table [t] is defined twice (first at r.toml:1:1)")
        XCTAssertEqual(errorText("a = [1, 2\n"), "r.toml:1:5: error: this array is never closed with ']'")
        XCTAssertEqual(errorText("a = 1e5\n"), "r.toml:1:5: error: '1e5' is not a number this rule format accepts (plain decimals such as 12, -3, 0.5; no exponents); dates must be quoted strings")
    }
}

/// Found by RuleLoaderFuzzTests: nesting without end (`x = [[[[…`, `{a={a=…`, `[a.a.a…]`,
/// `a.a.a… = 1`) once exhausted the stack (signal 11). The reader now stops at 64 levels, counting
/// the header's keys, dotted keys, arrays and inline tables, at the bracket or key that goes deeper.
final class TOMLNestingTests: XCTestCase {
    let message = "tables, arrays and inline tables nest more than 64 levels deep here; expected at most 64 levels"

    func errorText(_ text: String) -> String {
        do { _ = try TOMLParser.parse(text, file: "r.toml"); return "no error" } catch { return error.diagnostic.description }
    }

    func testArraysStopAtTheirSixtyFourthLevel() {
        // The key x is level 1, so 63 arrays fit; the 64th '[' is column 4 + 64 = 68.
        XCTAssertEqual(errorText("x = " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63)), "no error")
        XCTAssertEqual(errorText("x = " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64)), "r.toml:1:68: error: \(message)")
        XCTAssertEqual(errorText("x = " + String(repeating: "[", count: 100_000)), "r.toml:1:68: error: \(message)")
    }

    func testInlineTablesCountTheirKeys() {
        // x = {a={a=…: x is 1, each "{a=" adds the table (+1) and its key a (+1): the 32nd '{'
        // would be level 1 + 2×31 + 1 = 64, fine; its key a is level 65, at column 5 + 3×31 + 1 = 99.
        XCTAssertEqual(errorText("x = " + String(repeating: "{a=", count: 31) + "1" + String(repeating: "}", count: 31)), "no error")
        XCTAssertEqual(errorText("x = " + String(repeating: "{a=", count: 20_000) + "1"), "r.toml:1:99: error: \(message)")
    }

    func testDottedHeadersAndKeysStopAtSixtyFourKeys() {
        let keys64 = Array(repeating: "a", count: 64).joined(separator: ".")
        XCTAssertEqual(errorText("[\(keys64)]"), "no error")
        // The 65th key of a header starts at column 2 + 2×64 = 130.
        XCTAssertEqual(errorText("[\(keys64).a]"), "r.toml:1:130: error: \(message)")
        // A dotted key under [t] (level 1): 63 keys fit, the 64th starts at column 1 + 2×63 = 127.
        let keys63 = Array(repeating: "a", count: 63).joined(separator: ".")
        XCTAssertEqual(errorText("[t]\n\(keys63) = 1"), "no error")
        XCTAssertEqual(errorText("[t]\n\(keys63).a = 1"), "r.toml:2:127: error: \(message)")
    }
}
