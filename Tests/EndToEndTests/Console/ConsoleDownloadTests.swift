import Foundation
import GRDB
import XCTest

/// SPEC §14's downloads sent as they are read from disk, never whole in memory: a 20 MB output and
/// a 20 MB archived input arrive byte for byte, with their length, type and name; nothing outside
/// the town's folders is sent, whatever a link in them points at.
final class ConsoleDownloadTests: XCTestCase {
    /// Deterministic bytes of every value (not text: a file is sent as it is, whatever it holds).
    static func bytes(_ count: Int, seed: UInt64) -> Data {
        var state = seed, out = Data(capacity: count)
        while out.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            withUnsafeBytes(of: state.bigEndian) { out.append(contentsOf: $0) }
        }
        return out.prefix(count)
    }

    func testALargeOutputDownloadsByteForByteWithoutBeingHeldInMemory() throws {
        let h = try ConsoleHarness(towns: ["qinghe"])
        let folder = h.root.path("Output/qinghe/2026-08")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let large = Self.bytes(20 << 20, seed: 7)
        try large.write(to: URL(fileURLWithPath: "\(folder)/qinghe-2026-08.xlsx"))
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.start()
        let clerk = try h.signedIn("clerk")
        let before = try XCTUnwrap(h.serverPeakMemory())
        let download = try clerk.get("/api/towns/qinghe/periods/2026-08/outputs/qinghe-2026-08.xlsx")
        XCTAssertEqual(download.status, 200)
        XCTAssertEqual(download.body.count, large.count)
        XCTAssertTrue(download.body == large, "the download differs from the file")
        XCTAssertEqual(download.header("Content-Length"), "\(20 << 20)")
        XCTAssertEqual(download.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        XCTAssertEqual(download.header("Content-Disposition"), "attachment; filename=\"download\"; filename*=UTF-8''qinghe%2D2026%2D08%2Exlsx")
        XCTAssertEqual(download.header("X-Content-Type-Options"), "nosniff")
        // Read whole, the file and its copy raised the server's peak by 45 MB; sent in pieces, by
        // about 11 MB (the reading threads and the connection's buffers), the same for 100 MB.
        let growth = try XCTUnwrap(h.serverPeakMemory()) - before
        XCTAssertLessThan(growth, 20 << 20, "the server's peak memory grew by \(growth) bytes")
        // An empty output is an empty answer.
        try Data().write(to: URL(fileURLWithPath: "\(folder)/qinghe-2026-08-pay.csv"))
        let empty = try clerk.get("/api/towns/qinghe/periods/2026-08/outputs/qinghe-2026-08-pay.csv")
        XCTAssertEqual(empty.status, 200)
        XCTAssertEqual(empty.body, Data())
        XCTAssertEqual(empty.header("Content-Length"), "0")
    }

    func testNothingOutsideTheTownsFolderIsSentThroughALink() throws {
        let h = try ConsoleHarness(towns: ["qinghe", "jinshan"])
        let secret = h.root.path("secret.csv")
        try "工资,9999\n".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: h.root.path("Output/qinghe/2026-08"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: h.root.path("Output/jinshan/2026-08"), withIntermediateDirectories: true)
        try "jinshan\n".write(toFile: h.root.path("Output/jinshan/2026-08/jinshan-2026-08-pay.csv"), atomically: true, encoding: .utf8)
        let fm = FileManager.default
        // A link as the file, a link to another town's output, and a period folder that leads outside.
        try fm.createSymbolicLink(atPath: h.root.path("Output/qinghe/2026-08/qinghe-2026-08-pay.csv"), withDestinationPath: secret)
        try fm.createSymbolicLink(atPath: h.root.path("Output/qinghe/2026-08/qinghe-2026-08-manifest.json"),
                                  withDestinationPath: h.root.path("Output/jinshan/2026-08/jinshan-2026-08-pay.csv"))
        try fm.createDirectory(atPath: h.root.path("Elsewhere"), withIntermediateDirectories: true)
        try "工资,9999\n".write(toFile: h.root.path("Elsewhere/qinghe-2026-09-pay.csv"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: h.root.path("Output/qinghe/2026-09"), withDestinationPath: h.root.path("Elsewhere"))
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.start()
        let clerk = try h.signedIn("clerk")
        for path in ["2026-08/outputs/qinghe-2026-08-pay.csv", "2026-08/outputs/qinghe-2026-08-manifest.json", "2026-09/outputs/qinghe-2026-09-pay.csv"] {
            let r = try clerk.get("/api/towns/qinghe/periods/\(path)")
            XCTAssertEqual(r.status, 404, path)
            XCTAssertEqual(r.object["error"] as? String, "没有找到", path)
        }
    }

    func testALargeArchivedInputDownloadsByteForByte() throws {
        let h = try ConsoleHarness(towns: ["qinghe"])
        let source = BinaryRunner.packageRoot.appendingPathComponent("Input/qinghe/2026-08").path
        let input = h.root.path("Input/qinghe/2026-08")
        try FileManager.default.createDirectory(atPath: h.root.path("Input/qinghe"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: input)
        // patrol.csv with a remark column (not declared, so not read) of 2,700 letters a row: about 20 MB, 20 pieces of the archive.
        let lines = try String(contentsOfFile: "\(input)/patrol.csv", encoding: .utf8).split(separator: "\n")
        let remark = String(decoding: Self.bytes(2_700, seed: 3).map { UInt8(ascii: "a") + $0 % 26 }, as: UTF8.self)
        let patrol = Data(([lines[0] + ",备注"] + lines.dropFirst().map { $0 + "," + remark }).joined(separator: "\n").utf8 + [10])
        try patrol.write(to: URL(fileURLWithPath: "\(input)/patrol.csv"))
        XCTAssertGreaterThan(patrol.count, 20_000_000)
        let close = try h.gridpay(["close", "qinghe", "2026-08", "--by", "张三"] + h.folderArguments)
        XCTAssertEqual(close.status, 0, close.transcript)
        try h.addUser("auditor", roles: ["审计"], towns: ["qinghe"])
        try h.start()
        let auditor = try h.signedIn("auditor")
        let download = try auditor.get("/api/towns/qinghe/periods/2026-08/archive/file?name=patrol.csv")
        XCTAssertEqual(download.status, 200)
        XCTAssertEqual(download.body.count, patrol.count)
        XCTAssertTrue(download.body == patrol, "the download differs from the closed file")
        XCTAssertEqual(download.header("Content-Length"), "\(patrol.count)")
        XCTAssertEqual(download.header("Content-Type"), "application/octet-stream")
        XCTAssertEqual(download.header("Content-Disposition"), "attachment; filename=\"download\"; filename*=UTF-8''patrol%2Ecsv")
        // One byte of its second piece changed (by someone who dropped the ledger's trigger): said, not sent.
        let db = try DatabaseQueue(path: h.root.path("Ledger/qinghe.sqlite"))
        try db.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER archive_chunk_no_update")
            try db.execute(sql: """
                UPDATE archive_chunk SET data = X'00' || substr(data, 2)
                WHERE seq = 1 AND sha256 = (SELECT sha256 FROM archived_file WHERE file = 'patrol.csv')
                """)
            XCTAssertEqual(db.changesCount, 1)
        }
        try db.close()
        let damaged = try auditor.get("/api/towns/qinghe/periods/2026-08/archive/file?name=patrol.csv")
        XCTAssertEqual(damaged.status, 500)
        XCTAssertEqual(damaged.object["error"] as? String, "账本中 patrol.csv 的存档无法读取或已损坏；请系统管理员用 gridpay verify 检查账本")
    }
}

extension ConsoleHarness {
    /// The server process's peak resident memory so far (VmHWM), in bytes.
    func serverPeakMemory() -> Int? {
        guard let pid = process?.processIdentifier,
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kB * 1024
    }
}
