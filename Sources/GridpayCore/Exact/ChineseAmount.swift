/// An amount of yuan in Chinese capital numerals (人民币大写), as a bank voucher or a signed pay
/// sheet carries it: 12,345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分.
///
/// Written by the rules of the People's Bank of China, 《正确填写票据和结算凭证的基本规定》
/// (annex to 《支付结算办法》, 银发〔1997〕393号):
/// - (三) an amount ending at 元 is followed by 整; after 角 整 may be left out, and is here
///   (the rule's own example: 1,409.50 → 壹仟肆佰零玖元伍角); after 分 never.
/// - (五)1, 2: zeros between digits are written 零, a run of zeros as one 零
///   (6,007.14 → 陆仟零柒元壹角肆分).
/// - (五)3: when the 万 or 元 digit is 0 (alone or ending a run of zeros) and the 千 or 角 digit
///   is not, the 零 may be written or not. This takes the rule's first form each time:
///   no 零 between 万 and 千 (107,000.53 → 壹拾万柒仟元零伍角叁分), 零 between 元 and 角
///   (1,680.32 → 壹仟陆佰捌拾元零叁角贰分). A group of four zeros that is skipped (its unit 万
///   is not written) is a run of zeros between digits and gets its 零 (100,001,000 → 壹亿零壹仟元).
/// - (五)4: when the 角 digit is 0 and the 分 digit is not, 元 is followed by 零
///   (16,409.02 → 壹万陆仟肆佰零玖元零贰分).
/// - Zeros in front of the first digit are not between digits: 0.05 is 伍分, not 零元伍分.
///   Only zero itself is 零元整.
/// - 拾 always has its digit: 10.00 → 壹拾元整 (a bare 拾 could be altered to 贰拾).
///
/// The words start with the highest digit; the caller puts "人民币" in front (规定 (四)).
/// A negative amount is refused, not written with 负: no voucher carries a negative amount, and a
/// pay sheet whose total is negative needs a person, not words.
public enum ChineseAmount {
    public enum Refusal: Error, Equatable, Sendable {
        /// Below zero.
        case negative
        /// More than two decimals (分 is the smallest unit written).
        case finerThanFen
        /// 10^12 yuan or more (the highest unit written is 仟亿).
        case tooLarge
    }

    static let numerals = Array("零壹贰叁肆伍陆柒捌玖")
    /// Units of the four places of a group, highest first.
    static let places = ["仟", "佰", "拾", ""]
    /// Groups of four digits, highest first.
    static let groups: [(size: Int64, unit: String)] = [(100_000_000, "亿"), (10_000, "万"), (1, "")]

    /// The amount in capital numerals, or why it cannot be written.
    public static func words(_ amount: ExactNumber) throws(Refusal) -> String {
        let fen = try self.fen(amount)
        let yuan = fen / 100, jiao = Int(fen / 10 % 10), cents = Int(fen % 10)
        if fen == 0 { return "零元整" }
        var out = yuan > 0 ? integerWords(yuan) + "元" : ""
        if jiao == 0 && cents == 0 { return out + "整" }
        // 规定 (五)3 (元 digit 0, 角 not: the form with 零) and (五)4 (角 digit 0, 分 not).
        if yuan > 0 && (yuan % 10 == 0 || jiao == 0) { out += "零" }
        if jiao > 0 { out += "\(numerals[jiao])角" }
        if cents > 0 { out += "\(numerals[cents])分" }
        return out
    }

    /// The amount in 分, checked to be writable.
    static func fen(_ amount: ExactNumber) throws(Refusal) -> Int64 {
        guard !amount.isNegative else { throw .negative }
        guard amount.hasAtMostDecimalPlaces(2) else { throw .finerThanFen }
        // Two decimals at most: the reduced denominator divides 100.
        let fen = amount.numerator * (100 / amount.denominator)
        guard fen < 100_000_000_000_000, let small = Int64(exactly: fen) else { throw .tooLarge }
        return small
    }

    /// A whole number of yuan above zero, below 10^12, without the 元.
    static func integerWords(_ yuan: Int64) -> String {
        var out = ""
        var started = false
        var zeroPending = false
        for (size, unit) in groups {
            let group = Int(yuan / size % 10_000)
            // A skipped group, or a group starting below its 千 after higher digits: zeros between digits.
            if started && group < 1_000 { zeroPending = true }
            if group == 0 { continue }
            var divisor = 1_000
            for place in places {
                let digit = group / divisor % 10
                divisor /= 10
                if digit == 0 {
                    if started { zeroPending = true }
                    continue
                }
                if zeroPending { out += "零" }
                zeroPending = false
                out += "\(numerals[digit])\(place)"
                started = true
            }
            out += unit
            // Trailing zeros of a group end at its unit: the next group says whether a 零 follows.
            zeroPending = false
        }
        return out
    }
}
