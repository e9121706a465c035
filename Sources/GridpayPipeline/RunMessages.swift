import GridpayCore

/// What a run says about its period as a whole (its folders, its files, the rows accepted and
/// its outcome), one function per kind, each in both languages (SPEC §15) and naming who acts.
public enum RunMessages {
    // MARK: the period's folders

    static func wrongTown(_ ruleFile: String, town: String, asked: String) -> String {
        bilingual(
            zh: "\(ruleFile) 是“\(town)”的规则文件，不是“\(asked)”的",
            en: "\(ruleFile) is the rule file of town '\(town)', not '\(asked)'")
    }

    static func noInputFolder(_ town: String, _ period: String, folder: String) -> String {
        bilingual(
            zh: "\(town) \(period) 没有输入：文件夹 \(folder) 不存在；请把本期的导出文件放进这个文件夹",
            en: "no inputs for \(town) \(period): the folder \(folder) does not exist")
    }

    /// One cause, one message (SPEC §15): every month folder a long period lacks, named once.
    /// `months`: the missing ones (YYYY-MM), in order; `townFolder`: where they belong.
    static func monthFoldersMissing(_ town: String, _ period: String, months: [String], townFolder: String, kind: PeriodKind) -> String {
        let one = months.count == 1
        return bilingual(
            zh: "\(town) \(period) 没有输入：\(townFolder) 中缺少\(one ? "月份文件夹 \(months[0])" : " \(months.count) 个月份文件夹（\(months.joined(separator: "、"))）")；"
                + "\(kind.one)要读其全部 \(CalendarPeriod.length(of: kind)) 个月的文件夹，请制表人员把缺少月份的导出文件放进对应的月份文件夹。没有写出任何文件",
            en: "no inputs for \(town) \(period): \(one ? "the month folder \(months[0]) is" : "\(months.count) month folders (\(months.joined(separator: ", "))) are") missing from \(townFolder); "
                + "a \(kind.rawValue) is read from all \(kind.monthsInWords) of its months: the clerk puts each missing month's exports in its month folder. Nothing was written")
    }

    static func unreadableFolder(_ folder: String, reason: String) -> String {
        bilingual(
            zh: "无法读取文件夹 \(folder)：\(reason)；列不出本月的导出文件，请系统管理员检查权限",
            en: "cannot read the folder \(folder): \(reason); the month's exports cannot be listed")
    }

    static func historyIncomplete(_ why: String) -> String {
        bilingual(zh: "往期数据不全：\(why)", en: "history incomplete: \(why)")
    }

    // MARK: accepted rows and the outcome

    static func acceptMatchesNothing(_ row: String, suggestion: String, words w: CommandWords) -> String {
        bilingual(
            zh: "\(w.accept) \(row) 没有对应任何可以接受的问题行\(suggestion)",
            en: "\(w.accept) \(row) matches no row with a problem that can be accepted\(suggestion)")
    }

    /// SPEC §15: a row of a worker missing from the roster because a roster row is wrong is not
    /// left out: the roster is corrected (leaving it out would drop the worker's month).
    static func rowOfRosterErrorNotAcceptable(_ row: String, id: String, roster: String, rosterLine: Int, words w: CommandWords) -> String {
        bilingual(
            zh: "\(w.accept) \(row) 不能接受：这一行的“\(id)”不在花名册上，是因为花名册 \(roster) 第 \(rosterLine) 行有误（见上面的说明），剔除它会少算这位网格员本月的记录；请制表人员改正花名册后重新运行",
            en: "\(w.accept) \(row) cannot be accepted: '\(id)' of this row is not on the roster because line \(rosterLine) of the roster \(roster) is wrong (said above), and leaving the row out would drop this worker's records of the month; the clerk corrects the roster and runs again")
    }

    /// SPEC §15: accepting a roster row would drop the worker from every sheet.
    public static func rosterRowNotAcceptable(_ row: String, roster: String, words w: CommandWords) -> String {
        bilingual(
            zh: "\(w.accept) \(row) 不能接受：这是花名册（\(roster)）的一行，接受它会让这位网格员从考核表、绩效工资表和工资 CSV 中消失，少发一个人的钱；请改正这一行后重新运行（花名册由制表人员按人事名单改正）",
            en: "\(w.accept) \(row) cannot be accepted: it is a row of the roster (\(roster)), and accepting it would drop the worker from the score sheet, the pay sheet and the pay CSV; correct the row and run again")
    }

    static func runRefused(_ count: Int, town: String, period: String) -> String {
        bilingual(
            zh: "\(town) \(period) 的输入中有 \(count) 个问题会影响某人的绩效工资；没有写出任何文件",
            en: "\(englishCount(count, "problem")) in the inputs of \(town) \(period) would change someone's pay; nothing was written")
    }

    /// Follows `runRefused`; `advice` (a closed period's, say) replaces the advice to accept.
    static func acceptableRows(_ count: Int, example: String, advice: String?, words w: CommandWords) -> String {
        bilingual(
            zh: "。其中 \(count) 个是单独的一行，\(advice ?? "确认无误后可用 \(w.accept) 文件:行号 有意剔除（如 \(w.accept) \(example)）")",
            en: ". \(count == 1 ? "1 of them is a single row that" : "\(count) of them are single rows that") \(advice ?? "can be left out on purpose with \(w.accept) FILE:LINE (e.g. \(w.accept) \(example))")")
    }

    static func writingFailed(_ folder: String, reason: String) -> String {
        bilingual(
            zh: "向 \(folder) 写出结果失败：\(reason)；原有的结果文件保持不变",
            en: "writing the outputs to \(folder) failed: \(reason); earlier outputs were left as they were")
    }

    // MARK: an export file as a whole (MonthReader)

    static func notUTF8(_ file: String, field: Int, table: String, readsAsGB18030: Bool) -> String {
        bilingual(
            zh: "\(file) 不是 UTF-8 文字（第一处错误字节在第\(field)列）\(readsAsGB18030 ? "；它可按 GB18030/GBK 读出：请制表人员把文件另存为 UTF-8 后重新放入，或请综治中心在规则文件中为表 \(table) 声明 encoding = \"gb18030\"" : "")",
            en: "\(file) is not UTF-8 text (first bad bytes in field \(field))\(readsAsGB18030 ? "; it reads as GB18030/GBK: convert it to UTF-8, or declare encoding = \"gb18030\" for table \(table) in the rule file" : "")")
    }

    static func notGB18030(_ file: String) -> String {
        bilingual(zh: "\(file) 声明为 GB18030，但此处的字节不是 GB18030", en: "\(file) is declared GB18030 but has bytes that are not GB18030 here")
    }

    static func notRegularFile(_ file: String, kind: String) -> String {
        bilingual(
            zh: "\(file) 是\(kind)，不是普通文件；应为导出的 CSV 文件（符号链接须指向普通文件）",
            en: "\(file) is \(kind), not a regular file; expected the exported CSV file (a symbolic link must point to a regular file)")
    }

    static func malformedCSV(_ reason: String) -> String {
        bilingual(
            zh: "CSV 格式有误：\(reason)；字段应以逗号分隔，带引号的字段内引号要写两次",
            en: "malformed CSV: \(reason); expected fields separated by commas, quotes doubled inside quoted fields")
    }

    static func fileUnreadable(_ file: String, reason: String, table: String) -> String {
        bilingual(
            zh: "无法读取 \(file)：\(reason)；规则文件把它声明为表“\(table)”",
            en: "cannot read \(file): \(reason); the rule file declares it as table '\(table)'")
    }

    static func fileMissing(_ file: String, table: String) -> String {
        bilingual(
            zh: "本期文件夹中缺少输入文件 \(file)；规则文件把它声明为表“\(table)”，请把平台导出的这个文件放进本期文件夹",
            en: "the input file \(file) is missing from the period's folder; the rule file declares it as table '\(table)'")
    }
}
