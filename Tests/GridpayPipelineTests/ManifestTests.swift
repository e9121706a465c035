import GridpayHash
import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// The manifest is a Codable value written in one fixed layout: the bytes every earlier run wrote
/// (a closed period re-run or verified must give the SHA-256 the ledger recorded).
final class ManifestTests: XCTestCase {
    static let full = Manifest(
        program: "gridpay 0.1.0", town: "g", period: "2026-10",
        rules: .init(file: "g.toml", version: "1", effectiveFrom: "2026-01", sha256: "r1"),
        inputs: [.init(file: "marks.csv", sha256: "m1", bytes: 120, rows: 4, rowsUsed: 3, form: "CSV，UTF-8（无 BOM），逗号分隔，表头第 1 行"),
                 // Written before every file's form was recorded: read back without one.
                 .init(file: "roster.csv", sha256: "o1", bytes: 40, rows: 2, rowsUsed: 2)],
        history: [.init(period: "2026-08", rulesSHA256: "r0", inputs: [.init(file: "marks.csv", sha256: "m0"), .init(file: "roster.csv", sha256: "o0")])],
        historyPublished: [.init(period: "2026-09", source: "ledger", rulesSHA256: "r9")],
        correctionsCarried: ["2026-09"],
        historyIncomplete: [.init(period: "2026-07", reason: "a \"quoted\" reason\nover\ttwo lines\u{1}")],
        acceptedRows: ["marks.csv:3"], workers: 2,
        outputs: [.init(file: "g-2026-10.xlsx", sha256: "x1", bytes: 9000), .init(file: "g-2026-10-pay.csv", sha256: "p1", bytes: 300)])

    func testEveryFieldIsWrittenInTheFixedLayout() {
        XCTAssertEqual(Self.full.jsonText(), #"""
        {
          "program": "gridpay 0.1.0",
          "town": "g",
          "period": "2026-10",
          "rules": {"file": "g.toml", "version": "1", "effective_from": "2026-01", "sha256": "r1"},
          "inputs": [
            {"file": "marks.csv", "sha256": "m1", "bytes": 120, "rows": 4, "rows_used": 3, "form": "CSV，UTF-8（无 BOM），逗号分隔，表头第 1 行"},
            {"file": "roster.csv", "sha256": "o1", "bytes": 40, "rows": 2, "rows_used": 2}
          ],
          "history": [
            {"period": "2026-08", "rules_sha256": "r0", "inputs": [{"file": "marks.csv", "sha256": "m0"}, {"file": "roster.csv", "sha256": "o0"}]}
          ],
          "history_published": [{"period": "2026-09", "source": "ledger", "rules_sha256": "r9"}],
          "corrections_carried": ["2026-09"],
          "history_incomplete": [{"period": "2026-07", "reason": "a \"quoted\" reason\nover\ttwo lines\u0001"}],
          "accepted_rows": ["marks.csv:3"],
          "workers": 2,
          "outputs": [
            {"file": "g-2026-10.xlsx", "sha256": "x1", "bytes": 9000},
            {"file": "g-2026-10-pay.csv", "sha256": "p1", "bytes": 300}
          ]
        }

        """#)
    }

    func testTheTextReadsBackAsTheSameValue() throws {
        let text = Self.full.jsonText()
        XCTAssertEqual(try JSONDecoder().decode(Manifest.self, from: Data(text.utf8)), Self.full)
    }

    /// No closed period read and no correction carried: those two keys are left out, not empty;
    /// an empty history is an empty list on two lines.
    func testAbsentKeysAreLeftOut() throws {
        var m = Self.full
        m.history = []
        m.historyPublished = nil
        m.correctionsCarried = nil
        m.historyIncomplete = []
        m.acceptedRows = []
        let text = m.jsonText()
        XCTAssertFalse(text.contains("history_published"), text)
        XCTAssertFalse(text.contains("corrections_carried"), text)
        XCTAssertTrue(text.contains("\n  \"history\": [\n  ],\n  \"history_incomplete\": [],\n  \"accepted_rows\": [],\n"), text)
        XCTAssertEqual(try JSONDecoder().decode(Manifest.self, from: Data(text.utf8)), m)
    }

    /// A run's manifest: what it read and wrote, each output's size and SHA-256 as on disk.
    func testARunsManifestNamesItsInputsAndOutputs() throws {
        let tmp = TemporaryFolder()
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(),
                             months: ["2026-07": ("A,甲,村一,G1\nB,乙,村一,G1\n", "1,A,2026-07-01,80,否\n2,B,2026-07-02,95,否\n")])
        guard case .success(let r) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026-07")) else { return XCTFail("must run") }
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(r.directory)/g-2026-07-manifest.json"))
        let m = try JSONDecoder().decode(Manifest.self, from: data)
        XCTAssertEqual(m.jsonText(), String(decoding: data, as: UTF8.self))
        XCTAssertEqual([m.town, m.period, m.rules.file, m.rules.version], ["g", "2026-07", "g.toml", "1"])
        // roster: header + 2 rows → 2 data rows; marks: 2 rows, both counted.
        XCTAssertEqual(m.inputs.map { [$0.file, "\($0.rows)", "\($0.rowsUsed)"] }, [["marks.csv", "2", "2"], ["roster.csv", "2", "2"]])
        XCTAssertEqual(m.workers, 2)
        XCTAssertEqual(m.outputs.map(\.file), ["g-2026-07.xlsx", "g-2026-07-pay.csv"])
        for o in m.outputs {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(r.directory)/\(o.file)"))
            XCTAssertEqual(o.bytes, bytes.count, o.file)
            XCTAssertEqual(o.sha256, try FileDigest.file("\(r.directory)/\(o.file)").0, o.file)
        }
    }

    /// SPEC §16: every input of every run records the form it was read in, a plain CSV file too,
    /// in the manifest and in 说明's input line, with the byte-order mark as found.
    func testAPlainCSVsFormIsRecordedInTheManifestAndAbout() throws {
        let tmp = TemporaryFolder()
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(),
                             months: ["2026-07": ("A,甲,村一,G1\nB,乙,村一,G1\n", "1,A,2026-07-01,80,否\n2,B,2026-07-02,95,否\n")])
        let roster = "\(tmp.path)/Input/g/2026-07/roster.csv"
        try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: URL(fileURLWithPath: roster))).write(to: URL(fileURLWithPath: roster))
        guard case .success(let r) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026-07")) else { return XCTFail("must run") }
        let plain = "CSV，UTF-8（无 BOM），逗号分隔，表头第 1 行", marked = "CSV，UTF-8（带 BOM），逗号分隔，表头第 1 行"
        let text = try String(contentsOfFile: "\(r.directory)/g-2026-07-manifest.json", encoding: .utf8)
        var about: [String: String] = [:]
        let book = try WorkbookReader(path: "\(r.directory)/g-2026-07.xlsx")
        for row in (1...40).map({ book.row("说明", $0) }) where row.count == 2 { about[row[0]] = row[1] }
        for (file, rows, form) in [("marks.csv", 2, plain), ("roster.csv", 2, marked)] {
            let (sha256, bytes) = try FileDigest.file("\(tmp.path)/Input/g/2026-07/\(file)")
            XCTAssertTrue(text.contains("\n    {\"file\": \"\(file)\", \"sha256\": \"\(sha256)\", \"bytes\": \(bytes), \"rows\": \(rows), \"rows_used\": \(rows), \"form\": \"\(form)\"}"), text)
            XCTAssertEqual(about["输入 \(file)"], "SHA-256 \(sha256)；\(bytes) 字节；数据行 \(rows)，计入 \(rows)；读取形式：\(form)")
        }
        // The roster's mark is three bytes more than the text.
        XCTAssertEqual(try FileDigest.file(roster).1, Data((GradedTown.rosterHeader + "A,甲,村一,G1\nB,乙,村一,G1\n").utf8).count + 3)
    }
}
