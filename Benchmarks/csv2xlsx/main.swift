// gridpay-bench-csv2xlsx: a CSV export written again as an XLSX workbook, as a grid platform
// exports it (shared strings; numbers as number cells; YYYY-MM-DD and YYYY-MM-DD HH:MM[:SS] as
// date cells shown by a date format; the rest as text), for Benchmarks/xlsx.sh.
//
//     gridpay-bench-csv2xlsx <in.csv> <out.xlsx> [sheet name]
import Foundation
import GridpayCSV
import GridpayXLSX

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: gridpay-bench-csv2xlsx <in.csv> <out.xlsx> [sheet]\n".utf8))
    exit(2)
}

/// Days since 1899-12-30 of YYYY-MM-DD (Howard Hinnant's days-from-civil, shifted).
func serialDay(_ y: Int, _ m: Int, _ d: Int) -> Int {
    let yy = m <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468 + 25_569
}

/// A serial date (with its time as a fraction) where the text is a date or a date-time.
func serial(_ s: String) -> (Double, Bool)? {
    let u = Array(s.utf8)
    guard u.count == 10 || u.count == 16 || u.count == 19, u[4] == 45, u[7] == 45,
          let y = Int(String(s.prefix(4))), let m = Int(String(s.dropFirst(5).prefix(2))), let d = Int(String(s.dropFirst(8).prefix(2))) else { return nil }
    var value = Double(serialDay(y, m, d))
    guard u.count > 10 else { return (value, false) }
    guard u[10] == 32, let h = Int(String(s.dropFirst(11).prefix(2))), let mi = Int(String(s.dropFirst(14).prefix(2))) else { return nil }
    let sec = u.count == 19 ? Int(String(s.suffix(2))) ?? 0 : 0
    value += Double(h * 3600 + mi * 60 + sec) / 86_400
    return (value, true)
}

func isPlainNumber(_ s: String) -> Bool {
    guard !s.isEmpty, s.count <= 15 else { return false }
    let body = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
    guard let first = body.first, first.isNumber, !(body.count > 1 && first == "0" && !body.hasPrefix("0.")) else { return false }
    return body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && body.filter { $0 == "." }.count <= 1
}

do {
    let book = try XLSXWorkbook(path: args[2], createdAt: 1_790_000_000)
    let sheet = try book.addWorksheet(named: args.count > 3 ? args[3] : "Sheet1")
    let day = try book.format(XLSXFormatSpec(numberFormat: "yyyy-mm-dd"))
    let time = try book.format(XLSXFormatSpec(numberFormat: "yyyy-mm-dd hh:mm:ss"))
    var row = 0
    try CSVReader(path: args[1], encoding: .utf8).forEachRecord { record in
        for (c, cell) in record.fields.enumerated() where !cell.isEmpty {
            if row > 0, let (v, timed) = serial(cell) {
                try sheet.write(number: v, row: row, column: c, format: timed ? time : day)
            } else if row > 0, isPlainNumber(cell), let v = Double(cell) {
                try sheet.write(number: v, row: row, column: c)
            } else {
                try sheet.write(string: cell, row: row, column: c)
            }
        }
        row += 1
    }
    try book.close()
} catch {
    FileHandle.standardError.write(Data("gridpay-bench-csv2xlsx: \(error)\n".utf8))
    exit(1)
}
