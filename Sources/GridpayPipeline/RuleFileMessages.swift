import GridpayCore

/// Messages about a rule file as a file, before it is parsed (SPEC §15: both languages).
enum RuleFileMessages {
    static func tooLarge(_ path: String, limit: Int) -> String {
        bilingual(
            zh: "规则文件 \(path) 超过 \(limit / (1 << 20)) MB（\(limit) 字节），规则文件最多这么大（随附的规则文件只有几十 KB）：是否选错了文件？未读取",
            en: "the rule file \(path) is larger than \(limit / (1 << 20)) MB (\(limit) bytes), the most a rule file may be (the shipped ones are a few tens of KB): is it the right file? It was not read")
    }

    static func townNotPlain(_ why: String) -> String {
        bilingual(
            zh: "镇名\(why)；应为一个简单的名称，例如 qinghe（它是 Rules/<镇>.toml 和 Input/<镇>/ 的名字）",
            en: "the town \(why); expected a plain name such as qinghe (it names Rules/<town>.toml and Input/<town>/)")
    }

    static func twoVersionsInOneMonth(_ from: String, _ first: String, _ second: String) -> String {
        bilingual(zh: "有两个规则版本都自 \(from) 起施行：\(first) 和 \(second)", en: "two rule versions take effect in \(from): \(first) and \(second)")
    }

    static func noVersionInFolder(_ folder: String, town: String) -> String {
        bilingual(
            zh: "文件夹 \(folder) 中没有镇（街道）“\(town)”的规则版本（<名称>.toml）",
            en: "the folder \(folder) holds no rule version (<name>.toml) of town '\(town)'")
    }

    /// `didYouMean`: Suggestion.didYouMean's tail (empty, or "; did you mean …?").
    static func noRuleFile(_ town: String, file: String, folder: String, didYouMean: String) -> String {
        bilingual(
            zh: "没有镇（街道）“\(town)”的规则文件：应为 \(file) 或文件夹 \(folder)/\(didYouMean)",
            en: "no rule file for town '\(town)': expected \(file) or a folder \(folder)/\(didYouMean)")
    }

    /// One version in the list of notInForce.
    static func versionTakesEffect(_ file: String, version: String, from: String) -> String {
        bilingual(zh: "\(file)（版本 \(version)）自 \(from) 起施行", en: "\(file) (version \(version)) takes effect from \(from)")
    }

    static func notInForce(_ town: String, period: String, versions: [String], earliest: String) -> String {
        bilingual(
            zh: "\(town) 没有对 \(period) 施行的规则版本：\(versions.joined(separator: "；"))（[rules] effective_from）；"
                + "\(earliest) 以前的期间需要一个对其施行的规则版本",
            en: "no rule version of \(town) is in force for \(period): \(versions.joined(separator: "; ")) ([rules] effective_from); "
                + "a period before \(earliest) needs a rule version in force for it")
    }

    /// `reason`: the system's (SystemError), e.g. no such file where the path given is wrong.
    static func cannotRead(_ path: String, reason: String) -> String {
        bilingual(zh: "无法读取规则文件 \(path)：\(reason)", en: "cannot read the rule file \(path): \(reason)")
    }

    static func notUTF8(byte: String) -> String {
        bilingual(
            zh: "规则文件不是 UTF-8 文字：此处的字节 0x\(byte) 不是 UTF-8 字符的开头（是否存成了 GBK/GB18030？）；请另存为 UTF-8",
            en: "the rule file is not UTF-8 text: byte 0x\(byte) here does not begin a UTF-8 character (was it saved as GBK/GB18030?); save it as UTF-8")
    }

    static func cannotHash(_ path: String, _ reason: String) -> String {
        bilingual(zh: "无法计算规则文件 \(path) 的哈希值：\(reason)", en: "cannot hash the rule file \(path): \(reason)")
    }
}
