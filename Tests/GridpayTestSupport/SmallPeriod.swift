import Foundation
import GridpayCore

/// The package root, from this file's path (Tests/GridpayTestSupport/…).
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

public final class TemporaryFolder {
    public let path: String
    public init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("gridpay-tests-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Small periods cut from the samples for the fuzz tests: the first `keep` workers of the last
/// month's roster and their rows.
public enum SmallPeriod {
    public static let keep = 6

    /// Each month folder's CSV files, keyed `YYYY-MM/<file>`, with the last month's roster's first
    /// `keep` workers and the rows that name one of them in some column.
    public static func files(town: String, months: [String]) throws -> [String: [UInt8]] {
        // Lines split on the bytes: some samples end lines with CRLF, one Character that a split
        // of the text at "\n" would not see.
        func lines(_ path: String) throws -> [ArraySlice<UInt8>] {
            CSVMutation.lines(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        func fields(_ line: ArraySlice<UInt8>) -> [String] {
            String(decoding: line, as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
                .replacingOccurrences(of: "\r", with: "").components(separatedBy: ",")
        }
        let last = try lines("\(packageRoot)/Input/\(town)/\(months.last!)/roster.csv")
        let kept = Set(last[1...keep].map { fields($0)[0] })
        var files: [String: [UInt8]] = [:]
        for month in months {
            let dir = "\(packageRoot)/Input/\(town)/\(month)"
            for name in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".csv") }) {
                let all = try lines("\(dir)/\(name)")
                let rows = all.dropFirst().filter { !kept.isDisjoint(with: fields($0)) }
                files["\(month)/\(name)"] = CSVMutation.join([all[0]] + rows) + [10]
            }
        }
        return files
    }

    public static func write(_ files: [String: [UInt8]], townDir: String) throws {
        for (name, bytes) in files {
            let path = "\(townDir)/\(name)"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
    }

    /// Every file under `dir` (relative path → bytes).
    public static func snapshot(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walk = FileManager.default.enumerator(atPath: dir) else { return out }
        for case let path as String in walk {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(dir)/\(path)", isDirectory: &isDir), !isDir.boolValue {
                out[path] = FileManager.default.contents(atPath: "\(dir)/\(path)") ?? Data()
            } else { out[path + "/"] = Data() }
        }
        return out
    }

    /// Lines of a file as a reader may count them: ends LF, CRLF or a lone CR.
    public static func lineCount(_ b: [UInt8]) -> Int {
        var n = 1
        for (i, c) in b.enumerated() where c == 10 || (c == 13 && (i + 1 == b.count || b[i + 1] != 10)) { n += 1 }
        return n
    }

    /// nil when the diagnostic points inside the file it names (or names no file), else why not.
    public static func problem(_ d: Diagnostic, files: [String: [UInt8]], townDir: String) -> String? {
        if d.message.isEmpty { return "empty message" }
        guard let loc = d.location else { return nil }
        guard loc.file.hasPrefix(townDir + "/"), let bytes = files[String(loc.file.dropFirst(townDir.count + 1))] else {
            return loc.file.hasSuffix(".toml") ? nil : "names a file that was not read"
        }
        let lines = lineCount(bytes)
        if loc.line < 1 || loc.line > lines { return "line \(loc.line) outside 1...\(lines)" }
        var fields = 1
        for line in CSVMutation.lines(bytes) { fields = max(fields, line.filter { byte in byte == 44 }.count + 1) }
        if loc.column < 1 || loc.column > fields + 1 { return "column \(loc.column) outside 1...\(fields + 1)" }
        return nil
    }
}
