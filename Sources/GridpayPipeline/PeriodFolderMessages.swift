import GridpayCore

/// The month folders of a long period (SPEC §8), in both languages (SPEC §15).
enum PeriodFolderMessages {
    static func missingMonthFolder(_ month: String, of period: String, folder: String, kind: PeriodKind, months: [String]) -> String {
        bilingual(
            zh: "\(period) 的月份文件夹 \(month) 不存在（\(folder)）；\(kind.one)要读其全部 \(months.count) 个月（\(months.joined(separator: "、"))）",
            en: "the month folder \(month) of \(period) is missing (\(folder)); a \(kind.rawValue) is read from all "
                + "\(kind.monthsInWords) of its months (\(months.joined(separator: ", ")))")
    }
}
