/// A FORMULA record's cached result (BIFF8, record 0x0006), which libfreexl 1.0 gives no value
/// for: the result as the workbook last computed it, read as a cell of that kind is. The 8-byte
/// result field is an IEEE double, unless its top two bytes are 0xFFFF: then its first byte says
/// text (the STRING record that follows, continued over CONTINUE records where long), a
/// boolean, an error value or empty text.
enum BIFFFormula {
    enum Record {
        static let formula: UInt16 = 0x0006, string: UInt16 = 0x0207, continued: UInt16 = 0x003C
    }

    enum Result: Equatable {
        case number(Double)
        /// Text: the STRING record after the formula holds it.
        case text
        case boolean(Bool)
        case error(UInt8)
        case emptyText
    }

    /// The result of the FORMULA record whose data (`length` bytes) is at `at`; nil where the
    /// record is too short to hold one, or its kind is not one BIFF8 defines.
    static func result(_ s: [UInt8], _ at: Int, _ length: Int) -> Result? {
        guard length >= 20 else { return nil }
        let r = at + 6
        guard s[r + 6] == 0xFF, s[r + 7] == 0xFF else {
            return .number(Double(bitPattern: UInt64(CompoundFile.u32(s, r)) | UInt64(CompoundFile.u32(s, r + 4)) << 32))
        }
        switch s[r] {
        case 0: return .text
        case 1: return .boolean(s[r + 2] != 0)
        case 2: return .error(s[r + 2])
        case 3: return .emptyText
        default: return nil
        }
    }

    /// The text an error value shows, as a spreadsheet shows it.
    static func errorText(_ code: UInt8) -> String {
        switch code {
        case 0x00: return "#NULL!"
        case 0x07: return "#DIV/0!"
        case 0x0F: return "#VALUE!"
        case 0x17: return "#REF!"
        case 0x1D: return "#NAME?"
        case 0x24: return "#NUM!"
        case 0x2A: return "#N/A"
        case 0x2B: return "#GETTING_DATA"
        default: return "#0x" + String(code, radix: 16, uppercase: true)
        }
    }
}

/// A formula's text result as its STRING record and the CONTINUE records after it give it: a
/// character count, then characters 8-bit (Latin-1) or 16-bit by a flags byte, which each
/// CONTINUE record repeats for its part. Every read is bounded by its record's length; a string
/// whose records end early keeps the characters they held.
struct BIFFStringReader {
    private(set) var units: [UInt16] = []
    private var remaining = 0
    /// Its STRING record was read: any record but a CONTINUE ends it.
    private(set) var started = false

    var isComplete: Bool { remaining == 0 }

    /// Starts the string at a STRING record's data.
    mutating func start(_ s: [UInt8], _ at: Int, _ length: Int) {
        units.removeAll()
        started = true
        guard length >= 3 else { remaining = 0; return }
        remaining = Int(CompoundFile.u16(s, at))
        read(s, from: at + 2, to: at + length)
    }

    /// Goes on at a CONTINUE record's data.
    mutating func proceed(_ s: [UInt8], _ at: Int, _ length: Int) {
        guard remaining > 0, length >= 1 else { return }
        read(s, from: at, to: at + length)
    }

    /// Characters after the flags byte at `from`, up to `end` (the record's end).
    private mutating func read(_ s: [UInt8], from: Int, to end: Int) {
        guard from < end else { return }
        let wide = s[from] & 0x01 != 0
        var i = from + 1
        while remaining > 0 {
            if wide {
                guard i + 2 <= end else { break }
                units.append(CompoundFile.u16(s, i))
                i += 2
            } else {
                guard i < end else { break }
                units.append(UInt16(s[i]))
                i += 1
            }
            remaining -= 1
        }
    }

    /// The text as UTF-8 (an unpaired surrogate becomes U+FFFD).
    var utf8: [UInt8] { Array(String(decoding: units, as: UTF16.self).utf8) }
}

extension BIFFSheet {
    /// A FORMULA record (its result kept by its cell), or the STRING and CONTINUE records of a
    /// text result. A text result's STRING record follows its formula (perhaps after the
    /// formula's shared or array definition); any record but a CONTINUE ends it.
    mutating func takeFormula(_ type: UInt16, _ s: [UInt8], _ at: Int, _ length: Int) {
        switch type {
        case BIFFFormula.Record.formula:
            endText()
            guard length >= 6, let result = BIFFFormula.result(s, at, length) else { return }
            let row = CompoundFile.u16(s, at), column = CompoundFile.u16(s, at + 2)
            let key = Int(row) << 16 | Int(column)
            switch result {
            case .number(let v): add(row: row, column: column, xf: CompoundFile.u16(s, at + 4), value: v)
            case .text: pendingText = key
            case .boolean(let b): booleans[key] = b
            case .error(let code): errors[key] = code
            case .emptyText: texts[key] = []
            }
        case BIFFFormula.Record.string:
            guard pendingText != nil else { return }
            string.start(s, at, length)
            if string.isComplete { endText() }
        default:   // CONTINUE: of a text result being read, else of another record
            guard pendingText != nil else { return }
            string.proceed(s, at, length)
            if string.isComplete { endText() }
        }
    }

    /// The text result being read is kept by its cell.
    mutating func endText() {
        guard let key = pendingText else { return }
        texts[key] = string.utf8
        pendingText = nil
        string = BIFFStringReader()
    }
}
