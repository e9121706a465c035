import Foundation
import GridpayTestSupport
import XCTest

/// Issue 20 item 5: the libraries word no command name or option; what their messages advise
/// is said in the words of whoever asked (`CommandWords`: the command line's options, the
/// console's buttons). Only the command line (Sources/gridpay) spells its own.
final class CommandWordsTests: XCTestCase {
    /// Library files whose text may spell the command line, and why.
    static let spelledOnPurpose: [String: String] = [
        "GridpayPipeline/AcceptanceMessages.swift": "its texts are written into 说明: an output is the same bytes whoever asked for the run",
        "GridpayPipeline/ProblemSheet.swift": "数据问题's 问题 column: an output, the same bytes whoever asked for the run",
        "GridpayPipeline/MonthRunner.swift": "a 说明 line: an output, the same bytes whoever asked for the run",
        "GridpayConsole/ConsoleMessages.swift": "the messages of `gridpay user` and `gridpay serve` themselves (only those commands print them)",
        "GridpayConsole/ConsolePageMessages.swift": "the console's pages tell the office which server commands the system administrator runs (gridpay user, gridpay verify)",
        "GridpayConsole/Server/ConsoleTLS.swift": "the options of gridpay serve itself, named in its own start-up errors",
        "GridpayConsole/Rules/RuleOpenAPI.swift": "the API's description for developers: which command each route does as",
        "GridpayConsole/Routes/OpenAPIRoute.swift": "the API's description for developers: which command each route does as",
    ]

    /// The command line's own program and the developers' generator (gridpay-datagen).
    static func isCommandLine(_ path: String) -> Bool { path.hasPrefix("gridpay/") || path.hasPrefix("GridpayDatagen") }

    func testNoLibraryTextSpellsACommandOrAnOption() throws {
        let option = try NSRegularExpression(pattern: #"(?<![A-Za-z0-9_-])--[a-z][a-z-]+"#)
        let command = try NSRegularExpression(pattern: #"gridpay (run|close|verify|status|explain|rate|compare|check|serve|user)\b"#)
        let root = CatalogueSource.sourcesRoot
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var problems: [String] = [], spelling: Set<String> = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift"), !Self.isCommandLine(path) else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            for (n, line) in text.components(separatedBy: "\n").enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard code.contains("\""), !code.hasPrefix("//") else { continue }
                let range = NSRange(location: 0, length: (line as NSString).length)
                guard option.firstMatch(in: line, range: range) != nil || command.firstMatch(in: line, range: range) != nil else { continue }
                spelling.insert(path)
                if Self.spelledOnPurpose[path] == nil { problems.append("Sources/\(path):\(n + 1): \(code)") }
            }
        }
        XCTAssertTrue(problems.isEmpty, "library text naming a command or an option itself:\n" + problems.joined(separator: "\n")
            + "\nTo fix: take the caller's CommandWords (the request's `words`, or a `words:` parameter) and say `\\(w.accept)`, `\\(w.run)`, …")
        XCTAssertEqual(Set(Self.spelledOnPurpose.keys).subtracting(spelling).sorted(), [], "listed as spelling the command line, but none does: take it off the list")
    }
}
