import GridpayCore

/// What publishing a period's outputs says when it cannot (OutputPublisher, FileProblem): where
/// it refuses to write, who holds the folder, which file operation failed and why; one function
/// per kind, each in both languages (SPEC §15).
enum PublishMessages {
    /// `how` the output folder relates to the input folder.
    enum Overlap { case same, inside, holds }

    static func outputAmongInputs(_ output: String, _ how: Overlap, input: String, words w: CommandWords) -> String {
        bilingual(zh: "输出文件夹 \(output) \(overlap(how, input))；输出从不写在导出文件之间：请另选 \(w.outputDir)",
                  en: "the output folder \(output) \(overlap(how, input)); outputs are never written among the exports: choose another \(w.outputDir)")
    }

    static func busy(pid: String, holder: String) -> String {
        bilingual(zh: "另一个 gridpay 进程（pid \(pid)）正在写出 \(holder) 的输出；请等它结束后再运行（本次没有写出任何文件）",
                  en: "another gridpay process (pid \(pid)) is writing the outputs of \(holder) now; wait for it to finish, then run again (nothing was written)")
    }

    /// A file operation that failed: `action` is one of the functions below.
    static func cannot(_ action: String, _ path: String, reason: String) -> String {
        bilingual(zh: "\(path)：无法\(action)：\(reason)", en: "cannot \(action) \(path): \(reason)")
    }

    // MARK: the file operations (the `action` of `cannot`)

    static func moveNewIntoPlace(_ file: String) -> String { bilingual(zh: "把新的 \(file) 移到位", en: "move the new \(file) into place") }
    static func createLockFile() -> String { bilingual(zh: "创建锁文件", en: "create the lock file") }
    static func lockFile() -> String { bilingual(zh: "加锁", en: "lock") }
    static func createFile() -> String { bilingual(zh: "创建", en: "create") }
    static func writeFile() -> String { bilingual(zh: "写入", en: "write") }
    static func openForSyncing() -> String { bilingual(zh: "打开以同步到磁盘", en: "open for syncing") }
    static func syncToDisk() -> String { bilingual(zh: "同步到磁盘", en: "sync to disk") }
    static func openFolderForSyncing() -> String { bilingual(zh: "打开文件夹以同步到磁盘", en: "open the folder for syncing") }
    static func syncFolderToDisk() -> String { bilingual(zh: "把文件夹同步到磁盘", en: "sync the folder to disk") }
    static func renameIntoPlace() -> String { bilingual(zh: "改名到位", en: "rename into place") }

    // MARK: why (the `reason` of `cannot`): an errno is SystemError's; this is Foundation's other codes.

    static func errorCode(_ code: Int) -> String { bilingual(zh: "错误 \(code)", en: "error \(code)") }

    private static func overlap(_ how: Overlap, _ input: String) -> String {
        switch how {
        case .same: bilingual(zh: "就是本月的输入文件夹 \(input)", en: "is the month's input folder \(input)")
        case .inside: bilingual(zh: "位于本月的输入文件夹 \(input) 之内", en: "lies inside the month's input folder \(input)")
        case .holds: bilingual(zh: "包含本月的输入文件夹 \(input)", en: "holds the month's input folder \(input)")
        }
    }
}
