import Foundation
import GridpayCore
import GridpayDatagenKit
import GridpayPipeline
import GridpayTestSupport
import XCTest

/// The generator with the shipped shape (Benchmarks/shapes/qinghe.toml) and rule file: same seed,
/// same bytes; sizes as asked; unique ids; and every generated month passes gridpay's own reading
/// and scoring with no problem at all.
final class DatagenTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var shapePath: String { packageRoot.appendingPathComponent("Benchmarks/shapes/qinghe.toml").path }
    static var rulesDir: String { packageRoot.appendingPathComponent("Rules").path }
    static let october = Period(year: 2026, month: 10)

    var folders: [URL] = []

    override func tearDown() {
        for f in folders { try? FileManager.default.removeItem(at: f) }
        folders = []
    }

    func tempFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gridpay-datagen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        folders.append(url)
        return url.path
    }

    func plan() throws -> GenerationPlan {
        switch ShapeLoader.load(shapePath: Self.shapePath) {
        case .success(let p): return p
        case .failure(let f): throw f
        }
    }

    @discardableResult
    func generate(workers: Int, seed: UInt64, rowsScale: Double = 1, months: Int = 1, parallel: Bool = true,
                  into dir: String? = nil) throws -> (dir: String, files: [WrittenFile]) {
        let out = try dir ?? tempFolder()
        let files = try Datagen.generate(try plan(), GenerateOptions(workers: workers, lastMonth: Self.october, months: months, seed: seed,
                                                                      rowsScale: rowsScale, outputDir: out, parallel: parallel))
        return (out, files)
    }

    func monthFiles(_ dir: String, _ month: String = "2026-10") throws -> [String: Data] {
        let folder = "\(dir)/qinghe/\(month)"
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
        }
        return out
    }

    /// RFC 4180, as a spreadsheet reads it: the header, then the rows.
    func readCSV(_ path: String) throws -> (header: [String], rows: [[String]]) {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var i = 0, inQuotes = false, wasQuoted = false
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field = []
            wasQuoted = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(b)
                }
            } else if b == UInt8(ascii: "\"") {
                XCTAssertTrue(field.isEmpty && !wasQuoted, "a quote inside an unquoted field in \(path)")
                inQuotes = true
                wasQuoted = true
            } else if b == UInt8(ascii: ",") {
                endField()
            } else if b == 10 {
                endField()
                records.append(record)
                record = []
            } else if b != 13 {
                field.append(b)
            }
            i += 1
        }
        XCTAssertFalse(inQuotes, "unclosed quote in \(path)")
        XCTAssertTrue(record.isEmpty && field.isEmpty, "\(path) does not end with a newline")
        return (records.first ?? [], Array(records.dropFirst()))
    }

    // MARK: determinism

    func testSameSeedGivesIdenticalBytesOnOneThreadOrSeveral() throws {
        let a = try generate(workers: 250, seed: 42, months: 2, parallel: true)
        let b = try generate(workers: 250, seed: 42, months: 2, parallel: false)
        for month in ["2026-09", "2026-10"] {
            let fa = try monthFiles(a.dir, month), fb = try monthFiles(b.dir, month)
            XCTAssertEqual(fa.keys.sorted(), ["events.csv", "patrol.csv", "phone_checks.csv", "roster.csv", "training.csv", "visits.csv"])
            for (name, data) in fa {
                XCTAssertEqual(data, fb[name], "\(month)/\(name) differs between two runs with the same seed")
            }
        }
    }

    func testDifferentSeedGivesDifferentFiles() throws {
        let a = try monthFiles(try generate(workers: 100, seed: 1).dir)
        let b = try monthFiles(try generate(workers: 100, seed: 2).dir)
        for (name, data) in a {
            XCTAssertNotEqual(data, b[name], "\(name) is the same for seeds 1 and 2")
        }
    }

    func testTheRosterIsTheSameInEveryMonthOfARun() throws {
        let (dir, _) = try generate(workers: 120, seed: 5, months: 3)
        let first = try monthFiles(dir, "2026-08"), last = try monthFiles(dir, "2026-10")
        XCTAssertEqual(first["roster.csv"], last["roster.csv"])
        XCTAssertNotEqual(first["events.csv"], last["events.csv"])
    }

    func testSeedMixDoesNotDependOnTheProcess() {
        // FNV-1a 64 of "a" (a published test vector): table streams are stable across runs.
        XCTAssertEqual(SeedMix.fnv1a("a"), 0xAF63_DC4C_8601_EC8C)
        var r = Xoshiro256(seed: 1)
        let first = (0..<3).map { _ in r.next() }
        var s = Xoshiro256(seed: 1)
        XCTAssertEqual(first, (0..<3).map { _ in s.next() })
        for n in [1, 2, 7, 31, 1000] {
            for _ in 0..<100 { XCTAssertTrue((0..<n).contains(r.below(n))) }
        }
    }

    // MARK: sizes

    func testRowsScaleMultipliesTheRowsPerWorker() throws {
        let one = try generate(workers: 200, seed: 3, rowsScale: 1).files
        let three = try generate(workers: 200, seed: 3, rowsScale: 3).files
        for (a, b) in zip(one, three) {
            XCTAssertEqual(a.table, b.table)
            let ratio = Double(b.rows) / Double(a.rows)
            switch a.table {
            case "roster": XCTAssertEqual(b.rows, 200)
            case "training": XCTAssertEqual(b.rows, 3 * a.rows, "sessions are multiplied exactly")
            default: XCTAssertEqual(ratio, 3, accuracy: 0.25, "\(a.table): \(a.rows) → \(b.rows)")
            }
        }
    }

    func testRosterHasTheWorkersInGridsOfOneToThreeInsideOneUnit() throws {
        let (dir, files) = try generate(workers: 537, seed: 9)
        let roster = try readCSV("\(dir)/qinghe/2026-10/roster.csv")
        XCTAssertEqual(roster.header, ["网格员编号", "姓名", "村(社区)", "网格编号", "绩效工资基数(元)", "重点人员数"])
        XCTAssertEqual(roster.rows.count, 537)
        XCTAssertEqual(files.first { $0.table == "roster" }?.rows, 537)
        XCTAssertEqual(Set(roster.rows.map { $0[0] }).count, 537)
        XCTAssertEqual(roster.rows.first?[0], "QH000001")
        var grids: [String: (count: Int, units: Set<String>)] = [:]
        for r in roster.rows {
            grids[r[3], default: (0, [])].count += 1
            grids[r[3]]!.units.insert(r[2])
        }
        let sizes = grids.values.map(\.count)
        XCTAssertEqual(Set(sizes), [1, 2, 3], "grids of 1, 2 and 3 workers")
        XCTAssertTrue(grids.values.allSatisfy { $0.units.count == 1 }, "a grid lies in one village")
        let units = Set(roster.rows.map { $0[2] })
        XCTAssertEqual(Double(units.count), 537.0 / 40, accuracy: 2, "a village per ~40 workers")
    }

    // MARK: validity

    func testColumnsTheRuleFileDeclaresUniqueAreUnique() throws {
        let plan = try plan()
        let (dir, _) = try generate(workers: 300, seed: 11, rowsScale: 2)
        let ids = Set(try readCSV("\(dir)/qinghe/2026-10/roster.csv").rows.map { $0[0] })
        var checkedKeys = 0
        for table in plan.rules.tables {
            let csv = try readCSV("\(dir)/qinghe/2026-10/\(table.file)")
            XCTAssertEqual(csv.header, table.columns.map(\.name), table.file)
            XCTAssertTrue(csv.rows.allSatisfy { $0.count == table.columns.count }, "\(table.file): every row has every field")
            for key in table.uniqueKeys {
                let values = csv.rows.map { row in key.map { row[$0] }.joined(separator: "\u{1F}") }
                XCTAssertEqual(Set(values).count, values.count, "\(table.file): \(key.map { table.columns[$0].name }) repeats")
                checkedKeys += 1
            }
            if let w = table.workerColumn {
                XCTAssertTrue(csv.rows.allSatisfy { ids.contains($0[w]) }, "\(table.file): every worker is on the roster")
            }
        }
        XCTAssertEqual(checkedKeys, 5, "roster id is unique through [roster], the other tables declare 4 keys")
        // Free text with a comma and a quote comes back whole (RFC 4180 quoting).
        let events = try readCSV("\(dir)/qinghe/2026-10/events.csv")
        let kinds = Set(events.rows.map { $0[3] })
        XCTAssertTrue(kinds.contains("占道经营,乱堆放"))
        XCTAssertTrue(kinds.contains("电动车\"飞线\"充电"))
    }

    /// gridpay's own reader (libcsv) and checks, then the month's scores, with three months of
    /// history: no problem, no warning, and a spread of results like a real town's.
    func testGeneratedMonthsPassGridpayAndLookReal() throws {
        let workers = 300
        let (dir, _) = try generate(workers: workers, seed: 7, months: 3)
        var request = RunRequest(town: "qinghe", period: Self.october)
        request.rulesDir = Self.rulesDir
        request.inputDir = dir
        let month: PreparedMonth
        switch MonthRunner.prepare(request) {
        case .success(let m): month = m
        case .failure(let f): return XCTFail(f.diagnostics.map(\.description).joined(separator: "\n"))
        }
        XCTAssertEqual(month.inputs.problems.map(\.message), [], "no input problem, not even a warning")
        XCTAssertTrue(month.report.incompleteHistory.isEmpty, "the two months before were generated too")
        XCTAssertEqual(month.report.workers.count, workers)
        for f in month.inputs.files { XCTAssertEqual(f.rowsRead, f.rowsUsed, f.file) }

        let met = month.report.workers.filter { $0.dutyMet == true }.count
        XCTAssertGreaterThan(Double(met) / Double(workers), 0.6, "most workers meet the duty requirements")
        XCTAssertLessThan(Double(met) / Double(workers), 0.95, "some do not")

        let d = "\(dir)/qinghe/2026-10"
        let events = try readCSV("\(d)/events.csv").rows
        let invalid = events.filter { $0[4] == "无效" }.count
        XCTAssertGreaterThan(invalid, 0)
        XCTAssertLessThan(Double(invalid) / Double(events.count), 0.15)
        let missed = Set(try readCSV("\(d)/phone_checks.csv").rows.filter { $0[4] == "否" }.map { $0[3] })
        XCTAssertEqual(missed, ["镇", "县", "市", "省"], "missed calls at every level")
        let attendance = Set(try readCSV("\(d)/training.csv").rows.map { $0[3] })
        XCTAssertEqual(attendance, ["出席", "请假", "缺席"])
        XCTAssertTrue(month.report.workers.contains { $0.payable > .zero })
        let perWorker = Double(month.inputs.files.reduce(0) { $0 + $1.rowsRead }) / Double(workers)
        XCTAssertEqual(perWorker, 118, accuracy: 12, "about 118 rows per worker and month")
    }

    /// The less common fills and options, with text that needs quoting in ids, prefixes and
    /// separators, CRLF and a BOM: still exactly what gridpay accepts.
    func testUnusualFillsAndQuotingStillPassGridpay() throws {
        let shape = """
            [workers]
            id_prefix = "Q\\"H,"
            grid_sizes = [[3, 1]]
            workers_per_unit = 7
            diligence = [0.5, 1.5]
            [output]
            line_ending = "crlf"
            bom = true
            [tables.roster]
            line_ending = "lf"
            bom = false
            [tables.roster.columns]
            "姓名" = { fill = "name", surnames = ["欧阳", "司马"], given = "甲乙,丙" }
            "村(社区)" = { fill = "unit", names = ["东\\"关"], suffixes = ["村", "社区"] }
            "网格编号" = { fill = "group", prefix = "G,", separator = "\\"" }
            "绩效工资基数(元)" = { fill = "decimal", min = 1800, max = 2200.5, places = 2 }
            "重点人员数" = { fill = "integer", min = 0, max = 3 }
            [tables.patrol]
            rows_per_worker = 3
            [tables.patrol.columns]
            "日期" = { fill = "date" }
            "巡查时长(分钟)" = { fill = "integer", min = 0, max = 1440 }
            [tables.events]
            rows_per_worker = [0, 4]
            [tables.events.columns]
            "事件编号" = { fill = "sequence", prefix = "S,{month}\\"", width = 2, start = 98 }
            "上报时间" = { fill = "datetime", hours = [0, 24], seconds = 1 }
            "事件类型" = { fill = "roster", column = "村(社区)" }
            "核查结果" = "有效"
            [tables.phone_checks]
            rows_per_worker = [1, 1]
            diligence_scales_rows = false
            [tables.phone_checks.columns]
            "抽查编号" = { fill = "sequence" }
            "抽查时间" = { fill = "datetime" }
            "抽查层级" = { fill = "pick", values = ["镇", "省"] }
            "是否接听" = { fill = "const", value = "否" }
            [tables.training]
            sessions = [31, 33]
            [tables.training.columns]
            "培训编号" = { fill = "session", prefix = "P\\"" }
            "培训日期" = { fill = "date" }
            "出勤" = { fill = "choice", weights = [["出席", 0], ["缺席", 1]], low_diligence_weights = [["缺席", 0], ["出席", 1]] }
            [tables.visits.columns]
            "走访编号" = { fill = "sequence", prefix = "V" }
            "走访日期" = { fill = "date" }
            [[tables.visits.batches]]
            rows_per_worker = [0, 0]
            plus = "重点人员数"
            set = { "走访类型" = "重点人员走访" }
            [[tables.visits.batches]]
            rows_per_worker = 1
            diligence_scales_rows = false
            columns = { "走访编号" = { fill = "sequence", prefix = "W" }, "走访类型" = { fill = "pick", values = ["房屋排查"] } }
            """
        let plan: GenerationPlan
        switch ShapeLoader.compile(shapeText: shape, shapeFile: "unusual.toml", rules: try rules()) {
        case .success(let p): plan = p
        case .failure(let f): return XCTFail(f.description)
        }
        let dir = try tempFolder()
        _ = try Datagen.generate(plan, GenerateOptions(workers: 20, lastMonth: Self.october, seed: 3, outputDir: dir))
        var request = RunRequest(town: "qinghe", period: Self.october)
        request.rulesDir = Self.rulesDir
        request.inputDir = dir
        switch MonthRunner.prepare(request) {
        case .success(let m):
            XCTAssertEqual(m.inputs.problems.filter { $0.kind != .history }.map(\.message), [])
            XCTAssertEqual(m.report.workers.count, 20)
            let first = m.report.workers.first { $0.id == "Q\"H,000001" }
            XCTAssertEqual(first?.group, "G,01\"01")
            XCTAssertTrue(first?.unit.hasPrefix("东\"关") == true, first?.unit ?? "no worker Q\"H,000001")
        case .failure(let f):
            XCTFail(f.diagnostics.map(\.description).joined(separator: "\n"))
        }
        let d = "\(dir)/qinghe/2026-10"
        let events = try Data(contentsOf: URL(fileURLWithPath: "\(d)/events.csv"))
        XCTAssertEqual(Array(events.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(String(decoding: events, as: UTF8.self).contains("\r\n\"S,202610\"\"98\",\"Q\"\"H,000001\","))
        let roster = try Data(contentsOf: URL(fileURLWithPath: "\(d)/roster.csv"))
        XCTAssertNotEqual(roster.first, 0xEF)
        XCTAssertFalse(roster.contains(13))
        let training = try readCSV("\(d)/training.csv").rows
        XCTAssertTrue([31 * 20, 32 * 20, 33 * 20].contains(training.count))
        XCTAssertGreaterThan(Set(training.map { $0[1] }).count, 20, "a date per row, not per session")
    }

    // MARK: shape files are checked against the rule file

    func rules() throws -> RuleSet {
        let path = Self.packageRoot.appendingPathComponent("Rules/qinghe.toml").path
        switch RuleLoader.load(text: try String(contentsOfFile: path, encoding: .utf8), file: "qinghe.toml") {
        case .success(let r): return r
        case .failure(let f): throw DatagenFailure(diagnostics: f.diagnostics)
        }
    }

    /// The shipped shape with one line replaced; the errors it gives.
    func errors(replacing old: String, with new: String, _ more: (String, String)...) throws -> [String] {
        var text = try String(contentsOfFile: Self.shapePath, encoding: .utf8)
        for (o, n) in [(old, new)] + more {
            XCTAssertTrue(text.contains(o), "the shape has no \(o)")
            text = text.replacingOccurrences(of: o, with: n)
        }
        switch ShapeLoader.compile(shapeText: text, shapeFile: "shape.toml", rules: try rules()) {
        case .success: return []
        case .failure(let f): return f.diagnostics.map(\.description)
        }
    }

    func line(of needle: String) throws -> Int {
        let text = try String(contentsOfFile: Self.shapePath, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    func testShippedShapeIsValid() throws {
        XCTAssertEqual(try errors(replacing: "[workers]", with: "[workers]"), [])
    }

    func testUnknownColumnIsReportedAtItsLineWithASuggestion() throws {
        let l = try line(of: "\"日期\" = { fill = \"date\" }")
        let e = try errors(replacing: "\"日期\" = { fill = \"date\" }", with: "\"日其\" = { fill = \"date\" }")
        XCTAssertEqual(e.count, 2, e.joined(separator: "\n"))
        XCTAssertTrue(e.contains { $0.hasPrefix("shape.toml:\(l):1: error: table 'patrol' (patrol.csv: 网格员编号, 日期, 巡查时长(分钟)) has no column '日其'; did you mean '日期'?") }, e.joined(separator: "\n"))
        XCTAssertTrue(e.contains { $0.contains("column '日期' of table 'patrol' has no fill") }, e.joined(separator: "\n"))
    }

    func testChoiceValueOutsideTheRuleFilesValues() throws {
        let e = try errors(replacing: "[\"无效\", 3]]", with: "[\"无校\", 3]]")
        XCTAssertEqual(e.count, 1, e.joined(separator: "\n"))
        XCTAssertTrue(e[0].contains("'无校' is not one of the column's values 有效 / 无效; did you mean '无效'?"), e[0])
    }

    func testUniquenessTheShapeCannotGuarantee() throws {
        let e = try errors(replacing: "\"事件编号\" = { fill = \"sequence\", prefix = \"SJ{month}-\", width = 7 }",
                           with: "\"事件编号\" = { fill = \"pick\", values = [\"E1\", \"E2\"] }")
        XCTAssertEqual(e.count, 1, e.joined(separator: "\n"))
        XCTAssertTrue(e[0].contains("declares 事件编号 unique in table 'events'"), e[0])
    }

    func testFillsMustFitTheColumnType() throws {
        var e = try errors(replacing: "max = 460, places = 1", with: "max = 1500, places = 1")
        XCTAssertTrue(e.count == 1 && e[0].contains("1500 is above the column's maximum 1440"), e.joined(separator: "\n"))
        e = try errors(replacing: "[\"1800.00\", 3]", with: "[\"1800.001\", 3]")
        XCTAssertTrue(e.count == 1 && e[0].contains("'1800.001' has more than 2 decimals"), e.joined(separator: "\n"))
        e = try errors(replacing: "\"日期\" = { fill = \"date\" }", with: "\"日期\" = { fill = \"datetime\" }")
        XCTAssertTrue(e.count == 1 && e[0].contains("fill 'datetime' writes times"), e.joined(separator: "\n"))
        e = try errors(replacing: "{ fill = \"session_date\" }", with: "{ fill = \"sesion_date\" }")
        XCTAssertTrue(e.count == 1 && e[0].contains("unknown fill 'sesion_date'; did you mean 'session_date'?"), e.joined(separator: "\n"))
    }

    func testEveryTableOfTheRuleFileNeedsAShape() throws {
        let e = try errors(replacing: "[tables.training]\n", with: "[tables.trainings]\n",
                           ("[tables.training.columns]", "[tables.trainings.columns]"))
        XCTAssertEqual(e.count, 2, e.joined(separator: "\n"))
        XCTAssertTrue(e.contains { $0.contains("declares no table 'trainings'; did you mean 'training'?") }, e.joined(separator: "\n"))
        XCTAssertTrue(e.contains { $0.contains("the shape says nothing about table 'training'") }, e.joined(separator: "\n"))
    }
}
