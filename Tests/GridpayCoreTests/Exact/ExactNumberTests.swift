import XCTest
@testable import GridpayCore

final class ExactNumberTests: XCTestCase {
    func n(_ s: String) -> ExactNumber { ExactNumber(decimalText: s)! }

    func testParsesPlainDecimalsOnly() {
        XCTAssertEqual(n("12.50"), n("12.5"))
        XCTAssertEqual(n("-3").numerator, -3)
        XCTAssertEqual(n("0.25").denominator, 4)
        for bad in ["", "-", "1.", ".", "1e3", "1,000", "1.2.3", " 1", "abc", "+"] {
            XCTAssertNil(ExactNumber(decimalText: bad), bad)
        }
    }

    func testArithmeticIsExact() throws {
        // 0.1 + 0.2 is exactly 0.3 (it is not in binary floating point).
        XCTAssertEqual(try n("0.1").adding(n("0.2")), n("0.3"))
        // 600 minutes / 60 / 30 days = 1/3 hour per day, kept exact.
        let third = try n("600").divided(by: n("60")).divided(by: n("30"))
        XCTAssertEqual(third.numerator, 1)
        XCTAssertEqual(third.denominator, 3)
        XCTAssertEqual(try third.multiplied(by: n("3")), .one)
        XCTAssertThrowsError(try n("1").divided(by: .zero)) { XCTAssertEqual($0 as? ArithmeticError, .divisionByZero) }
    }

    func testRoundsHalfAwayFromZero() throws {
        XCTAssertEqual(try n("0.005").rounded(places: 2), n("0.01"))
        XCTAssertEqual(try n("0.00499").rounded(places: 2), n("0"))
        XCTAssertEqual(try n("2.345").rounded(places: 2), n("2.35"))
        XCTAssertEqual(try n("-2.345").rounded(places: 2), n("-2.35"))
        XCTAssertEqual(try n("-0.005").rounded(places: 2), n("-0.01"))
        XCTAssertEqual(try n("1234.5").rounded(places: 0), n("1235"))
        // 2/3 → 0.67, 1/3 → 0.33
        XCTAssertEqual(try ExactNumber(numerator: 2, denominator: 3).rounded(places: 2), n("0.67"))
        XCTAssertEqual(try ExactNumber(numerator: -1, denominator: 3).rounded(places: 2), n("-0.33"))
    }

    func testFormatting() throws {
        XCTAssertEqual(n("5.3").fixed(places: 2), "5.30")
        XCTAssertEqual(n("-1.2").fixed(places: 2), "-1.20")
        XCTAssertEqual(n("-0.004").fixed(places: 2), "0.00")
        XCTAssertEqual(n("640.16").description, "640.16")
        XCTAssertEqual((try ExactNumber(numerator: 1, denominator: 3)).description, "≈0.333333")
        XCTAssertEqual(n("100").description, "100")
    }

    func testOrderingAndFloorCeil() {
        XCTAssertLessThan(n("-20"), n("-15"))
        XCTAssertLessThan(n("0.333"), try! ExactNumber(numerator: 1, denominator: 3))
        XCTAssertEqual(n("-2.5").floored(), n("-3"))
        XCTAssertEqual(n("-2.5").ceiled(), n("-2"))
        XCTAssertEqual(n("2.5").floored(), n("2"))
    }

    func testOverflowIsAnErrorNotACrash() throws {
        let big = try ExactNumber(numerator: Int128(Int64.max / 2), denominator: 1)
        XCTAssertThrowsError(try big.multiplied(by: n("3"))) { XCTAssertEqual($0 as? ArithmeticError, .overflow) }
    }
}

final class ExactNumberDoubleTests: XCTestCase {
    /// Cells get the double nearest to the exact value, the one a spreadsheet shows as it.
    func testDoubleValueIsTheNearestDouble() throws {
        for cents in stride(from: -200_000, through: 2_000_000, by: 7) {
            let n = try ExactNumber(numerator: Int128(cents), denominator: 100)
            XCTAssertEqual(n.doubleValue, Double("\(n.fixed(places: 2))")!, "\(n)")
        }
        XCTAssertEqual(try ExactNumber(numerator: 1, denominator: 3).doubleValue, 1.0 / 3.0)
    }
}

final class CompactValueTests: XCTestCase {
    /// A province month keeps ~20 of these per worker: their size is a memory budget.
    func testValuesStayCompact() {
        XCTAssertEqual(MemoryLayout<ExactNumber>.size, 16)
        XCTAssertLessThanOrEqual(MemoryLayout<Value>.stride, 24)
    }

    func testResultsTooLargeForSixtyFourBitsAreOverflowErrors() throws {
        let big = ExactNumber(Int(Int64.max / 2))
        XCTAssertThrowsError(try big.multiplied(by: ExactNumber(4))) { XCTAssertEqual($0 as? ArithmeticError, .overflow) }
        XCTAssertThrowsError(try big.adding(big).adding(big)) { XCTAssertEqual($0 as? ArithmeticError, .overflow) }
        // Intermediate products may exceed 64 bits when the reduced result fits.
        let x = try ExactNumber(numerator: 3_000_000_000, denominator: 7)
        XCTAssertEqual(try x.multiplied(by: ExactNumber(numerator: 7, denominator: 3_000_000_000)), .one)
        XCTAssertNil(ExactNumber(decimalText: "123456789012345678901"))
    }
}
