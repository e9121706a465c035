import Foundation
import GridpayCore
import GridpayPipeline

/// The town's open periods for `status` (SPEC §9, §15): every period with an input month folder
/// holding a file and no closing in the ledger, run or not.
struct OpenPeriod: Equatable {
    var period: CalendarPeriod
    var inputFiles: Int
    /// When the period's workbook was last written, if it was.
    var written: Date?
}

enum OpenPeriods {
    /// The month folders of `Input/<town>/` holding files that no closed period holds, gathered
    /// into periods of the kind the rule file in force for the month assesses (a month where no
    /// rule file can be read: its month stays a month).
    static func find(town: String, inputDir: String, rulesDir: String, outputDir: String, closed: [String]) -> [OpenPeriod] {
        let closedPeriods = closed.compactMap(CalendarPeriod.parse)
        let townFolder = "\(inputDir)/\(town)"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: townFolder)) ?? []).sorted()
        var files: [CalendarPeriod: Int] = [:]
        for name in names {
            guard let p = CalendarPeriod.parse(name), let month = p.asMonth,
                  !closedPeriods.contains(where: { $0.contains(p) }) else { continue }
            let count = inputFiles(in: "\(townFolder)/\(name)")
            guard count > 0 else { continue }
            files[CalendarPeriod.of(kind(town: town, month: month, rulesDir: rulesDir), holding: month), default: 0] += count
        }
        return files.keys.sorted().filter { !closedPeriods.contains($0) }.map { p in
            OpenPeriod(period: p, inputFiles: files[p]!, written: written(workbook: outputFolder(town: town, period: p, outputDir: outputDir) + "/\(town)-\(p).xlsx"))
        }
    }

    static func outputFolder(town: String, period: CalendarPeriod, outputDir: String) -> String { "\(outputDir)/\(town)/\(period)" }

    static func kind(town: String, month: Period, rulesDir: String) -> PeriodKind {
        guard case .success(let path) = RuleFiles.locate(town: town, period: month, rulesDir: rulesDir),
              case .success(let loaded) = RuleFiles.load(path: path) else { return .month }
        return loaded.rules.periodKind
    }

    /// The regular files of a month folder, not hidden ones (an editor's or the console's own).
    static func inputFiles(in folder: String) -> Int {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { name in
            var isDir: ObjCBool = false
            return !name.hasPrefix(".") && fm.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isDir) && !isDir.boolValue
        }.count
    }

    static func written(workbook path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
