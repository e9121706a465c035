import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// Each XML part of the sample month's workbook against a golden copy in Golden/qinghe-2026-10/.
/// Re-record after an intended change with GRIDPAY_RECORD_GOLDEN=1 (then review the diff);
/// a missing golden file fails the test.
final class WorkbookGoldenTests: XCTestCase {
    func testEveryPartMatchesItsGoldenCopy() throws {
        let tmp = TemporaryFolder()
        let request = TestTown.sample("qinghe", "2026-10", output: tmp.path)
        guard case .success(let result) = MonthRunner.run(request) else { return XCTFail("run failed") }
        let book = try WorkbookReader(path: "\(result.directory)/qinghe-2026-10.xlsx")
        let goldenDir = "\(packageRoot)/Tests/GridpayPipelineTests/Golden/qinghe-2026-10"
        let record = ProcessInfo.processInfo.environment["GRIDPAY_RECORD_GOLDEN"] == "1"
        let fm = FileManager.default
        XCTAssertGreaterThanOrEqual(book.parts.count, 10)
        for (name, data) in book.parts.sorted(by: { $0.key < $1.key }) {
            let golden = "\(goldenDir)/\(name)"
            if record {
                try fm.createDirectory(atPath: (golden as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                fm.createFile(atPath: golden, contents: data)
                continue
            }
            guard let expected = fm.contents(atPath: golden) else {
                XCTFail("no golden copy of \(name) at \(golden); record with GRIDPAY_RECORD_GOLDEN=1")
                continue
            }
            XCTAssertEqual(String(decoding: data, as: UTF8.self), String(decoding: expected, as: UTF8.self), "part \(name) differs from its golden copy")
        }
        // A golden part the workbook no longer has is a difference too.
        if !record, let enumerator = fm.enumerator(atPath: goldenDir) {
            for case let rel as String in enumerator where !rel.hasSuffix("/") {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: "\(goldenDir)/\(rel)", isDirectory: &isDir), !isDir.boolValue {
                    XCTAssertNotNil(book.parts[rel], "golden part \(rel) is missing from the workbook")
                }
            }
        }
    }

    /// Goldens re-recorded under the same program version fail here too (OutputVersionTests): outputs
    /// that differ carry another version. Runs after the parts are compared or recorded.
    func testTheProgramVersionFollowsTheGoldens() throws {
        try OutputVersionTests.checkRecord()
    }
}
