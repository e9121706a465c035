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
