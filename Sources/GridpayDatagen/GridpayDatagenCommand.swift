import ArgumentParser
import Foundation
import GridpayCore
import GridpayDatagenKit

/// Writes realistic, seeded months of a town's exports for tests and benchmarks. What the files
/// look like comes from the town's rule file; how they are filled from a shape file.
@main
struct GridpayDatagen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gridpay-datagen",
        abstract: "Write seeded months of grid-platform exports for a town, driven by its rule file and a shape file.",
        discussion: """
            Files go to <out>/<town>/<YYYY-MM>/ (town from the rule file), ready for \
            `gridpay run <town> <YYYY-MM> --input-dir <out>`. The same shape, rule file, seed and \
            options give byte-identical files.
            """)

    @Option(help: "The shape file (TOML): how to fill each column and how many rows each worker gets.")
    var shape: String
    @Option(help: "The rule file; default: the shape's `rules` (relative to the shape file).")
    var rules: String?
    @Option(help: "Workers on the roster.")
    var workers: Int
    @Option(help: "The (last) month to write, YYYY-MM.")
    var month: String
    @Option(help: "Consecutive months to write, ending at --month (same roster in each).")
    var months = 1
    @Option(help: "Seed of the pseudo-random numbers (a whole number ≥ 0).")
    var seed: UInt64
    @Option(help: "Multiplies the rows per worker of every table (sessions too), e.g. 10.")
    var rowsScale = 1.0
    @Option(help: "Output folder; files go to <out>/<town>/<YYYY-MM>/.")
    var out: String
    @Flag(help: "Write the tables one after another instead of on several threads (same bytes).")
    var serial = false
    @Flag(help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
        guard months >= 1 else { throw ValidationError("--months must be at least 1") }
        guard rowsScale.isFinite, rowsScale >= 0 else { throw ValidationError("--rows-scale must be a number ≥ 0") }
        guard Period.parse(month) != nil else { throw ValidationError("'\(month)' is not a month; expected YYYY-MM, e.g. 2026-10") }
    }

    func run() throws {
        let started = Date()
        let plan: GenerationPlan
        switch ShapeLoader.load(shapePath: shape, rulesPath: rules) {
        case .success(let p): plan = p
        case .failure(let f):
            printDiagnostics(f)
            FileHandle.standardError.write(Data("\(shape): \(f.diagnostics.count) error(s); nothing was written\n".utf8))
            throw ExitCode(1)
        }
        let options = GenerateOptions(workers: workers, lastMonth: Period.parse(month)!, months: months, seed: seed,
                                      rowsScale: rowsScale, outputDir: out, parallel: !serial)
        let files: [WrittenFile]
        do {
            files = try Datagen.generate(plan, options)
        } catch let f as DatagenFailure {
            printDiagnostics(f)
            throw ExitCode(1)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        guard !quiet else { return }
        var totalRows = 0, totalBytes = 0
        for f in files {
            print("\(f.path)\t\(f.rows) rows\t\(f.bytes) bytes")
            totalRows += f.rows
            totalBytes += f.bytes
        }
        let seconds = Date().timeIntervalSince(started)
        print(String(format: "%@ %@: %d workers, %d month(s), %d rows, %.1f MB in %.2f s",
                     plan.town, month, workers, months, totalRows, Double(totalBytes) / 1_000_000, seconds))
    }

    func printDiagnostics(_ f: DatagenFailure) {
        var cache: [String: [Substring]] = [:]
        for d in f.diagnostics {
            let text = DiagnosticRenderer.render(d) { file in
                if let c = cache[file] { return c }
                guard let s = f.sources[file] else { return nil }
                // Lines as the TOML reader counts them: "\r\n" is one Character, which split(separator: "\n") misses.
                let lines = s.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
                cache[file] = lines
                return lines
            }
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }
}
