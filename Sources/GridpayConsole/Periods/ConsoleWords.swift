import GridpayCore

extension CommandWords {
    /// The console's words for what the ledger's messages advise: its buttons and folders, not
    /// the command line's options (the console's user types no command).
    static let console = CommandWords(
        run: "「运行」", close: "「审核通过」", verify: "「核对」", status: "「台账」",
        closedBy: "审核人", accept: "「接受」", inputDir: "输入文件夹", outputDir: "输出文件夹",
        ledgerDir: "台账文件夹", chain: "链头")
}
