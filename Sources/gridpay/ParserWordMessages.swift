import GridpayCore

/// swift-argument-parser's own words in a help or a refused command line, in both languages
/// (SPEC §15). Its English is the parser's, word for word (HelpHeadings matches it there and puts
/// the Chinese in its place); `$1`, `$2` stand for what the parser named (an option, a value).
enum ParserWordMessages {
    // MARK: a refused command line
    static func error() -> String { bilingual(zh: "错误：", en: "Error: ") }
    static func usage() -> String { bilingual(zh: "用法：", en: "Usage: ") }
    static func help() -> String { bilingual(zh: "帮助：", en: "Help:  ") }

    static func seeForMore(_ command: String) -> String {
        bilingual(zh: "更多信息：\(command)", en: "See '\(command)' for more information.")
    }

    static func missingArgument(_ argument: String) -> String {
        bilingual(zh: "缺少参数 \(argument)", en: "Missing expected argument '\(argument)'")
    }

    static func missingOneOf(_ arguments: String) -> String {
        bilingual(zh: "缺少以下参数之一：\(arguments)", en: "Missing one of: '\(arguments)'")
    }

    static func missingSubcommand() -> String {
        bilingual(zh: "缺少子命令。", en: "Missing required subcommand.")
    }

    static func unknownOption(_ option: String) -> String {
        bilingual(zh: "未知的选项 \(option)", en: "Unknown option '\(option)'")
    }

    /// After unknownOption.
    static func didYouMean(_ option: String) -> String {
        bilingual(zh: "；是否应为 \(option)？", en: ". Did you mean '\(option)'?")
    }

    static func invalidOption(_ option: String) -> String {
        bilingual(zh: "无效的选项：\(option)", en: "Invalid option: \(option)")
    }

    static func missingValue(_ option: String) -> String {
        bilingual(zh: "选项 \(option) 缺少值", en: "Missing value for '\(option)'")
    }

    static func takesNoValue(_ option: String, _ value: String) -> String {
        bilingual(zh: "选项 \(option) 不带值，却给了“\(value)”。", en: "The option '\(option)' does not take any value, but '\(value)' was specified.")
    }

    static func unexpectedArgument(_ argument: String) -> String {
        bilingual(zh: "多余的参数 \(argument)", en: "Unexpected argument '\(argument)'")
    }

    /// `arguments`: the parser's list, "a', 'b".
    static func unexpectedArguments(_ count: String, _ arguments: String) -> String {
        bilingual(zh: "\(count) 个多余的参数：'\(arguments)'", en: "\(count) unexpected arguments: '\(arguments)'")
    }

    static func invalidValueFor(_ value: String, _ option: String) -> String {
        bilingual(zh: "“\(value)”不能作为 \(option) 的值", en: "The value '\(value)' is invalid for '\(option)'")
    }

    /// invalidValueFor, then why (a command's own ValidationError, from CLIMessages).
    static func invalidValueBecause(_ value: String, _ option: String) -> String {
        bilingual(zh: "“\(value)”不能作为 \(option) 的值：", en: "The value '\(value)' is invalid for '\(option)': ")
    }

    static func invalidValue(_ value: String) -> String {
        bilingual(zh: "“\(value)”不是有效的值。", en: "The value '\(value)' is invalid.")
    }

    /// Before the list of a choice's values, one per line.
    static func provideOneOf() -> String {
        bilingual(zh: "。请给出以下之一：\n", en: ". Please provide one of the following:\n")
    }

    // MARK: a help
    static func overview() -> String { bilingual(zh: "概述：", en: "OVERVIEW: ") }
    static func usageHeading() -> String { bilingual(zh: "用法：", en: "USAGE: ") }
    static func argumentsHeading() -> String { bilingual(zh: "\n参数：\n", en: "\nARGUMENTS:\n") }
    static func optionsHeading() -> String { bilingual(zh: "\n选项：\n", en: "\nOPTIONS:\n") }
    static func subcommandsHeading() -> String { bilingual(zh: "\n子命令：\n", en: "\nSUBCOMMANDS:\n") }
    static func showHelp() -> String { bilingual(zh: "显示帮助信息。", en: "Show help information.") }
    static func showVersion() -> String { bilingual(zh: "显示版本。", en: "Show the version.") }

    /// `wrap`: the line break and indent the parser put after "default:", if any.
    static func byDefault(_ wrap: String, _ value: String) -> String {
        bilingual(zh: "（默认：\(wrap)\(value)）", en: " (default:\(wrap.isEmpty ? " " : wrap)\(value))")
    }

    static func seeSubcommandHelp(_ command: String) -> String {
        bilingual(zh: "各子命令的详细帮助：\(command) <子命令>", en: "See '\(command) <subcommand>' for detailed help.")
    }
}
