import XCTest
@testable import GridpayCore

/// SPEC §15 "did you mean": every candidate at the smallest distance when at most three, none when
/// more; a swap of two neighbouring characters and a doubled or dropped digit are one edit each.
/// The cases are worked by hand over the roster QH0001 … QH0020.
final class SuggestionTests: XCTestCase {
    static let roster = (1...20).map { String(format: "QH%04d", $0) }

    func testEveryEquallyCloseIdUpToThree() {
        // QH00018 is one deletion from QH0018 (a doubled 0), QH0008 (drop 1) and QH0001 (drop 8);
        // every other id of the roster needs two edits or more.
        XCTAssertEqual(Suggestion.nearest(to: "QH00018", among: Self.roster), ["QH0001", "QH0008", "QH0018"])
        // QH0081: QH0018 by swapping 8 and 1; QH0001 and QH0011 by changing the 8.
        XCTAssertEqual(Suggestion.nearest(to: "QH0081", among: Self.roster), ["QH0001", "QH0011", "QH0018"])
        // QH0030: QH0003 by a swap, QH0010 and QH0020 by changing the 3.
        XCTAssertEqual(Suggestion.nearest(to: "QH0030", among: Self.roster), ["QH0003", "QH0010", "QH0020"])
        // QH0O18 (a letter O): only QH0018 is one edit away.
        XCTAssertEqual(Suggestion.nearest(to: "QH0O18", among: Self.roster), ["QH0018"])
        // A closer candidate wins over farther ones: QH00188 is one edit from nothing, two from QH0018 …
        XCTAssertEqual(Suggestion.nearest(to: "QH0018", among: Self.roster + ["QH00188"]), ["QH0018"])
    }

    func testMoreThanThreeEquallyCloseGiveNone() {
        // QH0000: QH0001 … QH0009, QH0010 and QH0020 are all one edit away: eleven, so none.
        XCTAssertEqual(Suggestion.nearest(to: "QH0000", among: Self.roster), [])
        XCTAssertEqual(Suggestion.didYouMean("QH0000", among: Self.roster), "")
        XCTAssertNil(Suggestion.closest(to: "QH00018", among: Self.roster), "three equally close: no single one")
        XCTAssertEqual(Suggestion.nearest(to: "ZZ9999", among: Self.roster), [], "nothing near")
    }

    func testTheWordingInBothLanguages() {
        Language.with(.en) {
            XCTAssertEqual(Suggestion.didYouMean("QH00018", among: Self.roster), "; did you mean 'QH0001', 'QH0008' or 'QH0018'?")
            XCTAssertEqual(Suggestion.didYouMean("QH0030", among: Array(Self.roster.prefix(10))), "; did you mean 'QH0003' or 'QH0010'?")
            XCTAssertEqual(Suggestion.didYouMean("QH0O18", among: Self.roster), "; did you mean 'QH0018'?")
        }
        Language.with(.zh) {
            XCTAssertEqual(Suggestion.didYouMean("QH00018", among: Self.roster), "；是否应为“QH0001”、“QH0008”或“QH0018”？")
            XCTAssertEqual(Suggestion.didYouMean("QH0030", among: Array(Self.roster.prefix(10))), "；是否应为“QH0003”或“QH0010”？")
            XCTAssertEqual(Suggestion.didYouMean("QH0O18", among: Self.roster), "；是否应为“QH0018”？")
        }
    }
}
