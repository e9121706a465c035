import CExpatZlib

/// Streams one entry of a zip archive: its compressed bytes are read in chunks and inflated
/// (zlib, raw deflate) into a fixed buffer handed to `body` piece by piece; the CRC-32 of what
/// came out is checked at the end. Memory does not grow with the entry's size.
enum ZipEntryStream {
    static let readChunk = 64 * 1024
    static let outChunk = 256 * 1024

    static func stream(_ entry: ZipEntry, in file: ZipFile, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let header = try file.bytes(at: entry.localHeaderOffset, count: 30)
        guard header.u32(0) == 0x0403_4B50 else { throw XLSXReadError.damagedZip(reason: ExportReadMessages.localHeaderDamaged(entry.name)) }
        let dataStart = entry.localHeaderOffset + 30 + Int(header.u16(26)) + Int(header.u16(28))
        guard dataStart + entry.compressedSize <= file.size else {
            throw XLSXReadError.damagedZip(reason: ExportReadMessages.runsPastTheEnd(entry.name))
        }
        var crc: UInt = crc32(0, nil, 0)
        var produced = 0
        let checked: (UnsafeRawBufferPointer) throws -> Void = { piece in
            crc = crc32(crc, piece.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(piece.count))
            produced += piece.count
            try body(piece)
        }
        switch entry.method {
        case 0: try stored(entry, file, from: dataStart, checked)
        case 8: try inflated(entry, file, from: dataStart, checked)
        default: throw XLSXReadError.damagedZip(reason: ExportReadMessages.notDeflate(entry.name, method: entry.method))
        }
        guard produced == entry.size, UInt32(truncatingIfNeeded: crc) == entry.crc32 else {
            throw XLSXReadError.damagedZip(reason: ExportReadMessages.checksumDiffers(entry.name))
        }
    }

    static func stored(_ entry: ZipEntry, _ file: ZipFile, from start: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readChunk, alignment: 1)
        defer { buffer.deallocate() }
        var at = 0
        while at < entry.compressedSize {
            let n = min(readChunk, entry.compressedSize - at)
            guard file.read(into: buffer.baseAddress!, at: start + at, count: n) == n else { throw XLSXReadError.damagedZip(reason: ExportReadMessages.cutOff(entry.name)) }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            at += n
        }
    }

    static func inflated(_ entry: ZipEntry, _ file: ZipFile, from start: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var z = z_stream()
        guard inflateInit2_(&z, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw XLSXReadError.damagedZip(reason: ExportReadMessages.cannotStartInflating())
        }
        defer { inflateEnd(&z) }
        let input = UnsafeMutablePointer<UInt8>.allocate(capacity: readChunk)
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: outChunk)
        defer { input.deallocate(); output.deallocate() }
        var consumed = 0
        var status = Z_OK
        while status != Z_STREAM_END {
            if z.avail_in == 0 {
                let n = min(readChunk, entry.compressedSize - consumed)
                guard n > 0 else { throw XLSXReadError.damagedZip(reason: ExportReadMessages.endsBeforeItsData(entry.name)) }
                guard file.read(into: input, at: start + consumed, count: n) == n else { throw XLSXReadError.damagedZip(reason: ExportReadMessages.cutOff(entry.name)) }
                consumed += n
                z.next_in = input
                z.avail_in = uInt(n)
            }
            z.next_out = output
            z.avail_out = uInt(outChunk)
            status = inflate(&z, Z_NO_FLUSH)
            guard status == Z_OK || status == Z_STREAM_END else {
                throw XLSXReadError.damagedZip(reason: ExportReadMessages.cannotInflate(entry.name, zlibError: status))
            }
            let got = outChunk - Int(z.avail_out)
            if got > 0 { try body(UnsafeRawBufferPointer(start: output, count: got)) }
            if z.total_out > UInt(entry.size) { throw XLSXReadError.damagedZip(reason: ExportReadMessages.inflatesPastItsSize(entry.name)) }
        }
    }
}
