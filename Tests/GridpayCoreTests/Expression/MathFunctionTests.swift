import XCTest
@testable import GridpayCore

/// The catalog's number functions (FunctionCatalog.math): min, max, abs, floor, ceil, round.
/// One worker, 基数 = 2.5; each value is worked out by hand in its comment.
final class MathFunctionTests: XCTestCase {
    func town(_ values: [String]) throws -> TinyTown {
        try TinyTown(values: values, roster: [("W1", "东", "G1", "2.5")])
    }

    func testMinAndMaxOfOneOrMoreNumbers() throws {
        let t = try town(["\"小\" = 'min(3, 基数, 7)'", "\"大\" = 'max(3, 基数, 7)'", "\"单\" = 'min(-1)'", "\"负\" = 'max(-4, -1.5)'"])
        XCTAssertEqual(try t.value("小", "W1"), "2.5")   // min(3, 2.5, 7) = 2.5
        XCTAssertEqual(try t.value("大", "W1"), "7")     // max(3, 2.5, 7) = 7
        XCTAssertEqual(try t.value("单", "W1"), "-1")    // the smallest of one number is itself
        XCTAssertEqual(try t.value("负", "W1"), "-1.5")  // -1.5 > -4
    }

    func testAbsFloorAndCeilOnBothSidesOfZero() throws {
        let t = try town(["\"a\" = 'abs(-基数)'", "\"f\" = 'floor(-基数)'", "\"c\" = 'ceil(-基数)'",
                          "\"f2\" = 'floor(基数)'", "\"c2\" = 'ceil(基数)'", "\"c3\" = 'ceil(2)'"])
        XCTAssertEqual(try t.value("a", "W1"), "2.5")   // |−2.5| = 2.5
        XCTAssertEqual(try t.value("f", "W1"), "-3")    // the largest whole number ≤ −2.5 is −3
        XCTAssertEqual(try t.value("c", "W1"), "-2")    // the smallest whole number ≥ −2.5 is −2
        XCTAssertEqual(try t.value("f2", "W1"), "2")
        XCTAssertEqual(try t.value("c2", "W1"), "3")
        XCTAssertEqual(try t.value("c3", "W1"), "2")    // a whole number stays
    }

    /// Half away from zero, exact: 2.345 is exactly representable, so it rounds up to 2.35.
    func testRoundIsHalfAwayFromZeroOnExactValues() throws {
        let t = try town(["\"r1\" = 'round(2.345, 2)'", "\"r2\" = 'round(-2.345, 2)'", "\"r3\" = 'round(基数, 0)'",
                          "\"r4\" = 'round(-基数, 0)'", "\"r5\" = 'round(1 / 3, 4)'", "\"r6\" = 'round(2 / 3, 0)'",
                          "\"r7\" = 'round(1 / 8, 6)'"])
        XCTAssertEqual(try t.value("r1", "W1"), "2.35")
        XCTAssertEqual(try t.value("r2", "W1"), "-2.35")
        XCTAssertEqual(try t.value("r3", "W1"), "3")     // 2.5 → 3
        XCTAssertEqual(try t.value("r4", "W1"), "-3")    // −2.5 → −3 (away from zero, not up)
        XCTAssertEqual(try t.value("r5", "W1"), "0.3333") // 0.33333… → 0.3333
        XCTAssertEqual(try t.value("r6", "W1"), "1")     // 0.666… → 1
        XCTAssertEqual(try t.value("r7", "W1"), "0.125") // already within 6 decimals
    }

    /// The checker's messages come from the catalog entries (arity text, argument types, places).
    func testArityTypesAndPlacesAreCheckedWhereWritten() {
        let cases: [(String, String)] = [
            ("min()", "min() takes one or more numbers, but was given 0 arguments"),
            ("abs(1, 2)", "abs() takes one number, but was given 2 arguments"),
            ("round(基数)", "round() takes a number and a count of decimals, e.g. round(x, 2), but was given 1 argument"),
            ("round(基数, 7)", "the decimals of round() must be a whole number 0 to 6 written in place"),
            ("round(基数, 基数)", "the decimals of round() must be a whole number 0 to 6 written in place"),
            ("floor(\"x\")", "argument 1 of floor() must be a number, but is text"),
            ("max(1, date(\"2026-10-01\"))", "argument 2 of max() must be a number, but is a date"),
            ("mni(1)", "unknown function 'mni'; did you mean 'min'?"),
        ]
        for (expr, message) in cases {
            let text = TinyTown.ruleFile(values: ["\"v\" = '\(expr)'"], rowColumns: "", items: "[[items]]\nname = \"项\"\nfull = 0", extra: "")
            guard case .failure(let f) = RuleLoader.load(text: text, file: TinyTown.file) else { XCTFail("\(expr) was accepted"); continue }
            XCTAssertEqual(f.diagnostics.map(\.message), [message], expr)
        }
    }
}
