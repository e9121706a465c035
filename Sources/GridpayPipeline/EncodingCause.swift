import Foundation
import GridpayCore
import GridpayCSV

/// A CSV file in another encoding than its table declares (SPEC §15, §16): a GBK export where the
/// rule file reads UTF-8, a UTF-8 one where it declares GB18030, a UTF-16 one. Looked for only
/// where the file failed in its declared encoding (or its header lacks declared columns): the
/// file is read again in the other encodings, and the first it reads whole in is the one it is
/// in, with its rows (all unread) and the lines whose text the declared encoding misreads.
enum EncodingCause {
    /// The cause, where the file at `path` reads whole in another encoding; `file`: as rows name it.
    static func find(path: String, spec: TableSpec, file: String) -> FileLevelCause? {
        guard spec.form.format == .csv else { return nil }
        for found in candidates(path: path, declared: spec.encoding) {
            guard let scan = try? Scan(path: path, encoding: found, spec: spec), scan.text.count > 0 else { continue }
            return FileLevelCause(file: file, encoding: found, declared: spec.encoding, table: spec.name, rows: scan.rows, textLines: scan.text)
        }
        return nil
    }

    /// Whether a read error is one of encoding: the bytes are not the declared encoding's.
    static func isEncoding(_ error: CSVReadError) -> Bool {
        switch error {
        case .notUTF8, .notGB18030, .notUTF16, .noByteOrderMark: return true
        default: return false
        }
    }

    /// UTF-16 where the file starts with its byte-order mark; else UTF-8 and GB18030, the declared
    /// one left out. (Text without a mark is never read as UTF-16, SPEC §16.)
    static func candidates(path: String, declared: InputEncoding) -> [InputEncoding] {
        var mark = [UInt8](repeating: 0, count: 2)
        let got = mark.withUnsafeMutableBytes { b -> Int in
            guard let f = fopen(path, "rb") else { return 0 }
            defer { fclose(f) }
            return fread(b.baseAddress, 1, 2, f)
        }
        if got == 2, mark == [0xFF, 0xFE] || mark == [0xFE, 0xFF] { return declared == .utf16 ? [] : [.utf16] }
        return [InputEncoding.utf8, .gb18030].filter { $0 != declared }
    }

    /// One pass over the file in an encoding: the rows' lines (below the header, a last totals
    /// row left out) and the lines holding text other than ASCII (every line, for UTF-16).
    struct Scan {
        var rows = LineSet()
        var text = LineSet()

        init(path: String, encoding: InputEncoding, spec: TableSpec) throws {
            let reader = try CSVReader(path: path, encoding: encoding.csvEncoding, delimiter: spec.form.delimiter)
            let totals = spec.form.totalsRow.map { Array($0.utf8) }
            var headerSeen = false, heldTotals: Int?, sawNUL = false
            var rows = LineSet(), text = LineSet()
            try reader.forEachRawRecord { record in
                // No export holds a NUL: text with one is not in this encoding (UTF-16 without its
                // mark reads "whole" as UTF-8 or GB18030, every other byte a NUL).
                if (0..<record.count).contains(where: { i in record.field(i).contains(0) }) { sawNUL = true }
                guard record.line >= spec.form.headerRow else { return }
                if encoding == .utf16 || (0..<record.count).contains(where: { i in record.field(i).contains { byte in byte >= 0x80 } }) { text.insert(record.line) }
                guard headerSeen else { headerSeen = true; return }
                if let held = heldTotals { rows.insert(held); heldTotals = nil }
                if let totals, record.count > 0, Array(record.field(0)) == totals {
                    heldTotals = record.line
                } else {
                    rows.insert(record.line)
                }
            }
            if sawNUL { throw NotThisEncoding() }
            self.rows = rows
            self.text = text
        }
    }

    struct NotThisEncoding: Error {}
}
