import GridpayLanguage

/// Why an XLSX or XLS export cannot be read, in both languages (SPEC §15): the reasons inside
/// IngestMessages' workbook messages, which a clerk reads when an export is damaged or cut off.
/// The zip archive's and the workbook's own names (xl/sharedStrings.xml, deflate) stay as written.
enum ExportReadMessages {
    // MARK: the zip archive (an XLSX file is one)
    static func shorterThanAnArchive(_ bytes: Int) -> String {
        bilingual(zh: "只有 \(bytes) 字节，比空的压缩包还短", en: "\(bytes) bytes, shorter than an empty archive")
    }

    static func noEndOfDirectory() -> String {
        bilingual(zh: "找不到压缩包目录的结束记录", en: "no end of central directory record")
    }

    static func zip64() -> String {
        bilingual(zh: "是 ZIP64 压缩包，导出文件不会这么大", en: "a ZIP64 archive")
    }

    static func directoryPastTheEnd() -> String {
        bilingual(zh: "压缩包目录超出了文件末尾", en: "the central directory lies past the end of the file")
    }

    static func directoryEntryDamaged(_ number: Int) -> String {
        bilingual(zh: "压缩包目录第 \(number) 项已损坏", en: "central directory entry \(number) is damaged")
    }

    static func directoryEntryCutOff(_ number: Int) -> String {
        bilingual(zh: "压缩包目录第 \(number) 项不完整", en: "central directory entry \(number) is cut off")
    }

    static func notARegularFile() -> String {
        bilingual(zh: "不是普通文件", en: "not a regular file")
    }

    static func endsInsideTheArchive(offset: Int) -> String {
        bilingual(zh: "文件在压缩包中途就结束了（偏移 \(offset)）", en: "the file ends inside the archive (offset \(offset))")
    }

    static func localHeaderDamaged(_ part: String) -> String {
        bilingual(zh: "\(part) 的文件头已损坏", en: "the local header of \(part) is damaged")
    }

    static func runsPastTheEnd(_ part: String) -> String {
        bilingual(zh: "\(part) 超出了文件末尾", en: "\(part) runs past the end of the file")
    }

    static func notDeflate(_ part: String, method: UInt16) -> String {
        bilingual(zh: "\(part) 的压缩方法为 \(method)，不是 deflate", en: "\(part) is compressed with method \(method), not deflate")
    }

    static func checksumDiffers(_ part: String) -> String {
        bilingual(zh: "\(part) 与其校验和不符", en: "\(part) does not match its checksum")
    }

    static func cutOff(_ part: String) -> String {
        bilingual(zh: "\(part) 不完整（被截断）", en: "\(part) is cut off")
    }

    static func cannotStartInflating() -> String {
        bilingual(zh: "zlib 无法开始解压", en: "zlib cannot start inflating")
    }

    static func endsBeforeItsData(_ part: String) -> String {
        bilingual(zh: "\(part) 在其压缩数据结束之前就结束了", en: "\(part) ends before its compressed data does")
    }

    static func cannotInflate(_ part: String, zlibError: Int32) -> String {
        bilingual(zh: "\(part) 无法解压（zlib 错误 \(zlibError)）", en: "\(part) cannot be inflated (zlib error \(zlibError))")
    }

    static func inflatesPastItsSize(_ part: String) -> String {
        bilingual(zh: "\(part) 解压后超过了其声明的大小", en: "\(part) inflates past its declared size")
    }

    // MARK: a part's XML (expat's errors, its English word for word)
    static func noElementFound() -> String { bilingual(zh: "找不到任何元素（内容为空或被截断）", en: "no element found") }
    static func invalidToken() -> String { bilingual(zh: "格式不正确（无效的记号）", en: "not well-formed (invalid token)") }
    static func unclosedToken() -> String { bilingual(zh: "记号没有结束（内容被截断）", en: "unclosed token") }
    static func partialCharacter() -> String { bilingual(zh: "字符不完整", en: "partial character") }
    static func mismatchedTag() -> String { bilingual(zh: "标签不配对", en: "mismatched tag") }
    static func junkAfterTheDocument() -> String { bilingual(zh: "文档结束后还有多余内容", en: "junk after document element") }
    static func syntaxError() -> String { bilingual(zh: "语法错误", en: "syntax error") }

    // MARK: the workbook's parts
    /// In place of a part's name (IngestMessages.notAWorkbook: "it has no …").
    static func anyWorksheet() -> String {
        bilingual(zh: "任何工作表", en: "any worksheet")
    }

    static func sharedStringsTooLarge(mebibytes: Int) -> String {
        bilingual(zh: "其共享字符串超过 \(mebibytes) MiB", en: "its shared strings pass \(mebibytes) MiB")
    }

    static func sharedStringNamed(row: Int, index: String) -> String {
        bilingual(zh: "xl/sharedStrings.xml（第\(row)行引用了第 \(index) 号共享字符串）", en: "xl/sharedStrings.xml (row \(row) names shared string \(index))")
    }

    static func cellStyleNamed(row: Int, style: Int) -> String {
        bilingual(zh: "xl/styles.xml（第\(row)行引用了第 \(style) 号单元格样式）", en: "xl/styles.xml (row \(row) names cell style \(style))")
    }

    // MARK: legacy .xls (libfreexl)
    static func noWorksheets() -> String {
        bilingual(zh: "没有工作表", en: "no worksheets")
    }

    static func sheetCannotBeSelected() -> String {
        bilingual(zh: "无法选中该工作表", en: "the sheet cannot be selected")
    }

    static func sheetSizeUnreadable() -> String {
        bilingual(zh: "无法读取该工作表的大小", en: "the sheet's size cannot be read")
    }

    static func fileCannotBeOpened() -> String {
        bilingual(zh: "无法打开该文件", en: "the file cannot be opened")
    }

    static func outOfMemory() -> String {
        bilingual(zh: "内存不足", en: "out of memory")
    }

    static func libfreexlError(_ status: Int32) -> String {
        bilingual(zh: "libfreexl 错误 \(status)", en: "libfreexl error \(status)")
    }

    // MARK: legacy .xls (the compound file and BIFF records read beside libfreexl)
    static func noCompoundFileHeader() -> String {
        bilingual(zh: "没有复合文档文件头（不是 Excel 97–2003 工作簿）", en: "no compound file header (not an Excel 97–2003 workbook)")
    }

    static func unusualSectorSize(shift: Int) -> String {
        bilingual(zh: "复合文档的扇区大小为 2^\(shift) 字节，不合规范", en: "a compound file sector size of 2^\(shift) bytes")
    }

    static func damagedSectorChain() -> String {
        bilingual(zh: "复合文档的扇区链已损坏", en: "a damaged sector chain")
    }

    static func sectorPastTheEnd() -> String {
        bilingual(zh: "复合文档的扇区超出了文件末尾", en: "a sector past the end of the file")
    }

    static func noDirectory() -> String {
        bilingual(zh: "没有复合文档目录", en: "no compound file directory")
    }

    static func noWorkbookStream() -> String {
        bilingual(zh: "没有 Workbook 数据流（不是 Excel 工作簿）", en: "no Workbook stream (not an Excel workbook)")
    }

    static func workbookStreamCutOff() -> String {
        bilingual(zh: "Workbook 数据流比目录中记载的短（被截断）", en: "a Workbook stream shorter than its directory entry says")
    }

    static func sheetRecordsMissing(_ sheet: Int) -> String {
        bilingual(zh: "第 \(sheet) 张工作表的记录缺失", en: "the records of sheet \(sheet) are missing")
    }
}
