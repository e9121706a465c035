/// The Workbook stream of a legacy XLS file, out of its compound file (CFBF, [MS-CFB]): what the
/// BIFF records libfreexl reads but does not give (number formats, merged cells, a number's
/// value) are read from (BIFFWorkbook). Only the parts a stream needs: the header, the sector
/// allocation table (FAT, with its DIFAT), the directory, the mini stream for a small workbook.
/// Every offset and chain is checked against the file: a damaged file is refused, never read
/// past its end or round a loop.
struct CompoundFile {
    let bytes: [UInt8]
    let sectorSize: Int
    let fat: [UInt32]

    static let endOfChain: UInt32 = 0xFFFF_FFFA   // this and above: no further sector

    /// The stream named Workbook (BIFF8) or Book (BIFF5) of the file's bytes.
    static func workbookStream(_ bytes: [UInt8]) throws(XLSXReadError) -> [UInt8] {
        let file = try CompoundFile(bytes)
        return try file.stream(named: ["workbook", "book"])
    }

    init(_ bytes: [UInt8]) throws(XLSXReadError) {
        self.bytes = bytes
        let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        guard bytes.count >= 512, Array(bytes[0..<8]) == signature else { throw .notXLS(reason: ExportReadMessages.noCompoundFileHeader()) }
        let shift = Int(Self.u16(bytes, 30))
        guard shift == 9 || shift == 12 else { throw .notXLS(reason: ExportReadMessages.unusualSectorSize(shift: shift)) }
        let size = 1 << shift
        sectorSize = size
        // The FAT's sectors: the first 109 listed in the header, the rest in the DIFAT's chain.
        var fatSectors: [UInt32] = (0..<109).map { Self.u32(bytes, 76 + 4 * $0) }
        var difat = Self.u32(bytes, 68), hops = 0
        while difat < Self.endOfChain {
            hops += 1
            guard hops <= bytes.count / size, let at = Self.offset(difat, size, bytes.count) else { throw .notXLS(reason: ExportReadMessages.damagedSectorChain()) }
            fatSectors += (0..<(size / 4 - 1)).map { Self.u32(bytes, at + 4 * $0) }
            difat = Self.u32(bytes, at + size - 4)
        }
        let count = min(Int(Self.u32(bytes, 44)), fatSectors.count, bytes.count / size)
        var fat: [UInt32] = []
        for s in fatSectors.prefix(count) where s < Self.endOfChain {
            guard let at = Self.offset(s, size, bytes.count) else { throw .notXLS(reason: ExportReadMessages.sectorPastTheEnd()) }
            fat += (0..<(size / 4)).map { Self.u32(bytes, at + 4 * $0) }
        }
        self.fat = fat
    }

    /// The bytes of the chain starting at `start`, through `table` in sectors of `size` of
    /// `source` found by `at`; a chain longer than the source has a loop.
    static func chain(from start: UInt32, table: [UInt32], size: Int, in source: [UInt8], at: (UInt32) -> Int?) throws(XLSXReadError) -> [UInt8] {
        var out: [UInt8] = [], sector = start, hops = 0
        while sector < Self.endOfChain {
            hops += 1
            guard hops <= source.count / size, Int(sector) < table.count, let o = at(sector) else { throw .notXLS(reason: ExportReadMessages.damagedSectorChain()) }
            out += source[o..<(o + size)]
            sector = table[Int(sector)]
        }
        return out
    }

    func sectors(from start: UInt32) throws(XLSXReadError) -> [UInt8] {
        let size = sectorSize, count = bytes.count
        return try Self.chain(from: start, table: fat, size: size, in: bytes) { Self.offset($0, size, count) }
    }

    /// The first stream of the directory named one of `names` (case-insensitive), whole.
    func stream(named names: [String]) throws(XLSXReadError) -> [UInt8] {
        let directory = try sectors(from: Self.u32(bytes, 48))
        guard directory.count >= 128 else { throw .notXLS(reason: ExportReadMessages.noDirectory()) }
        let entries = directory.count / 128
        let named = (0..<entries).first { e in
            let at = e * 128, length = min(Int(Self.u16(directory, at + 64)), 64)
            let units = stride(from: 0, to: max(0, length - 2), by: 2).map { UInt16(directory[at + $0]) | UInt16(directory[at + $0 + 1]) << 8 }
            return directory[at + 66] == 2 && names.contains(String(decoding: units, as: UTF16.self).lowercased())
        }
        guard let entry = named else { throw .notXLS(reason: ExportReadMessages.noWorkbookStream()) }
        let start = Self.u32(directory, entry * 128 + 116), size = Int(Self.u32(directory, entry * 128 + 120))
        let data = try size < Int(Self.u32(bytes, 56)) ? miniStream(start, directory) : sectors(from: start)
        guard data.count >= size else { throw .notXLS(reason: ExportReadMessages.workbookStreamCutOff()) }
        return Array(data.prefix(size))
    }

    /// A stream under the cut-off size (4,096 bytes), in 64-byte sectors of the root's mini stream.
    func miniStream(_ start: UInt32, _ directory: [UInt8]) throws(XLSXReadError) -> [UInt8] {
        let mini = try sectors(from: Self.u32(directory, 116))
        let table = try sectors(from: Self.u32(bytes, 60))
        let miniFAT = (0..<(table.count / 4)).map { Self.u32(table, 4 * $0) }
        let shift = Int(Self.u16(bytes, 32)), size = 64
        guard shift == 6 else { throw .notXLS(reason: ExportReadMessages.unusualSectorSize(shift: shift)) }
        return try Self.chain(from: start, table: miniFAT, size: size, in: mini) { s in
            let o = Int(s) * size
            return o + size <= mini.count ? o : nil
        }
    }

    /// Where sector `s` starts (after the header's sector), if the whole sector is in the file.
    static func offset(_ s: UInt32, _ size: Int, _ count: Int) -> Int? {
        let o = (Int(s) + 1) * size
        return o + size <= count ? o : nil
    }

    static func u16(_ b: [UInt8], _ at: Int) -> UInt16 {
        at + 2 <= b.count ? UInt16(b[at]) | UInt16(b[at + 1]) << 8 : 0
    }

    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        at + 4 <= b.count ? UInt32(u16(b, at)) | UInt32(u16(b, at + 2)) << 16 : 0
    }
}
