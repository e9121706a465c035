import ArgumentParser
import Foundation
import GridpayCore

extension Gridpay {
    /// SPEC §7: every command exits 0 on success and 1 with every problem printed. The parser's
    /// own errors (a malformed period, an unknown option, a missing argument) keep its message and
    /// usage text but end with 1, not with swift-argument-parser's 64 (EX_USAGE); --help and
    /// --version still exit 0. The language is resolved once, first, so that help and every
    /// message are worded in it (SPEC §15).
    static func main() {
        Language.current = Language.resolved(from: ProcessInfo.processInfo.environment)
        // gridpay has no short options but -h: `close -qinghe 2026-08` would otherwise be read as
        // the flags -q -i -n -g -h -e, print the help and exit 0.
        if let bad = CommandLine.arguments.dropFirst().prefix(while: { $0 != "--" }).first(where: { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0 != "-h" && $0.count > 1 }) {
            FileHandle.standardError.write(Data((Diagnostic(.error, ArgumentMessages.leadingDash(bad), at: nil).description + "\n").utf8))
            Foundation.exit(1)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // --help (and --version): the parser's words, headings in Chinese unless English is asked for.
            guard exitCode(for: error) != .success else {
                print(HelpHeadings.translated(fullMessage(for: error)))
                Foundation.exit(0)
            }
            let text = HelpHeadings.translatedError(fullMessage(for: error))
            if !text.isEmpty { FileHandle.standardError.write(Data((text + "\n").utf8)) }
            Foundation.exit(1)
        }
    }
}
