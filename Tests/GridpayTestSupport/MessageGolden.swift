import Foundation
import XCTest
import GridpayCore

/// A catalogue's messages in both languages, each shown by a sample call and compared with a
/// golden file `<test target>/Messages/<catalogue>.txt` (blocks `## <function>`, then
/// `en: …` and `zh: …`), for catalogues whose messages have no fixture of their own. Every message
/// function of the catalogue must have a sample, so a new message needs one (and its two texts in
/// the golden). Re-record with GRIDPAY_RECORD_GOLDEN=1, then read the diff.
public enum MessageGolden {
    /// `catalogue`: the path under Sources/; `samples`: a call per function name; the golden is in
    /// the folder Messages/ of the calling test's target (`file`).
    public static func check(_ catalogue: String, _ samples: [String: () -> String], file: StaticString = #filePath, line: UInt = #line) throws {
        var target = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        while target.deletingLastPathComponent().lastPathComponent != "Tests", target.path != "/" { target.deleteLastPathComponent() }
        let folder = target.appendingPathComponent("Messages")
        let functions = try CatalogueSource.read(catalogue).functions.map(\.name)
        let missing = functions.filter { samples[$0] == nil }
        XCTAssertEqual(missing, [], "message functions of \(catalogue) without a sample call", file: file, line: line)
        XCTAssertEqual(Set(samples.keys).subtracting(functions).sorted(), [], "samples naming no function of \(catalogue)", file: file, line: line)
        var text = ""
        for name in functions.sorted() {
            guard let sample = samples[name] else { continue }
            let en = Language.with(.en) { sample() }, zh = Language.with(.zh) { sample() }
            text += "## \(name)\nen: \(en)\nzh: \(zh)\n"
        }
        let golden = folder.appendingPathComponent(URL(fileURLWithPath: catalogue).deletingPathExtension().lastPathComponent + ".txt")
        if ProcessInfo.processInfo.environment["GRIDPAY_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOf: golden, encoding: .utf8)) ?? ""
        let got = text.components(separatedBy: "\n"), want = expected.components(separatedBy: "\n")
        for (k, pair) in zip(got, want).enumerated() where pair.0 != pair.1 {
            XCTFail("\(golden.path):\(k + 1)\nexpected: \(pair.1)\n     got: \(pair.0)", file: file, line: line)
            return
        }
        XCTAssertEqual(got.count, want.count, "\(golden.path): line count (GRIDPAY_RECORD_GOLDEN=1 re-records)", file: file, line: line)
    }
}
