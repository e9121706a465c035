/// What is wrong with a name that becomes part of a path (PlainName), in both languages (SPEC §15):
/// said after the thing it names ("the town …", "镇名…").
enum PlainNameMessages {
    static func empty() -> String {
        bilingual(zh: "为空", en: "is empty")
    }

    static func namesAFolder(_ name: String) -> String {
        bilingual(zh: "是“\(name)”，指的是文件夹而不是文件", en: "is '\(name)', which names a folder, not a file")
    }

    static func pathSeparator(_ shown: String) -> String {
        bilingual(zh: "“\(shown)”含有路径分隔符", en: "'\(shown)' contains a path separator")
    }

    static func controlCharacter(_ shown: String) -> String {
        bilingual(zh: "“\(shown)”含有控制字符", en: "'\(shown)' contains a control character")
    }

    static func invisibleCharacter(_ shown: String, code: String) -> String {
        bilingual(zh: "“\(shown)”含有看不见的字符 U+\(code)", en: "'\(shown)' contains the invisible character U+\(code)")
    }
}
