import GridpayCore

/// Shortens a run's warnings for the terminal: where one file has more than `shown` + 1 warnings with
/// the same message (a worker who left mid-quarter has one per row: seventy lines saying the same
/// thing), the first `shown` are printed and one line counts the rest and names their lines.
/// Errors are never shortened, and every warning stays listed in full in the workbook's 数据问题.
enum WarningDigest {
    static let shown = 3
    /// Line numbers named in a summary line before "…".
    static let linesNamed = 20

    static func digest(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        struct Key: Hashable { var file: String; var message: String }
        var total: [Key: Int] = [:]
        for d in diagnostics where d.severity == .warning {
            if let at = d.location { total[Key(file: at.file, message: d.message), default: 0] += 1 }
        }
        var seen: [Key: Int] = [:]
        var rest: [Key: [Int]] = [:]
        var out: [Diagnostic] = []
        var summaryAt: [Key: Int] = [:]
        for d in diagnostics {
            guard d.severity == .warning, let at = d.location else { out.append(d); continue }
            let key = Key(file: at.file, message: d.message)
            seen[key, default: 0] += 1
            // One row more than `shown` is printed too: a summary of one line saves nothing.
            if seen[key]! <= shown || total[key]! == shown + 1 { out.append(d); continue }
            if summaryAt[key] == nil {
                summaryAt[key] = out.count
                out.append(d)  // replaced below by the summary line
            }
            rest[key, default: []].append(at.line)
        }
        for (key, index) in summaryAt {
            let lines = rest[key]!
            let named = lines.prefix(linesNamed).map(String.init).joined(separator: ", ") + (lines.count > linesNamed ? ", …" : "")
            out[index] = .warning(CLIMessages.sameWarningRows(lines.count, file: key.file, lines: named),
                                  at: nil)
        }
        return out
    }
}
