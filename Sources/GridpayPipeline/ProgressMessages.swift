import GridpayCore

/// The progress line a command shows on a terminal while it works (RunReporter), each in both
/// languages (SPEC §15).
public enum ProgressMessages {
    public static func readingRows(_ file: String, rows: Int, perSecond: Int) -> String {
        bilingual(zh: "正在读取 \(file)：已读 \(rows) 行（每秒 \(perSecond) 行）", en: "reading \(file): \(rows) rows read (\(perSecond) rows/s)")
    }

    static func scoring(_ workers: Int) -> String {
        bilingual(zh: "正在计算 \(workers) 名网格员的得分", en: "scoring \(workers) workers")
    }

    static func writingWorkbook() -> String {
        bilingual(zh: "正在写出工作簿", en: "writing the workbook")
    }

    static func readingPeriod(_ period: String) -> String {
        bilingual(zh: "正在读取 \(period)", en: "reading \(period)")
    }

    static func writingRating() -> String {
        bilingual(zh: "正在写出评定", en: "writing the rating")
    }
}
