/// The words a user types or clicks to do what a message advises: the command line's command
/// names and options, or the console's own words. The program that runs a command supplies them
/// (the `gridpay` executable its flags, the console its own words); the library words no flag or
/// command name itself.
public struct CommandWords: Sendable, Equatable {
    /// Running, closing and verifying a period, and listing the ledger ("gridpay run", …).
    public var run: String
    public var close: String
    public var verify: String
    public var status: String
    /// Who closes a period ("--by").
    public var closedBy: String
    /// A problem row accepted ("--accept").
    public var accept: String
    /// The folders: inputs, outputs, ledgers ("--input-dir", …).
    public var inputDir: String
    public var outputDir: String
    public var ledgerDir: String
    /// A chain head kept outside the ledger ("--chain").
    public var chain: String

    public init(run: String, close: String, verify: String, status: String, closedBy: String, accept: String,
                inputDir: String, outputDir: String, ledgerDir: String, chain: String) {
        self.run = run
        self.close = close
        self.verify = verify
        self.status = status
        self.closedBy = closedBy
        self.accept = accept
        self.inputDir = inputDir
        self.outputDir = outputDir
        self.ledgerDir = ledgerDir
        self.chain = chain
    }
}
