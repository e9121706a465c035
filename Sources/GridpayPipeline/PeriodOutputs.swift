import Foundation

/// Where a period's outputs are (SPEC §7): `<output>/<town>/<period>/<town>-<period>.xlsx`,
/// `-pay.csv` and `-manifest.json`. One place for the names the run writes and its readers find.
public struct PeriodOutputs: Sendable {
    public let directory: String
    public let workbookName: String, payName: String, manifestName: String

    public init(outputDir: String, town: String, period: String) {
        directory = "\(outputDir)/\(town)/\(period)"
        let base = "\(town)-\(period)"
        workbookName = "\(base).xlsx"
        payName = "\(base)-pay.csv"
        manifestName = "\(base)-manifest.json"
    }

    public var payPath: String { "\(directory)/\(payName)" }
    public var manifestPath: String { "\(directory)/\(manifestName)" }

    /// The manifest written there; nil when there is none or it cannot be read.
    public func manifest() -> Manifest? {
        FileManager.default.contents(atPath: manifestPath).flatMap { try? JSONDecoder().decode(Manifest.self, from: $0) }
    }
}
