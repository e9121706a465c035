import Foundation
import GridpayTestSupport
import XCTest
@testable import GridpayCore

/// SPEC §15: Chinese unless English is asked for, and every message in both languages.
final class LanguageTests: XCTestCase {
    func testChineseUnlessEnglishIsAskedFor() {
        let cases: [([String: String], Language)] = [
            ([:], .zh),
            (["LANG": "C.UTF-8"], .zh),
            (["LANG": "zh_CN.UTF-8"], .zh),
            (["LANG": "en_US.UTF-8"], .en),
            (["GRIDPAY_LANG": "en"], .en),
            (["GRIDPAY_LANG": "EN"], .en),
            (["GRIDPAY_LANG": "zh", "LANG": "en_US.UTF-8"], .zh),
            (["GRIDPAY_LANG": "", "LANG": "en_GB.UTF-8"], .en),
            // The message locale is the first non-empty of LC_ALL, LC_MESSAGES, LANG.
            (["LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US.UTF-8"], .zh),
            (["LC_ALL": "", "LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"], .en),
            (["LC_MESSAGES": "", "LANG": "en"], .en),
            (["LC_ALL": "C", "LANG": "en_US.UTF-8"], .zh),
        ]
        for (environment, expected) in cases {
            XCTAssertEqual(Language.resolved(from: environment), expected, "\(environment)")
        }
    }

    func testBilingualWordsTheCurrentLanguageOnly() {
        var built: [String] = []
        func word(_ s: String) -> String { built.append(s); return s }
        XCTAssertEqual(Language.with(.zh) { bilingual(zh: word("行"), en: word("line")) }, "行")
        XCTAssertEqual(Language.with(.en) { bilingual(zh: word("行"), en: word("line")) }, "line")
        XCTAssertEqual(built, ["行", "line"])
        XCTAssertEqual(Language.current, .en, "the library's starting language is restored after each")
    }

    /// What a thread read, written before `finished` is signalled and read after.
    final class SeenOnAnotherThread: @unchecked Sendable {
        let finished = DispatchSemaphore(value: 0)
        var there = Language.zh, carried = Language.en
    }

    /// `Language.with` holds for its own thread (or task) only: another thread keeps the process's
    /// language, and a thread it starts asks for the language again (as the month's reading
    /// threads do, Language.with(caller)). The console serves many requests in one process.
    func testAskedLanguageHoldsForItsOwnThreadOnly() {
        XCTAssertEqual(Language.process, .en)
        let elsewhere = Language.with(.zh) { () -> (here: Language, there: Language, carried: Language) in
            let here = Language.current, caller = Language.current
            let seen = SeenOnAnotherThread()
            Thread {
                seen.there = Language.current
                seen.carried = Language.with(caller) { Language.current }
                seen.finished.signal()
            }.start()
            seen.finished.wait()
            return (here, seen.there, seen.carried)
        }
        XCTAssertEqual(elsewhere.here, .zh)
        XCTAssertEqual(elsewhere.there, .en, "another thread reads the process's language")
        XCTAssertEqual(elsewhere.carried, .zh)
        XCTAssertEqual(Language.process, .en, "never switched")
        XCTAssertEqual(Language.with(.zh) { Language.with(.en) { Language.current } }, .en, "the innermost holds")
    }

    /// The process's language is set once, by the executable at start-up: anything else asks for
    /// a language with `Language.with` (for its task or thread), so that no request of the console
    /// words another's messages in its language.
    func testOnlyTheExecutableSetsTheProcessLanguage() throws {
        var setters: [String] = []
        for path in try SourceSize.swiftFiles() {
            let text = try String(contentsOf: CatalogueSource.sourcesRoot.appendingPathComponent(path), encoding: .utf8)
            for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.range(of: #"Language\.current\s*=[^=]"#, options: .regularExpression) != nil {
                setters.append("Sources/\(path):\(k + 1)")
            }
        }
        XCTAssertEqual(setters.count, 1, "\(setters)")
        XCTAssertTrue(setters.first?.hasPrefix("Sources/gridpay/ExitStatus.swift:") == true, "\(setters)")
    }

    /// Catalogues still worded in one language only, each to be made bilingual (issue 21): the
    /// rule-file ones in English, the console's in Chinese (its pages' words, issue 23). A catalogue
    /// not listed here must be bilingual, so a new catalogue is bilingual from its first message.
    static let notYetBilingual: Set<String> = [
    ]

    static let instructions = """
        write each message as one call, `bilingual(zh: "…", en: "…")` (Sources/GridpayCore/Support/Language.swift): \
        the Chinese as a finance office writes it (行, 列, 第N行第M列 in prose; a position stays `path:line:col` \
        at the start of a line), the English as before; then give its fixture or test case both texts \
        (Tests run in English unless they select Chinese: Language.with(.zh) { … }, or GRIDPAY_LANG=zh for the binary)
        """

    /// Every message function of every catalogue (`Sources/**/…Messages.swift`) is a
    /// `bilingual(zh:en:)` whose Chinese has Chinese in it and differs from its English, and no
    /// catalogue words anything outside such a call (a helper's hint included).
    func testEveryCatalogueMessageIsInBothLanguages() throws {
        let catalogues = try CatalogueSource.all()
        XCTAssertGreaterThanOrEqual(catalogues.count, 5)
        let han = try NSRegularExpression(pattern: "\\p{Han}")
        let prose = try NSRegularExpression(pattern: #""[^"\n]*[a-z]{2,}[ ,;:]+[a-z]{2,}[^"\n]*""#)
        func has(_ r: NSRegularExpression, _ s: String) -> Bool {
            r.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
        }
        var problems: [String] = []
        for catalogue in catalogues where !Self.notYetBilingual.contains(catalogue.path) {
            for f in catalogue.functions {
                let place = "Sources/\(catalogue.path):\(f.line): \(f.name)"
                guard f.body.contains("bilingual("), let zh = f.zh, let en = f.en else {
                    problems.append("\(place): not in both languages")
                    continue
                }
                if !has(han, zh) { problems.append("\(place): its zh: text \"\(zh)\" has no Chinese in it") }
                if zh == en { problems.append("\(place): its zh: and en: texts are the same") }
            }
            let outside = catalogue.textOutsideBilingualCalls.components(separatedBy: "\n").enumerated()
                .filter { !$0.element.trimmingCharacters(in: .whitespaces).hasPrefix("//") && has(prose, $0.element) }
            for (n, line) in outside {
                problems.append("Sources/\(catalogue.path):\(n + 1): words outside bilingual(zh:en:): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        XCTAssertTrue(problems.isEmpty, "messages in one language only:\n" + problems.joined(separator: "\n") + "\nTo fix: " + Self.instructions)
        let known = Set(catalogues.map(\.path))
        XCTAssertEqual(Self.notYetBilingual.subtracting(known).sorted(), [], "listed as not yet bilingual, but no such catalogue")
    }
}
