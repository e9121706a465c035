import XCTest
@testable import GridpayCore

/// The TOML reader against valid and invalid documents, as toml-test sorts them: each valid
/// document is compared with its exact parsed value, rendered one way (strings as Swift writes
/// them, numbers exact, tables as {key = value, …} in file order); each invalid one with its
/// exact message and line:column.
final class TOMLDocumentSuiteTests: XCTestCase {
    static func render(_ v: TOMLValue) -> String {
        switch v {
        case .string(let s): String(reflecting: s.value)
        case .number(let n, _): n.description
        case .bool(let b): b ? "true" : "false"
        case .array(let items): "[" + items.map { render($0.value) }.joined(separator: ", ") + "]"
        case .table(let t): "{" + t.entries.map { "\($0.key) = \(render($0.node.value))" }.joined(separator: ", ") + "}"
        }
    }

    func value(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return Self.render(.table(try TOMLParser.parse(text, file: "t.toml")))
        } catch {
            XCTFail("\(error.diagnostic)", file: file, line: line)
            return ""
        }
    }

    func error(_ text: String) -> String {
        do {
            _ = try TOMLParser.parse(text, file: "t.toml")
            return "no error"
        } catch {
            return error.diagnostic.description
        }
    }

    // MARK: strings

    func testBasicStringsAndEveryEscape() {
        XCTAssertEqual(value(#"a = "tab\there \"q\" back\\slash \b\f\r\n \u00E9 \U0001F600""#),
                       #"{a = "tab\there \"q\" back\\slash \u{08}\u{0C}\r\n é 😀"}"#)
        XCTAssertEqual(value(#"a = "x # not a comment" # a comment"#), #"{a = "x # not a comment"}"#)
        XCTAssertEqual(value("a = \"\"\nb = ''"), #"{a = "", b = ""}"#)
        XCTAssertEqual(value("a = \"tab\tinside\""), #"{a = "tab\tinside"}"#)
    }

    func testLiteralStringsKeepBackslashes() {
        XCTAssertEqual(value(#"a = 'C:\Users\n'"#), #"{a = "C:\\Users\\n"}"#)
        XCTAssertEqual(value("a = '''\nraw \\n\n  two'''"), #"{a = "raw \\n\n  two"}"#)
    }

    func testMultiLineBasicStrings() {
        // The newline after the opening """ is dropped; a line-ending backslash drops the line
        // break and the whitespace after it.
        XCTAssertEqual(value("a = \"\"\"\none \\\n    two\n\"\"\""), #"{a = "one two\n"}"#)
        XCTAssertEqual(value("a = \"\"\"one \\   \n  two\"\"\""), #"{a = "one two"}"#)
        XCTAssertEqual(value("a = \"\"\"a \"\" b\"\"\""), #"{a = "a \"\" b"}"#)
    }

    func testOneOrTwoQuotesMayEndAMultiLineString() {
        // Fixed: """x"""" was the string x and a stray quote after it.
        XCTAssertEqual(value("a = \"\"\"x\"\"\"\""), #"{a = "x\""}"#)
        XCTAssertEqual(value("a = \"\"\"x\"\"\"\"\""), #"{a = "x\"\""}"#)
        XCTAssertEqual(value("a = '''y'''''"), #"{a = "y\'\'"}"#)
    }

    func testBadEscapesAreRefusedAtTheBackslash() {
        XCTAssertEqual(error(#"a = "x\q""#), #"t.toml:1:7: error: unknown escape sequence '\q'; use a literal string '…' to avoid escaping"#)
        XCTAssertEqual(error(#"a = "\u00G0""#), #"t.toml:1:6: error: expected 4 hex digits after \u"#)
        XCTAssertEqual(error(#"a = "\U0000123""#), #"t.toml:1:6: error: expected 8 hex digits after \U"#)
        XCTAssertEqual(error(#"a = "\uDFFF""#), #"t.toml:1:6: error: \uDFFF is not a Unicode scalar"#)
        XCTAssertEqual(error(#"a = "\U00110000""#), #"t.toml:1:6: error: \U00110000 is not a Unicode scalar"#)
        // Fixed: a backslash with spaces and then text was taken as a line-ending backslash.
        XCTAssertEqual(error("a = \"\"\"x\\  y\"\"\""), #"t.toml:1:9: error: unknown escape sequence '\ '; use a literal string '…' to avoid escaping"#)
        // A line-ending backslash is for multi-line strings only.
        XCTAssertEqual(error("a = \"x\\\ny\""), #"t.toml:1:7: error: a backslash at the end of a line continues only a multi-line string """…"""; write \\ for a backslash"#)
    }

    func testUnterminatedStringsAreReportedAtTheirOpening() {
        XCTAssertEqual(error("a = \"x"), "t.toml:1:5: error: this string is never closed with \"")
        XCTAssertEqual(error("a = \"x\nb = 1"), "t.toml:1:5: error: this string is never closed with \" on its line")
        XCTAssertEqual(error("a = 'x\nb = 1"), "t.toml:1:5: error: this string is never closed with '")
        XCTAssertEqual(error("\n a = \"\"\"x\ny"), "t.toml:2:6: error: this multi-line string is never closed with \"\"\"")
        XCTAssertEqual(error("a = '''x\ny''"), "t.toml:1:5: error: this multi-line string is never closed with '''")
        XCTAssertEqual(error("a = \"x\\"), "t.toml:1:8: error: unfinished escape sequence")
    }

    // MARK: numbers and booleans

    func testNumbers() {
        XCTAssertEqual(value("a = 0\nb = -0\nc = +7\nd = 1_000\ne = 3.14\nf = -0.5\ng = 1_000.000_1\nh = 0.0"),
                       "{a = 0, b = 0, c = 7, d = 1000, e = 3.14, f = -0.5, g = 1000.0001, h = 0}")
        XCTAssertEqual(value("a = 1234567890123456789.25"), "{a = 1234567890123456789.25}")
    }

    func testNumbersTOMLRefuses() {
        // Fixed: leading zeros and stray underscores were read (007 as 7, 1__0 as 10).
        XCTAssertEqual(error("a = 007"), "t.toml:1:5: error: '007' has a leading zero, which TOML does not allow; write it without (e.g. 7, 0.5)")
        XCTAssertEqual(error("a = -01.5"), "t.toml:1:5: error: '-01.5' has a leading zero, which TOML does not allow; write it without (e.g. 7, 0.5)")
        XCTAssertEqual(error("a = 1__0"), "t.toml:1:5: error: '1__0' has an underscore that is not between two digits; write e.g. 1_000")
        XCTAssertEqual(error("a = 1_.5"), "t.toml:1:5: error: '1_.5' has an underscore that is not between two digits; write e.g. 1_000")
        XCTAssertEqual(error("a = +_1"), "t.toml:1:5: error: '+_1' has an underscore that is not between two digits; write e.g. 1_000")
        XCTAssertEqual(error("a = -.5"), "t.toml:1:5: error: '-.5' needs digits on both sides of its decimal point, e.g. 1.0 or 0.5")
        XCTAssertEqual(error("a = 1."), "t.toml:1:5: error: '1.' is not a number this rule format accepts (plain decimals such as 12, -3, 0.5; no exponents); dates must be quoted strings")
        XCTAssertEqual(error("a = .5"), "t.toml:1:5: error: expected a value (string, number, true/false, array or table), found '.'")
        XCTAssertEqual(error("a = --1"), "t.toml:1:5: error: '--1' is not a number this rule format accepts (plain decimals such as 12, -3, 0.5; no exponents); dates must be quoted strings")
    }

    func testNumberFormsThisFormatDoesNotSupportAreRefusedWhole() {
        let refused = "is not a number this rule format accepts (plain decimals such as 12, -3, 0.5; no exponents); dates must be quoted strings"
        // Fixed: 0x1F and a time were cut at the first letter or colon ("found 'x'", "found ':'").
        for text in ["1e5", "6.02E23", "0x1F", "0o17", "0b101", "-inf", "+nan"] {
            XCTAssertEqual(error("a = \(text)"), "t.toml:1:5: error: '\(text)' \(refused)", text)
        }
        XCTAssertEqual(error("a = inf"), "t.toml:1:5: error: expected a value (string, number, true/false, array or table), found 'i'")
    }

    func testDatesAndTimesAreRefusedAndMustBeQuoted() {
        let refused = "is not a number this rule format accepts (plain decimals such as 12, -3, 0.5; no exponents); dates must be quoted strings"
        XCTAssertEqual(error("d = 1979-05-27"), "t.toml:1:5: error: '1979-05-27' \(refused)")
        XCTAssertEqual(error("d = 07:32:00"), "t.toml:1:5: error: '07:32:00' \(refused)")
        XCTAssertEqual(error("d = 1979-05-27T07:32:00Z"), "t.toml:1:5: error: '1979-05-27T07:32:00Z' \(refused)")
        XCTAssertEqual(error("d = 1979-05-27 07:32:00"), "t.toml:1:5: error: '1979-05-27' \(refused)")
        XCTAssertEqual(value("d = \"1979-05-27\""), #"{d = "1979-05-27"}"#)
    }

    func testBooleans() {
        XCTAssertEqual(value("t = true\nf = false"), "{t = true, f = false}")
        XCTAssertEqual(error("a = True"), "t.toml:1:5: error: expected a value (string, number, true/false, array or table), found 'T'")
        XCTAssertEqual(error("a = truee"), "t.toml:1:5: error: expected a value (string, number, true/false, array or table), found 'truee'; text must be quoted")
    }

    // MARK: arrays and inline tables

    func testArrays() {
        XCTAssertEqual(value(#"a = [1, "two", [3, 4], { x = 5 }, true]"#), #"{a = [1, "two", [3, 4], {x = 5}, true]}"#)
        XCTAssertEqual(value("a = []\nb = [ ]"), "{a = [], b = []}")
        XCTAssertEqual(value("a = [\n  1, # one\n  # a comment line\n  2,\n]"), "{a = [1, 2]}")
        // Fixed: an array of arrays written from the start of its lines was taken for one left open.
        // (A line `[word]` there still reads as a header: `[3]` is a header or an array of one.)
        XCTAssertEqual(value("a = [\n[1, 2],\n[3, 4]\n]"), "{a = [[1, 2], [3, 4]]}")
        XCTAssertEqual(error("a = [\n[1],\n[2]\n]"), "t.toml:1:5: error: this array is never closed with ']' (the next line that is not part of it is line 3)")
    }

    func testArraysLeftOpenOrMalformed() {
        XCTAssertEqual(error("a = [1, 2"), "t.toml:1:5: error: this array is never closed with ']'")
        // Fixed: after a value without its comma this said "expected ',' or ']'" at the next header.
        XCTAssertEqual(error("a = [1, 2\n\n[b]"), "t.toml:1:5: error: this array is never closed with ']' (the next line that is not part of it is line 3)")
        XCTAssertEqual(error("a = [1, 2,\nb = 3"), "t.toml:1:5: error: this array is never closed with ']' (the next line that is not part of it is line 2)")
        XCTAssertEqual(error("a = [1 2]"), "t.toml:1:8: error: expected ',' or ']' in the array that starts at 1:5")
        XCTAssertEqual(error("a = [1,,2]"), "t.toml:1:8: error: expected a value (string, number, true/false, array or table), found ','")
    }

    func testInlineTables() {
        XCTAssertEqual(value("p = { x = 1, y.z = 2, \"q r\" = 'v' }\ne = {}"), #"{p = {x = 1, y = {z = 2}, q r = "v"}, e = {}}"#)
        XCTAssertEqual(value("p = { a = { b = [1] } }"), "{p = {a = {b = [1]}}}")
    }

    func testInlineTablesStayOnOneLineAndAreComplete() {
        XCTAssertEqual(error("a = { b = 1\n}"), "t.toml:1:12: error: an inline table { … } must stay on one line; use a [table] section for longer ones")
        // Fixed: a line break after a comma printed "expected a key, found '⏎'" with the break itself.
        XCTAssertEqual(error("a = { b = 1,\n c = 2 }"), "t.toml:1:13: error: an inline table { … } must stay on one line; use a [table] section for longer ones")
        XCTAssertEqual(error("a = { b = 1 c = 2 }"), "t.toml:1:13: error: expected ',' or '}' in the inline table")
        XCTAssertEqual(error("a = { b = 1, }"), "t.toml:1:14: error: expected a key, found '}'")
        XCTAssertEqual(error("a = { b = 1, b = 2 }"), "t.toml:1:14: error: the key 'b' is defined twice (first at t.toml:1:7)")
        XCTAssertEqual(error("a = { b = 1 }\na.c = 2"), "t.toml:2:1: error: 'a' is already defined at t.toml:1:5")
        XCTAssertEqual(error("a = { b = 1 }\n[a]"), "t.toml:2:2: error: table [a] is defined twice (first at t.toml:1:5)")
        // Fixed: [a.c] went into the inline table and added c to it.
        XCTAssertEqual(error("a = { b = 1 }\n[a.c]"), "t.toml:2:2: error: 'a' is an inline table (at t.toml:1:5), complete as written; a [table] header cannot add to it")
    }

    // MARK: tables, arrays of tables, keys

    func testTables() {
        XCTAssertEqual(value("[a]\nx = 1\n[a.b]\ny = 2\n[c.\"d.e\"]\nz = 3"), "{a = {x = 1, b = {y = 2}}, c = {d.e = {z = 3}}}")
        // A table made on the way to [x.y] may be defined once by its own header.
        XCTAssertEqual(value("[x.y]\n[x]\nk = 1"), "{x = {y = {}, k = 1}}")
        XCTAssertEqual(value("[ a . b ]\nk = 1"), "{a = {b = {k = 1}}}")
    }

    func testTablesDefinedTwice() {
        XCTAssertEqual(error("[a]\n[a]"), "t.toml:2:2: error: table [a] is defined twice (first at t.toml:1:1)")
        XCTAssertEqual(error("[x.y]\n[x]\n[x]"), "t.toml:3:2: error: table [x] is defined twice (first at t.toml:1:2)")
        XCTAssertEqual(error("[a]\nb = 1\n[a.b]"), "t.toml:3:4: error: 'b' is already a number (at t.toml:2:5); cannot use it as a table")
        // Fixed: a table made by dotted keys could be defined again by a header.
        XCTAssertEqual(error("a.b = 1\n[a]"), "t.toml:2:2: error: table [a] is defined twice (first at t.toml:1:1)")
        XCTAssertEqual(error("[a]\nb.c = 1\n[a.b]"), "t.toml:3:4: error: table [a.b] is defined twice (first at t.toml:2:1)")
    }

    func testArraysOfTables() {
        XCTAssertEqual(value("[[p]]\nn = 1\n[[p]]\nn = 2\n[p.q]\nm = 3\n[[p.r]]\ns = 4"),
                       "{p = [{n = 1}, {n = 2, q = {m = 3}, r = [{s = 4}]}]}")
        XCTAssertEqual(value("[[items]]\nname = \"a\"\n  [[items.deductions]]\n  points = '-2'\n[[items]]\nname = \"b\""),
                       #"{items = [{name = "a", deductions = [{points = "-2"}]}, {name = "b"}]}"#)
    }

    func testArraysOfTablesMisused() {
        XCTAssertEqual(error("a = 1\n[[a]]"), "t.toml:2:3: error: 'a' is already defined as a number at t.toml:1:5; cannot use it as an array of tables")
        XCTAssertEqual(error("[a]\n[[a]]"), "t.toml:2:3: error: 'a' is already defined as a table at t.toml:1:1; cannot use it as an array of tables")
        // Fixed: [[a]] appended a table to an array of values, and [a] after [[a]] silently
        // reopened its last table.
        XCTAssertEqual(error("a = [1]\n[[a]]"), "t.toml:2:3: error: 'a' is already defined as an array at t.toml:1:5; cannot use it as an array of tables")
        XCTAssertEqual(error("[[a]]\n[a]"), "t.toml:2:2: error: 'a' is already an array (at t.toml:1:1); cannot use it as a table")
        XCTAssertEqual(error("a = [{ b = 1 }]\n[a.c]"), "t.toml:2:2: error: 'a' is an array of values, not of tables")
    }

    func testKeys() {
        XCTAssertEqual(value("A-z_0 = 1\n1234 = 2\n\"\" = 3\n'lit' = 4\n\"业务培训\" = 5"), "{A-z_0 = 1, 1234 = 2,  = 3, lit = 4, 业务培训 = 5}")
        XCTAssertEqual(value("a.b.c = 1\na.b.d = 2\nsite.\"google.com\" = true\n3.14 = 'pi'"),
                       #"{a = {b = {c = 1, d = 2}}, site = {google.com = true}, 3 = {14 = "pi"}}"#)
        XCTAssertEqual(value("a\t=\t1\n  b =2"), "{a = 1, b = 2}")
    }

    func testKeysMisused() {
        XCTAssertEqual(error("a = 1\na = 2"), "t.toml:2:1: error: the key 'a' is defined twice (first at t.toml:1:1)")
        XCTAssertEqual(error("a.b = 1\na.b = 2"), "t.toml:2:3: error: the key 'b' is defined twice (first at t.toml:1:3)")
        XCTAssertEqual(error("a = 1\na.b = 2"), "t.toml:2:1: error: 'a' is already defined at t.toml:1:5")
        XCTAssertEqual(error("a b = 1"), "t.toml:1:3: error: expected '=' after the key 'a'")
        XCTAssertEqual(error("= 1"), "t.toml:1:1: error: expected a key, found '='")
        XCTAssertEqual(error("[a.]"), "t.toml:1:4: error: expected a key, found ']'")
        // Fixed: the line break itself was printed between the quotes.
        XCTAssertEqual(error("[\na = 1"), "t.toml:1:2: error: expected a key, found the end of the line")
        XCTAssertEqual(error("[a."), "t.toml:1:4: error: expected a key, found the end of the file")
        XCTAssertEqual(error("业务 = 1"), "t.toml:1:1: error: a bare key may only use A-Z a-z 0-9 _ -; put a key such as '业…' in double quotes, e.g. \"业务培训\" = …")
        XCTAssertEqual(error("ab业务 = 1"), "t.toml:1:3: error: a bare key may only use A-Z a-z 0-9 _ -; put this key in double quotes")
    }

    func testValuesMissingOrFollowedByMore() {
        // Fixed: "expected a value … found '⏎'" with the line break itself.
        XCTAssertEqual(error("a =\nb = 1"), "t.toml:1:4: error: expected a value after '=', found the end of the line")
        XCTAssertEqual(error("a = # nothing"), "t.toml:1:5: error: expected a value after '=', found the end of the line")
        XCTAssertEqual(error("a ="), "t.toml:1:4: error: expected a value, found the end of the file")
        XCTAssertEqual(error("a = 1 b = 2"), "t.toml:1:7: error: expected the end of the line after the value, found 'b'")
        XCTAssertEqual(error("[a]]"), "t.toml:1:4: error: expected the end of the line after the value, found ']'")
        XCTAssertEqual(error("[a"), "t.toml:1:3: error: expected ']' to close the table header")
        XCTAssertEqual(error("[[a]"), "t.toml:1:5: error: expected ']]' to close the array-of-tables header")
    }

    // MARK: comments, line ends, BOM, control characters

    func testCommentsCRLFAndBOM() throws {
        XCTAssertEqual(value("# only a comment\n\n   # indented\n[a] # after a header\nb = 1 # after a value\n#last"), "{a = {b = 1}}")
        let crlf = try TOMLParser.parse("a = 1\r\n[t]\r\nb = \"x\"\r\nc = '''\r\nl1\r\nl2'''\r\n", file: "t.toml")
        XCTAssertEqual(Self.render(.table(crlf)), #"{a = 1, t = {b = "x", c = "l1\r\nl2"}}"#)
        guard case .table(let t)? = crlf["t"]?.value else { return XCTFail() }
        XCTAssertEqual(t.entry("b")?.keyLocation.description, "t.toml:3:1")
        XCTAssertEqual(t.entry("c")?.node.location.description, "t.toml:4:5")
        let bom = try TOMLParser.parse("\u{FEFF}a = 1\nb = 2", file: "t.toml")
        XCTAssertEqual(bom.entry("a")?.keyLocation.description, "t.toml:1:1")
        XCTAssertEqual(bom.entry("b")?.keyLocation.description, "t.toml:2:1")
        XCTAssertEqual(error("\u{FEFF}a = 1 2"), "t.toml:1:7: error: expected the end of the line after the value, found '2'")
    }

    func testControlCharactersAreRefusedWherever() {
        func refused(_ code: String, _ at: String) -> String {
            "t.toml:\(at): error: the control character U+\(code) is not allowed in a rule file (only tab and line breaks are); inside a \"…\" string write it as \\u\(code)"
        }
        XCTAssertEqual(error("a = \"x\u{7F}\""), refused("007F", "1:7"))
        XCTAssertEqual(error("a = 1\n# a comment \u{1B} here"), refused("001B", "2:13"))
        XCTAssertEqual(error("a = 'x\u{0}'"), refused("0000", "1:7"))
        XCTAssertEqual(error("a = 1\rb = 2"), refused("000D", "1:6"))
        // Fixed: a control character followed by a combining mark is one Character and was let through.
        XCTAssertEqual(error("a = \"\u{1}\u{301}\""), refused("0001", "1:6"))
        XCTAssertEqual(value("a = \"\\u0001\""), #"{a = "\u{01}"}"#)
    }

    /// Every character of a string knows its place, through escapes, CRLF and multi-line strings.
    func testStringCharacterPositions() throws {
        let doc = try TOMLParser.parse("a = \"\\u00E9x\"\r\nb = \"\"\"\r\nl1 \\\r\n  y\"\"\"", file: "t.toml")
        guard case .string(let a)? = doc["a"]?.value, case .string(let b)? = doc["b"]?.value else { return XCTFail() }
        XCTAssertEqual(a.value, "éx")
        XCTAssertEqual(a.location(ofCharacterAt: 0).description, "t.toml:1:6")   // the escape
        XCTAssertEqual(a.location(ofCharacterAt: 1).description, "t.toml:1:12")  // x after \u00E9
        XCTAssertEqual(b.value, "l1 y")
        XCTAssertEqual(b.location(ofCharacterAt: 3).description, "t.toml:4:3")   // y after the line-ending backslash
    }
}
