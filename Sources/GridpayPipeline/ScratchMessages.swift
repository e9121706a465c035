import GridpayCore

/// When the temporary folder fails a run (SPEC §15: both languages): what could not be done
/// there, why, and that the inputs are not at fault (free space, or TMPDIR elsewhere).
enum ScratchMessages {
    /// `action`: one of the actions below.
    static func cannot(_ action: String, folder: String, why: String) -> String {
        bilingual(
            zh: "无法在临时文件夹 \(folder) 中\(action)（\(why)）；这不是输入文件的问题：请清出该处的空间，或把 TMPDIR 设为有空间的文件夹，然后重新运行",
            en: "cannot \(action) in the temporary folder \(folder) (\(why)); this is not a problem of the inputs: free space there, or set TMPDIR to a folder with room, and run again")
    }

    static func createScratchFiles() -> String {
        bilingual(zh: "建立临时文件", en: "create scratch files")
    }

    static func createScratchFile(_ path: String) -> String {
        bilingual(zh: "建立临时文件 \(path)", en: "create the scratch file \(path)")
    }

    static func openScratchFile(_ path: String) -> String {
        bilingual(zh: "打开临时文件 \(path)", en: "open the scratch file \(path)")
    }

    static func writeScratchFile(_ path: String) -> String {
        bilingual(zh: "写入临时文件 \(path)", en: "write the scratch file \(path)")
    }

    static func createPartitionFile() -> String {
        bilingual(zh: "建立编号重复检查的分区文件", en: "create a partition file of the duplicate-id check")
    }
}
