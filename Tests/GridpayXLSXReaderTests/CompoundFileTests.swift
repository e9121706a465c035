import XCTest
@testable import GridpayXLSXReader

/// The Workbook stream out of a legacy XLS file's compound file ([MS-CFB]). LibreOffice's
/// fixtures hold it in ordinary sectors (XLSReaderTests); a small workbook's lies in the mini
/// stream, built here byte by byte: header, FAT, directory, mini FAT, mini stream.
final class CompoundFileTests: XCTestCase {
    static let end: UInt32 = 0xFFFF_FFFE, free: UInt32 = 0xFFFF_FFFF

    /// A 512-byte-sector file whose 100-byte Workbook stream is in mini sectors 0 and 1 (`next`:
    /// what follows mini sector 1 in the mini FAT).
    static func file(stream: [UInt8], next: UInt32 = end) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 512 * 5)
        func put16(_ v: UInt16, _ at: Int) { b[at] = UInt8(v & 0xFF); b[at + 1] = UInt8(v >> 8) }
        func put32(_ v: UInt32, _ at: Int) { put16(UInt16(v & 0xFFFF), at); put16(UInt16(v >> 16), at + 2) }
        b.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        put16(0x3E, 24); put16(3, 26); put16(0xFFFE, 28); put16(9, 30); put16(6, 32)
        put32(1, 44); put32(1, 48); put32(4096, 56); put32(2, 60); put32(1, 64); put32(end, 68)
        for i in 0..<109 { put32(i == 0 ? 0 : free, 76 + 4 * i) }
        // Sector 0, the FAT: itself, then the directory, the mini FAT and the mini stream (one each).
        for i in 0..<128 { put32([0xFFFF_FFFD, end, end, end][safe: i] ?? free, 512 + 4 * i) }
        // Sector 1, the directory: the root (its mini stream at sector 3) and Workbook.
        func entry(_ n: Int, _ name: String, type: UInt8, start: UInt32, size: UInt32) {
            let at = 1024 + 128 * n, units = Array(name.utf16) + [0]
            for (i, u) in units.enumerated() { put16(u, at + 2 * i) }
            put16(UInt16(units.count * 2), at + 64)
            b[at + 66] = type
            put32(start, at + 116); put32(size, at + 120)
        }
        entry(0, "Root Entry", type: 5, start: 3, size: 128)
        entry(1, "Workbook", type: 2, start: 0, size: UInt32(stream.count))
        // Sector 2, the mini FAT: mini sector 0 → 1 → `next`.
        for i in 0..<128 { put32([1, next][safe: i] ?? free, 1536 + 4 * i) }
        b.replaceSubrange(2048..<(2048 + stream.count), with: stream)
        return b
    }

    func testASmallWorkbookStreamIsReadFromTheMiniStream() throws {
        let stream = (0..<100).map { UInt8($0) }
        XCTAssertEqual(try CompoundFile.workbookStream(Self.file(stream: stream)), stream)
    }

    func testALoopOrAMissingStreamIsRefused() throws {
        XCTAssertThrowsError(try CompoundFile.workbookStream(Self.file(stream: Array(repeating: 7, count: 100), next: 0))) {
            XCTAssertEqual($0 as? XLSXReadError, .notXLS(reason: ExportReadMessages.damagedSectorChain()))
        }
        var renamed = Self.file(stream: Array(repeating: 7, count: 100))
        renamed[1024 + 128] = UInt8(ascii: "X")
        XCTAssertThrowsError(try CompoundFile.workbookStream(renamed)) {
            XCTAssertEqual($0 as? XLSXReadError, .notXLS(reason: ExportReadMessages.noWorkbookStream()))
        }
        XCTAssertThrowsError(try CompoundFile.workbookStream(Array(Self.file(stream: [1]).prefix(511)))) {
            XCTAssertEqual($0 as? XLSXReadError, .notXLS(reason: ExportReadMessages.noCompoundFileHeader()))
        }
    }
}

fileprivate extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
