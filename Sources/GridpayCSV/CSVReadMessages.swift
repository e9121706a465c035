import GridpayLanguage

/// Why a CSV export cannot be read (or the pay CSV written), in both languages (SPEC §15): what a
/// clerk reads when a file is cut off, badly quoted, in another encoding or not a file at all.
/// A position stays `path:line` at the start; a field is the line's column (第N列).
enum CSVReadMessages {
    // MARK: CSVReadError and CSVWriteError as a whole
    static func cannotOpen(_ path: String, _ reason: String) -> String {
        bilingual(zh: "\(path)：无法打开：\(reason)", en: "\(path): cannot open: \(reason)")
    }

    static func readFailed(_ path: String, _ reason: String) -> String {
        bilingual(zh: "\(path)：读取失败：\(reason)", en: "\(path): read failed: \(reason)")
    }

    static func notUTF8(_ path: String, line: Int, field: Int, looksLikeGB18030: Bool) -> String {
        bilingual(
            zh: "\(path):\(line): 第\(field)列不是有效的 UTF-8\(looksLikeGB18030 ? "（该文件看来是 GB18030 编码，请按 GB18030 读取）" : "")",
            en: "\(path):\(line): field \(field) is not valid UTF-8\(looksLikeGB18030 ? " (the file looks GB18030-encoded; read it as GB18030)" : "")")
    }

    static func notGB18030(_ path: String, line: Int) -> String {
        bilingual(zh: "\(path):\(line): 有不是有效 GB18030 的字节", en: "\(path):\(line): bytes that are not valid GB18030")
    }

    static func notUTF16(_ path: String, line: Int) -> String {
        bilingual(zh: "\(path):\(line): 有不是有效 UTF-16 的字节", en: "\(path):\(line): bytes that are not valid UTF-16")
    }

    static func noByteOrderMark(_ path: String) -> String {
        bilingual(
            zh: "\(path)：声明为 UTF-16，但开头没有字节顺序标记（FF FE 或 FE FF）",
            en: "\(path): declared UTF-16 but does not start with a byte-order mark (FF FE or FE FF)")
    }

    static func malformed(_ path: String, line: Int, _ reason: String) -> String {
        bilingual(zh: "\(path):\(line): 引号有误：\(reason)", en: "\(path):\(line): malformed quoting: \(reason)")
    }

    static func libcsv(_ path: String, code: Int32, _ message: String) -> String {
        bilingual(zh: "\(path)：libcsv 错误 \(code)：\(message)", en: "\(path): libcsv error \(code): \(message)")
    }

    static func converterUnavailable(_ path: String, _ reason: String) -> String {
        bilingual(zh: "\(path)：无法把 GB18030 转换为 UTF-8：\(reason)", en: "\(path): cannot convert GB18030 to UTF-8: \(reason)")
    }

    static func notRegularFile(_ path: String, kind: String) -> String {
        bilingual(zh: "\(path) 是\(kind)，不是普通文件；应为导出的 CSV 文件", en: "\(path) is \(kind), not a regular file; expected the exported CSV file")
    }

    static func cannotCreate(_ path: String, _ reason: String) -> String {
        bilingual(zh: "\(path)：无法创建：\(reason)", en: "\(path): cannot create: \(reason)")
    }

    static func writeFailed(_ path: String, _ reason: String) -> String {
        bilingual(zh: "\(path)：写入失败：\(reason)", en: "\(path): write failed: \(reason)")
    }

    static func closeFailed(_ path: String, _ reason: String) -> String {
        bilingual(zh: "\(path)：关闭失败：\(reason)", en: "\(path): close failed: \(reason)")
    }

    static func writeAfterClose(_ path: String) -> String {
        bilingual(zh: "\(path)：文件关闭后又写入", en: "\(path): write after close")
    }

    // MARK: reasons
    static func cannotSeekToStart(_ reason: String) -> String {
        bilingual(zh: "无法回到文件开头：\(reason)", en: "cannot seek to start: \(reason)")
    }

    static func iconvCannotReset() -> String {
        bilingual(zh: "iconv 无法重置其状态", en: "iconv refused to reset its state")
    }

    static func quoteNeverClosed(field: Int) -> String {
        bilingual(zh: "第\(field)列的引号没有闭合", en: "field \(field) opens a quote that is never closed")
    }

    static func strayQuote(field: Int) -> String {
        bilingual(
            zh: "第\(field)列中有多余的引号（字段内的引号要写两次，且该字段要加引号）",
            en: "stray quote in field \(field) (a quote inside a field must be doubled and the field quoted)")
    }

    /// `shown`: the character after the quote (spaceCharacter(), tabCharacter(), 'x' or byte 0x..).
    static func afterClosingQuote(_ shown: String, field: Int) -> String {
        bilingual(zh: "第\(field)列的闭合引号后面多了\(shown)", en: "unexpected \(shown) after the closing quote of field \(field)")
    }

    static func spaceCharacter() -> String { bilingual(zh: "空格", en: "space") }

    static func tabCharacter() -> String { bilingual(zh: "制表符", en: "tab") }

    static func byte(_ hex: String) -> String { bilingual(zh: "字节 0x\(hex)", en: "byte 0x\(hex)") }

    static func fieldTooLong(field: Int, limit: Int) -> String {
        bilingual(zh: "第\(field)列超过 \(limit) 字节，一个单元格最多这么长", en: "field \(field) is longer than \(limit) bytes, the most one cell may hold")
    }

    /// A field past its limit while libcsv still reads it: often a quote that never closes.
    static func fieldTooLongInQuotes(field: Int, limit: Int) -> String {
        bilingual(
            zh: "第\(field)列超过 \(limit) 字节，一个单元格最多这么长；应为 CSV 导出文件（是否有引号没有闭合，或这不是 CSV 文件？）",
            en: "field \(field) is longer than \(limit) bytes, the most one cell may hold; expected a CSV export (is a quote never closed, or is this not a CSV file?)")
    }

    static func tooManyFields(limit: Int) -> String {
        bilingual(zh: "该行超过 \(limit) 列，一行最多这么多列", en: "the line has more than \(limit) fields, the most one line may have")
    }

    static func lineTooLong(limit: Int) -> String {
        bilingual(zh: "该行超过 \(limit) 字节，一行最多这么长", en: "the line is longer than \(limit) bytes, the most one line may hold")
    }

    /// After fieldTooLong, tooManyFields or lineTooLong.
    static func expectedACSVExport(_ what: String) -> String {
        bilingual(zh: "\(what)；应为 CSV 导出文件", en: "\(what); expected a CSV export")
    }

    // MARK: what stands where a file was expected
    static func aFIFO() -> String { bilingual(zh: "命名管道（FIFO）", en: "a FIFO (named pipe)") }
    static func aFolder() -> String { bilingual(zh: "文件夹", en: "a folder") }
    static func aDevice() -> String { bilingual(zh: "设备", en: "a device") }
    static func aSocket() -> String { bilingual(zh: "套接字", en: "a socket") }
    static func notAFile() -> String { bilingual(zh: "其他类型的文件", en: "not a file") }
}
