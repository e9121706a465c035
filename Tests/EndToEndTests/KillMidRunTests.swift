import Foundation
import XCTest

/// "A kill at any instant leaves either the old outputs or the new ones": the built binary is
/// killed with SIGKILL at sixteen instants spread over a run (from before it reads anything to
/// after it has published), alternating between two input sets whose outputs differ. After each
/// kill every output file is whole (byte-equal to one of the two runs' versions); a mix of old and
/// new files is allowed only while the publishing journal is there, and the next run finishes it.
final class KillMidRunTests: XCTestCase {
    typealias Runner = BinaryRunner
    static let town = "kangning", period = "2026-10"
    static let outputs = ["kangning-2026-10.xlsx", "kangning-2026-10-pay.csv", "kangning-2026-10-manifest.json"]

    func read(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for name in Self.outputs { out[name] = FileManager.default.contents(atPath: "\(dir)/\(name)") }
        return out
    }

    func run(_ input: String, _ output: String) throws -> BinaryRunner.Output {
        try Runner.runMonth(inputDir: input, outputDir: output, town: Self.town, month: Self.period)
    }

    func testAKillAtAnyInstantLeavesOldOrNewOutputsAndTheNextRunFinishesThem() throws {
        let root = try Runner.TempFolder(prefix: "gridpay-kill")
        let fm = FileManager.default
        let sample = Runner.packageRoot.appendingPathComponent("Input/\(Self.town)/\(Self.period)").path
        var inputs: [String] = []
        for variant in ["A", "B"] {
            let dir = root.path("\(variant)/\(Self.town)/\(Self.period)")
            try fm.createDirectory(atPath: (dir as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try fm.copyItem(atPath: sample, toPath: dir)
            inputs.append(root.path(variant))
        }
        // B: the last service row removed, so a team's 工作量 and everyone's pay in it change.
        let services = "\(inputs[1])/\(Self.town)/\(Self.period)/services.csv"
        var lines = try String(contentsOfFile: services, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        lines.removeLast()
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: services))
        var reference: [[String: Data]] = []
        for (k, input) in inputs.enumerated() {
            let out = root.path("ref\(k)")
            XCTAssertEqual(try run(input, out).status, 0)
            reference.append(read("\(out)/\(Self.town)/\(Self.period)"))
        }
        XCTAssertNotEqual(reference[0][Self.outputs[1]], reference[1][Self.outputs[1]], "the two input sets must pay differently")

        let out = root.path("out"), folder = "\(out)/\(Self.town)/\(Self.period)"
        XCTAssertEqual(try run(inputs[0], out).status, 0)
        let start = Date()
        XCTAssertEqual(try run(inputs[1], out).status, 0)
        let duration = Date().timeIntervalSince(start)
        let instants = 16
        for i in 0..<instants {
            let next = i % 2  // outputs are now those of 1 − next
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Runner.binaryPath)
            p.arguments = ["run", Self.town, Self.period, "--rules-dir", Runner.rulesDir, "--input-dir", inputs[next], "--output-dir", out, "--quiet"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(duration * 1.1 * Double(i) / Double(instants) * 1_000_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let after = read(folder)
            for name in Self.outputs {
                XCTAssertTrue(after[name] != nil && (after[name] == reference[0][name] || after[name] == reference[1][name]),
                              "after a kill at instant \(i), \(name) is neither the old nor the new version")
            }
            let whole = after == reference[0] || after == reference[1]
            XCTAssertTrue(whole || fm.fileExists(atPath: "\(folder)/.gridpay-publishing"),
                          "after a kill at instant \(i) old and new outputs are mixed and no journal says so")
            // The next run (not killed) leaves exactly its own outputs, and nothing of killed runs.
            let r = try run(inputs[next], out)
            XCTAssertEqual(r.status, 0, r.transcript)
            XCTAssertEqual(read(folder), reference[next], "instant \(i)")
            XCTAssertEqual(try fm.contentsOfDirectory(atPath: folder).sorted(), [".gridpay-lock"] + Self.outputs.sorted(), "instant \(i)")
        }
    }
}
