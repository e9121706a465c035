/// The program version: written into every output (说明 程序版本, the manifest's "program", the
/// workbook's properties) and recorded with each closed period, so an auditor knows which program
/// to verify a period with. It changes whenever the outputs change: OutputVersionTests fails when
/// the golden outputs differ from those recorded for this version (README, developer section).
public enum GridpayVersion {
    public static let current = "0.2.2"
}
