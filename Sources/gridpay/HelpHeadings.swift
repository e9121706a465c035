import Foundation
import GridpayCore

/// swift-argument-parser words the headings of a help (OVERVIEW, USAGE, …), its built-in flags,
/// the defaults and its refusals of a command line in English; in Chinese `Gridpay.main` prints
/// them through `translated(_:)` and `translatedError(_:)`, which put ParserWordMessages' Chinese
/// in place of the parser's English (the commands' own words come from HelpMessages and
/// CLIMessages). English is left as the parser writes it.
enum HelpHeadings {
    typealias M = ParserWordMessages

    /// A command line the parser refuses: its "Error: …", usage, help line and pointer to --help,
    /// and its messages. The patterns are the parser's English (ErrorMessageGenerator), longest first.
    static func translatedError(_ text: String) -> String {
        guard Language.current == .zh else { return text }
        return replacing(text, [
            (#"^Error: "#, M.error()), (#"\nUsage: "#, "\n" + M.usage()), (#"\nHelp:  "#, "\n" + M.help()),
            (#"See '([^']*)' for more information\."#, M.seeForMore("$1")),
            (#"Missing expected argument '([^']*)'"#, M.missingArgument("$1")), (#"Missing one of: '([^\n]*)'"#, M.missingOneOf("$1")),
            (#"Missing required subcommand\."#, M.missingSubcommand()),
            (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, M.unknownOption("$1") + M.didYouMean("$2")),
            (#"Unknown option '([^']*)'"#, M.unknownOption("$1")), (#"Invalid option: (\S*)"#, M.invalidOption("$1")),
            (#"Missing value for '([^']*)'"#, M.missingValue("$1")),
            (#"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#, M.takesNoValue("$1", "$2")),
            (#"Unexpected argument '([^']*)'"#, M.unexpectedArgument("$1")),
            (#"([0-9]+) unexpected arguments: '([^\n]*)'"#, M.unexpectedArguments("$1", "$2")),
            (#"The value '([^']*)' is invalid for '([^']*)': "#, M.invalidValueBecause("$1", "$2")),
            (#"The value '([^']*)' is invalid for '([^']*)'"#, M.invalidValueFor("$1", "$2")),
            (#"The value '([^']*)' is invalid\."#, M.invalidValue("$1")),
            (#"\. Please provide one of the following:\n"#, M.provideOneOf()),
        ])
    }

    static func translated(_ help: String) -> String {
        guard Language.current == .zh else { return help }
        let words: [(String, String)] = [
            ("OVERVIEW: ", M.overview()), ("USAGE: ", M.usageHeading()), ("\nARGUMENTS:\n", M.argumentsHeading()),
            ("\nOPTIONS:\n", M.optionsHeading()), ("\nSUBCOMMANDS:\n", M.subcommandsHeading()),
            ("Show help information.", M.showHelp()), ("Show the version.", M.showVersion()),
        ]
        let text = words.reduce(help) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        // "(default: Rules)", possibly wrapped after "default:"; "See 'gridpay help <subcommand>' …".
        let patterns: [(String, String)] = [
            (#" ?\(default: ([^()]*)\)"#, M.byDefault("", "$1")),
            (#" ?\(default:(\n *)([^()]*)\)"#, M.byDefault("$1", "$2")),
            (#"See '([^']*) <subcommand>' for detailed help\."#, M.seeSubcommandHelp("$1")),
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
