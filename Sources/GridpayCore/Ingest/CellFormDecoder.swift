/// Reads one column's cells in its declared forms (`CellForms`) into values. One per column of a
/// `CellDecoder`, on its thread: the scratch buffer is reused for every cell.
final class CellFormDecoder {
    let forms: CellForms
    let kind: CellPattern.Kind?
    /// The cell with full-width digits made ASCII, the number with its separators and % taken out.
    var scratch: [UInt8] = []

    init(_ forms: CellForms, type: ColumnType) {
        self.forms = forms
        switch type {
        case .date: kind = .date
        case .datetime: kind = .datetime
        default: kind = forms.duration != nil ? .duration : nil
        }
    }

    /// A date, date-time or duration in the first declared pattern it fits; nil when none fits.
    func readPatterned(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let cell = normalizedDigits(bytes)
        return cell.withUnsafeBufferPointer { b -> Value? in
            for p in forms.patterns {
                guard let f = p.match(b) else { continue }
                if let v = value(f) { return v }
            }
            return nil
        }
    }

    func value(_ f: [CellPattern.Field: Int]) -> Value? {
        let minute = f[.minute] ?? 0, second = f[.second] ?? 0
        guard minute < 60, second < 60 else { return nil }
        switch kind {
        case .duration:
            let total = (f[.hours] ?? 0) * 3600 + minute * 60 + second
            return (try? ExactNumber(numerator: Int128(total), denominator: Int128(forms.duration?.seconds ?? 60))).map { .number($0) }
        case .date, .datetime:
            let y = f[.year] ?? 0, m = f[.month] ?? 0, d = f[.day] ?? 0
            guard m >= 1, m <= 12, d >= 1, d <= CivilDate.daysInMonth(year: y, month: m) else { return nil }
            let date = CivilDate(year: y, month: m, day: d)
            if kind == .date { return .date(date) }
            let h = f[.hour] ?? 0
            guard h < 24 else { return nil }
            return .datetime(CivilDateTime(date: date, secondOfDay: h * 3600 + minute * 60 + second))
        case nil:
            return nil
        }
    }

    /// The number as plain ASCII (`-1234.5`), and whether it was written as a percentage; nil
    /// when the cell is not in the declared form (separators out of place, % missing).
    func plainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var cell = normalizedDigits(bytes)
        if forms.percent {
            guard cell.last == UInt8(ascii: "%") else { return nil }
            cell.removeLast()
        }
        guard let sep = forms.thousands, cell.contains(sep) else { return cell }
        return Self.ungrouped(cell, sep)
    }

    /// Digits grouped in threes by `sep` before the point, the first group 1–3 digits.
    static func ungrouped(_ cell: [UInt8], _ sep: UInt8) -> [UInt8]? {
        let sign = cell.first == UInt8(ascii: "-") ? 1 : 0
        let point = cell.firstIndex(of: UInt8(ascii: ".")) ?? cell.count
        let groups = cell[sign..<point].split(separator: sep, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        guard !cell[point...].contains(sep) else { return nil }
        return Array(cell[0..<sign]) + groups.joined() + Array(cell[point...])
    }

    /// The cell's bytes, with ０–９ (EF BC 90–99) as 0–9 where the column declares them.
    func normalizedDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        scratch.removeAll(keepingCapacity: true)
        guard forms.fullWidthDigits else {
            scratch.append(contentsOf: bytes)
            return scratch
        }
        var i = 0
        while i < bytes.count {
            if i + 2 < bytes.count, bytes[i] == 0xEF, bytes[i + 1] == 0xBC, bytes[i + 2] >= 0x90, bytes[i + 2] <= 0x99 {
                scratch.append(bytes[i + 2] - 0x90 + 48)
                i += 3
            } else {
                scratch.append(bytes[i])
                i += 1
            }
        }
        return scratch
    }
}
