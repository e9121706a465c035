import GridpayCore

/// Messages about a rule file as a file, before it is parsed (SPEC §15: both languages).
enum RuleFileMessages {
    static func tooLarge(_ path: String, limit: Int) -> String {
        bilingual(
            zh: "规则文件 \(path) 超过 \(limit / (1 << 20)) MB（\(limit) 字节），规则文件最多这么大（随附的规则文件只有几十 KB）：是否选错了文件？未读取",
            en: "the rule file \(path) is larger than \(limit / (1 << 20)) MB (\(limit) bytes), the most a rule file may be (the shipped ones are a few tens of KB): is it the right file? It was not read")
    }
}
