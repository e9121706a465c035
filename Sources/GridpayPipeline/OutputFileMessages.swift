import GridpayCore

/// An output gridpay could not write, in both languages (SPEC §15).
enum OutputFileMessages {
    static func cannotWrite(_ path: String) -> String {
        bilingual(zh: "无法写入 \(path)", en: "cannot write \(path)")
    }
}
