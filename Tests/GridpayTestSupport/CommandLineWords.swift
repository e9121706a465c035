import GridpayCore

extension CommandWords {
    /// The command line's words (Sources/gridpay/CommandLineWords.swift), for library tests whose
    /// expected messages are the command's.
    public static let commandLine = CommandWords(
        run: "gridpay run", close: "gridpay close", verify: "gridpay verify", status: "gridpay status",
        closedBy: "--by", accept: "--accept", inputDir: "--input-dir", outputDir: "--output-dir",
        ledgerDir: "--ledger-dir", chain: "--chain")
}
