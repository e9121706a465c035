import Foundation
import GridpayCore

/// swift-argument-parser words the headings of a help (OVERVIEW, USAGE, …), its built-in flags
/// and the defaults in English; in Chinese `Gridpay.main` prints the help through `translated(_:)`
/// (the commands' own words come from HelpMessages). English help is left as the parser writes it.
enum HelpHeadings {
    /// A command line the parser refuses: its "Error: …", usage and pointer to --help, and its
    /// commonest messages, in Chinese (the commands' own refusals come from CLIMessages).
    static func translatedError(_ text: String) -> String {
        guard Language.current == .zh else { return text }
        return replacing(text, [
            (#"^Error: "#, "错误："), (#"\nUsage: "#, "\n用法："), (#"See '([^']*)' for more information\."#, "更多信息：$1"),
            (#"Missing expected argument '([^']*)'"#, "缺少参数 $1"), (#"Unknown option '([^']*)'"#, "未知的选项 $1"),
            (#"Missing value for '([^']*)'"#, "选项 $1 缺少值"), (#"Unexpected argument '([^']*)'"#, "多余的参数 $1"),
            (#"The value '([^']*)' is invalid for '([^']*)': "#, "“$1”不能作为 $2 的值："),
            (#"The value '([^']*)' is invalid for '([^']*)'"#, "“$1”不能作为 $2 的值"),
        ])
    }

    static func translated(_ help: String) -> String {
        guard Language.current == .zh else { return help }
        let words: [(String, String)] = [
            ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("\nARGUMENTS:\n", "\n参数：\n"), ("\nOPTIONS:\n", "\n选项：\n"),
            ("\nSUBCOMMANDS:\n", "\n子命令：\n"), ("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本。"),
        ]
        let text = words.reduce(help) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        // "(default: Rules)", possibly wrapped after "default:"; "See 'gridpay help <subcommand>' …".
        let patterns: [(String, String)] = [
            (#" ?\(default: ([^()]*)\)"#, "（默认：$1）"),
            (#" ?\(default:(\n *)([^()]*)\)"#, "（默认：$1$2）"),
            (#"See '([^']*) <subcommand>' for detailed help\."#, "各子命令的详细帮助：$1 <子命令>"),
        ]
        return replacing(text, patterns)
    }

    private static func replacing(_ text: String, _ patterns: [(String, String)]) -> String {
        patterns.reduce(text) { text, p in
            let regex = try! NSRegularExpression(pattern: p.0)
            return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: p.1)
        }
    }
}
