import Foundation
import GridpayCore

/// swift-argument-parser words the headings of a help (OVERVIEW, USAGE, …), its built-in flags
/// and the defaults in English; in Chinese `Gridpay.main` prints the help through `translated(_:)`
/// (the commands' own words come from HelpMessages). English help is left as the parser writes it.
enum HelpHeadings {
    static func translated(_ help: String) -> String {
        guard Language.current == .zh else { return help }
        let words: [(String, String)] = [
            ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("\nARGUMENTS:\n", "\n参数：\n"), ("\nOPTIONS:\n", "\n选项：\n"),
            ("\nSUBCOMMANDS:\n", "\n子命令：\n"), ("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本。"),
        ]
        var text = words.reduce(help) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        // "(default: Rules)", possibly wrapped after "default:"; "See 'gridpay help <subcommand>' …".
        let patterns: [(String, String)] = [
            (#" ?\(default: ([^()]*)\)"#, "（默认：$1）"),
            (#" ?\(default:(\n *)([^()]*)\)"#, "（默认：$1$2）"),
            (#"See '([^']*) <subcommand>' for detailed help\."#, "各子命令的详细帮助：$1 <子命令>"),
        ]
        for (pattern, template) in patterns {
            let regex = try! NSRegularExpression(pattern: pattern)
            text = regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        return text
    }
}
