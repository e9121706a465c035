import XCTest
@testable import GridpayCore

/// UniqueKeys: where a file's keys are compared (spilled, shared with the table's other files,
/// or in memory), and a key used twice reported at its second row naming the first.
final class UniqueKeysTests: XCTestCase {
    static let tables = """
        [tables.faults]
        file = "faults.csv"
        worker = "编号"
        unique = ["单号", ["编号", "日期"]]
        columns = [
          { name = "单号", type = "id" },
          { name = "编号", type = "id" },
          { name = "日期", type = "date" },
        ]
        """

    final class Sink: UniqueKeySink {
        var added: [String] = []
        func add(key: Int, hash: UInt64, line: Int) { added.append("\(key):\(String(hash, radix: 16)):\(line)") }
    }

    func spec(file: String = "faults.csv") throws -> TableSpec {
        var s = try IngestFixture(tables: Self.tables, roster: [["W1", "甲", "东", "G1", "100"]]).spec("faults")
        s.file = file
        return s
    }

    func check(_ keys: UniqueKeys, _ cells: [String], line: Int) -> Bool {
        var unique = false
        withRecord(cells, line: line) { unique = keys.check($0, fieldOf: [0, 1, 2], line: line) }
        return unique
    }

    func testTheStrategyIsChosenOncePerFile() {
        let sink = Sink(), shared = QuarterKeys()
        func name(_ s: UniqueKeys.Strategy) -> String {
            switch s {
            case .spilled: return "spilled"
            case .shared: return "shared"
            case .inMemory: return "inMemory"
            }
        }
        XCTAssertEqual(name(UniqueKeys.strategy(sink: sink, shared: shared, isRoster: false, inQuarter: true)), "spilled")
        XCTAssertEqual(name(UniqueKeys.strategy(sink: sink, shared: nil, isRoster: true, inQuarter: false)), "inMemory", "a roster is never spilled")
        XCTAssertEqual(name(UniqueKeys.strategy(sink: nil, shared: shared, isRoster: false, inQuarter: true)), "shared")
        XCTAssertEqual(name(UniqueKeys.strategy(sink: nil, shared: shared, isRoster: true, inQuarter: false)), "shared", "a pattern's roster files")
        XCTAssertEqual(name(UniqueKeys.strategy(sink: nil, shared: shared, isRoster: true, inQuarter: true)), "inMemory", "each month's roster alone")
        XCTAssertEqual(name(UniqueKeys.strategy(sink: nil, shared: nil, isRoster: false, inQuarter: false)), "inMemory")
    }

    func testASecondUseIsReportedAtItsRowNamingTheFirst() throws {
        let log = FileProblems(file: "faults.csv", isRoster: false, acceptedLines: [])
        let keys = UniqueKeys(spec: try spec(), strategy: .inMemory, period: nil, problems: log)
        XCTAssertTrue(check(keys, ["F1", "W1", "2026-10-01"], line: 2))
        XCTAssertTrue(check(keys, ["F2", "W1", "2026-10-02"], line: 3))
        XCTAssertFalse(check(keys, ["F1", "W1", "2026-10-02"], line: 4))
        XCTAssertEqual(IngestFixture.described(log.list), [
            "4:1 duplicateKey duplicate 单号 'F1': already used at line 2; expected each to appear once",
            "4:2 duplicateKey duplicate 编号 + 日期 'W1, 2026-10-02': already used at line 3; expected each to appear once",
        ])
        XCTAssertEqual(log.list.map(\.columnName), ["单号", "编号 + 日期"])
    }

    /// ("ab", "c") and ("a", "bc") are two keys.
    func testCellsOfAKeyAreNotRunTogether() throws {
        let log = FileProblems(file: "faults.csv", isRoster: false, acceptedLines: [])
        let keys = UniqueKeys(spec: try spec(), strategy: .inMemory, period: nil, problems: log)
        XCTAssertTrue(check(keys, ["F1", "W12", "026-10-01"], line: 2))
        XCTAssertTrue(check(keys, ["F2", "W1", "2026-10-01"], line: 3))
        XCTAssertEqual(log.list.count, 0)
    }

    func testAQuartersMonthsShareTheirKeys() throws {
        let shared = QuarterKeys()
        let july = FileProblems(file: "2026-07/faults.csv", isRoster: false, acceptedLines: [])
        let august = FileProblems(file: "2026-08/faults.csv", isRoster: false, acceptedLines: [])
        let first = UniqueKeys(spec: try spec(file: "2026-07/faults.csv"), strategy: .shared(shared), period: .quarter, problems: july)
        let second = UniqueKeys(spec: try spec(file: "2026-08/faults.csv"), strategy: .shared(shared), period: .quarter, problems: august)
        XCTAssertTrue(check(first, ["F1", "W1", "2026-07-01"], line: 2))
        XCTAssertFalse(check(first, ["F1", "W1", "2026-07-02"], line: 3))
        XCTAssertFalse(check(second, ["F1", "W1", "2026-08-01"], line: 2))
        XCTAssertEqual(IngestFixture.described(july.list), [
            "3:1 duplicateKey duplicate 单号 'F1': already used at line 2; expected each to appear once in the quarter",
        ])
        XCTAssertEqual(IngestFixture.described(august.list), [
            "2:1 duplicateKey duplicate 单号 'F1': already used at 2026-07/faults.csv:2; expected each to appear once in the quarter",
        ])
    }

    /// Spilled keys go to the sink as FNV-1a hashes, duplicates confirmed later by the pipeline.
    func testSpilledKeysGoToTheSink() throws {
        let log = FileProblems(file: "faults.csv", isRoster: false, acceptedLines: [])
        let sink = Sink()
        let keys = UniqueKeys(spec: try spec(), strategy: .spilled(sink), period: nil, problems: log)
        XCTAssertTrue(check(keys, ["", "", ""], line: 2))
        XCTAssertTrue(check(keys, ["", "", ""], line: 3))
        // FNV-1a of no bytes, then the separator 0x1F: (0xcbf29ce484222325 ^ 0x1F) * 0x100000001b3 mod 2^64;
        // the pair adds a second separator.
        XCTAssertEqual(sink.added, ["0:af63d24c8601db8e:2", "1:879e907b5281763:2", "0:af63d24c8601db8e:3", "1:879e907b5281763:3"])
        XCTAssertEqual(log.list.count, 0)
    }
}
