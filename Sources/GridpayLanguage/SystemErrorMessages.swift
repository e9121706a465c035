/// The operating system's commonest errors (errno) in both languages (SPEC §15), for a file that
/// cannot be opened, read or written: the English is the C library's own (strerror), word for word.
/// gridpay's one errno table: reading inputs, publishing outputs and scratch files all say it so.
enum SystemErrorMessages {
    static func permissionDenied() -> String { bilingual(zh: "没有权限", en: "Permission denied") }
    static func notPermitted() -> String { bilingual(zh: "不允许这样操作", en: "Operation not permitted") }
    static func noSuchFile() -> String { bilingual(zh: "没有这个文件或文件夹", en: "No such file or directory") }
    static func isAFolder() -> String { bilingual(zh: "它是一个文件夹", en: "Is a directory") }
    static func partNotAFolder() -> String { bilingual(zh: "路径中有一部分不是文件夹", en: "Not a directory") }
    static func diskFull() -> String { bilingual(zh: "磁盘已满", en: "No space left on device") }
    static func quotaUsedUp() -> String { bilingual(zh: "磁盘配额已用完", en: "Disk quota exceeded") }
    static func readOnly() -> String { bilingual(zh: "文件系统是只读的", en: "Read-only file system") }
    static func inputOutput() -> String { bilingual(zh: "读写出错（磁盘或网络存储故障）", en: "Input/output error") }
    static func exists() -> String { bilingual(zh: "已有同名的文件", en: "File exists") }
    static func tooManyOpenFiles() -> String { bilingual(zh: "打开的文件过多", en: "Too many open files") }
}
