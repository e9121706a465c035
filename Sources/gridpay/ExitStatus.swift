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
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }
            let text = fullMessage(for: error)
            if !text.isEmpty { FileHandle.standardError.write(Data((text + "\n").utf8)) }
            Foundation.exit(1)
        }
    }
}
