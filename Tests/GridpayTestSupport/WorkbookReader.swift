import Foundation
import ZIPFoundation

/// Reads a written workbook back: every XML part, and each sheet's cells by row and column.
public struct WorkbookReader {
    public enum Cell: Equatable, CustomStringConvertible {
        case number(String)   // the <v> text exactly as written
        case text(String)
        public var description: String {
            switch self {
            case .number(let v): return v
            case .text(let t): return t
            }
        }
    }

    public let parts: [String: Data]
    /// Sheet name → rows (0-based) → columns (0-based) → cell.
    public let sheets: [String: [Int: [Int: Cell]]]
    public let sheetOrder: [String]

    public init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        self.parts = parts
        let workbook = String(decoding: parts["xl/workbook.xml"] ?? Data(), as: UTF8.self)
        let names = WorkbookReader.matches(#"<sheet name="([^"]*)""#, in: workbook).map { WorkbookReader.unescape($0[0]) }
        sheetOrder = names
        var sheets: [String: [Int: [Int: Cell]]] = [:]
        for (i, name) in names.enumerated() {
            let xml = String(decoding: parts["xl/worksheets/sheet\(i + 1).xml"] ?? Data(), as: UTF8.self)
            var rows: [Int: [Int: Cell]] = [:]
            for m in WorkbookReader.matches(#"<c r="([A-Z]+)([0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)"#, in: xml) {
                let col = m[0].unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
                let row = Int(m[1])! - 1
                let attrs = m[2], body = m[3]
                if attrs.contains(#"t="inlineStr""#) {
                    let t = WorkbookReader.matches(#"<t[^>]*>(.*?)</t>"#, in: body).map { $0[0] }.joined()
                    rows[row, default: [:]][col] = .text(WorkbookReader.unescape(t))
                } else if let v = WorkbookReader.matches(#"<v>(.*?)</v>"#, in: body).first {
                    rows[row, default: [:]][col] = .number(v[0])
                }
            }
            sheets[name] = rows
        }
        self.sheets = sheets
    }

    public func text(_ part: String) -> String { String(decoding: parts[part] ?? Data(), as: UTF8.self) }

    public func row(_ sheet: String, _ r: Int) -> [String] {
        guard let cells = sheets[sheet]?[r], let last = cells.keys.max() else { return [] }
        return (0...last).map { cells[$0]?.description ?? "" }
    }

    public static func matches(_ pattern: String, in text: String) -> [[String]] {
        let re = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { i in
                let r = m.range(at: i)
                return r.location == NSNotFound ? "" : ns.substring(with: r)
            }
        }
    }

    public static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

