import XCTest
@testable import GridpayCore

/// 人民币大写 against amounts written out by hand by the rules of 《正确填写票据和结算凭证的基本
/// 规定》 (see ChineseAmount), then every amount of a range and a sample up to 10^12 − 0.01 read
/// back by an independent reader.
final class ChineseAmountTests: XCTestCase {
    func words(_ text: String) throws -> String { try ChineseAmount.words(ExactNumber(decimalText: text)!) }

    func testAmountsWorkedOutByHand() throws {
        let table: [(String, String)] = [
            // Zero, and amounts below one yuan: no 零 in front of the first digit.
            ("0", "零元整"), ("0.00", "零元整"), ("0.01", "壹分"), ("0.05", "伍分"), ("0.10", "壹角"), ("0.15", "壹角伍分"),
            // 整 after 元; none after 角 (as the rule's 1,409.50); 零 where 角 is 0 and 分 is not.
            ("1", "壹元整"), ("1.05", "壹元零伍分"), ("1.50", "壹元伍角"), ("20.3", "贰拾元零叁角"),
            // 拾 always with its digit.
            ("10.00", "壹拾元整"), ("11", "壹拾壹元整"), ("100", "壹佰元整"), ("110", "壹佰壹拾元整"),
            // Zeros between digits: one 零 for a run.
            ("101", "壹佰零壹元整"), ("1001", "壹仟零壹元整"), ("1010", "壹仟零壹拾元整"),
            // The rule's own examples.
            ("1409.50", "壹仟肆佰零玖元伍角"), ("6007.14", "陆仟零柒元壹角肆分"), ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
            ("107000.53", "壹拾万柒仟元零伍角叁分"), ("16409.02", "壹万陆仟肆佰零玖元零贰分"), ("325.04", "叁佰贰拾伍元零肆分"),
            ("12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分"),
            // Across 万: a group starting below its 千 after higher digits takes 零.
            ("10000", "壹万元整"), ("10001", "壹万零壹元整"), ("10010", "壹万零壹拾元整"), ("100000.10", "壹拾万元零壹角"),
            ("100001", "壹拾万零壹元整"), ("1000000", "壹佰万元整"), ("1007000", "壹佰万柒仟元整"), ("20000500", "贰仟万零伍佰元整"),
            // Across 亿: a skipped 万 group is a run of zeros between digits.
            ("100000000", "壹亿元整"), ("100000001", "壹亿零壹元整"), ("100001000", "壹亿零壹仟元整"),
            ("100010000", "壹亿零壹万元整"), ("101000000", "壹亿零壹佰万元整"), ("110000000", "壹亿壹仟万元整"),
            ("1000000000.01", "壹拾亿元零壹分"), ("10000000000", "壹佰亿元整"), ("500000000000", "伍仟亿元整"),
            ("1234567890.12", "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元零壹角贰分"),
            ("100200300400.05", "壹仟零贰亿零叁拾万零肆佰元零伍分"),
            ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        ]
        for (amount, expected) in table {
            XCTAssertEqual(try words(amount), expected, amount)
        }
    }

    func testRefusesWhatCannotBeWritten() {
        let refused: [(String, ChineseAmount.Refusal)] = [
            ("-0.01", .negative), ("-100", .negative), ("0.005", .finerThanFen), ("1000000000000", .tooLarge),
            ("99999999999999", .tooLarge),
        ]
        for (amount, why) in refused {
            XCTAssertThrowsError(try words(amount), amount) { XCTAssertEqual($0 as? ChineseAmount.Refusal, why, amount) }
        }
        XCTAssertThrowsError(try ChineseAmount.words(try ExactNumber(numerator: 1, denominator: 3))) {
            XCTAssertEqual($0 as? ChineseAmount.Refusal, .finerThanFen)
        }
    }

    /// Every amount from 0.00 to 500.00, and 50,000 amounts spread up to 10^12 − 0.01 (digits
    /// drawn so that runs of zeros are common), read back to the same number of 分 and written
    /// in the rule's shape: never two 零 together, no 零 first (but in 零元整) or last.
    func testEveryAmountReadsBack() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var amounts = Array(Int64(0)...50_000)
        for _ in 0..<50_000 {
            var fen: Int64 = 0
            for _ in 0..<14 { fen = fen * 10 + (next() % 3 == 0 ? Int64(next() % 10) : 0) }
            amounts.append(fen)
        }
        amounts.append(99_999_999_999_999)
        for fen in amounts {
            let text = try ChineseAmount.words(ExactNumber(numerator: Int128(fen), denominator: 100))
            XCTAssertEqual(Self.readBack(text), fen, text)
            XCTAssertFalse(text.contains("零零"), text)
            if fen != 0 { XCTAssertFalse(text.hasPrefix("零"), text) }
            XCTAssertFalse(text.hasSuffix("零"), text)
            XCTAssertEqual(text.hasSuffix("整"), fen % 100 == 0, text)
        }
    }

    /// Reads capital numerals back into 分, independently of how they were written.
    static func readBack(_ text: String) -> Int64? {
        let digits = Array("零壹贰叁肆伍陆柒捌玖")
        var total: Int64 = 0, section: Int64 = 0, group: Int64 = 0, digit: Int64 = 0
        for c in text {
            if let d = digits.firstIndex(of: c) { digit = Int64(d); continue }
            switch c {
            case "拾": group += digit * 10
            case "佰": group += digit * 100
            case "仟": group += digit * 1_000
            case "万": section += (group + digit) * 10_000; group = 0
            case "亿": total += (section + group + digit) * 100_000_000; section = 0; group = 0
            case "元": total += section + group + digit; total *= 100; section = 0; group = 0
            case "角": total += digit * 10
            case "分": total += digit
            case "整": break
            default: return nil
            }
            digit = 0
        }
        return total
    }
}
