import GridpayCore

extension CommandWords {
    /// The command line's words: its commands and options, as `gridpay --help` lists them.
    static let commandLine = CommandWords(
        run: "gridpay run", close: "gridpay close", verify: "gridpay verify", status: "gridpay status",
        closedBy: "--by", accept: "--accept", inputDir: "--input-dir", outputDir: "--output-dir",
        ledgerDir: "--ledger-dir", chain: "--chain")
}
