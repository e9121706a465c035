import Foundation
import GridpayTestSupport
@testable import GridpayCore
@testable import GridpayPipeline

/// The export tests' month of the small `forms` town, set up once (MergedHeaderRunTests, XLSXDateCellTests):
/// beside the tests, as it builds LoadedRules, which only the pipeline's tests may.
extension TestTown {
    /// Prepares 2026-10 of the small `forms` town of the export tests: its roster
    /// (ExportFormTests.roster) and `files` (name → bytes) in the month's folder, read by the rule
    /// file `text`.
    static func formsMonth(rules text: String, files: [String: Data], accepted: Set<RowPosition> = []) throws -> Result<PreparedMonth, PipelineFailure> {
        let tmp = TemporaryFolder()
        let dir = "\(tmp.path)/forms/2026-10"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try ExportFormTests.roster.write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
        for (name, bytes) in files { try bytes.write(to: URL(fileURLWithPath: "\(dir)/\(name)")) }
        let rules = try RuleLoader.load(text: text, file: "forms.toml").get()
        var request = RunRequest(town: "forms", period: Period.parse("2026-10")!)
        request.inputDir = tmp.path
        request.accepted = accepted
        return withExtendedLifetime(tmp) {
            MonthRunner.prepare(request, rules: { _ in .success(LoadedRules(path: "forms.toml", text: text, sha256: "", rules: rules)) })
        }
    }
}
