import Foundation
import GridpayCore
import GridpayPipeline

/// Whether the period's written outputs are those of the inputs the page shows (QA H3): the
/// manifest beside them records the SHA-256 of every input the run read; a file replaced,
/// added or removed since makes them another run's, which nobody may pay from.
enum OutputFreshness {
    /// nil when there is no readable manifest.
    static func matchesInputs(_ ref: PeriodRef, inputs: [PeriodView.Input], console: Console) -> Bool? {
        guard let manifest = PeriodOutputs(outputDir: console.folders.outputDir, town: ref.town.town, period: ref.text).manifest() else { return nil }
        var recorded: [String: String] = [:]
        for i in manifest.inputs { recorded[i.file] = i.sha256 }
        // A declared pattern (patrol-*.csv) is listed by its pattern, recorded by its files' names: not compared.
        for i in inputs where !FilePattern.isPattern(i.file) {
            if i.present ? recorded[i.file] != i.sha256 : recorded[i.file] != nil { return false }
        }
        return true
    }
}
