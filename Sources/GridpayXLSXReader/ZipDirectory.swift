import Glibc
import GridpayLanguage

/// One file of a zip archive, as its central directory describes it.
struct ZipEntry: Sendable {
    var name: String
    /// 0: stored, 8: deflated.
    var method: UInt16
    var crc32: UInt32
    var compressedSize: Int
    var size: Int
    var localHeaderOffset: Int
}

/// The central directory of a zip archive (an XLSX file is one), read from the end of the file.
/// ZIP64 archives (parts over 4 GiB) are refused: no export is that large.
struct ZipDirectory {
    let entries: [String: ZipEntry]

    init(_ file: ZipFile) throws(XLSXReadError) {
        let size = file.size
        guard size >= 22 else { throw .damagedZip(reason: ExportReadMessages.shorterThanAnArchive(size)) }
        let tailLength = min(size, 22 + 65_535)
        let tail = try file.bytes(at: size - tailLength, count: tailLength)
        guard let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: { tail.u32($0) == 0x0605_4B50 }) else {
            throw .damagedZip(reason: ExportReadMessages.noEndOfDirectory())
        }
        let count = Int(tail.u16(end + 10))
        let directorySize = Int(tail.u32(end + 12)), directoryOffset = Int(tail.u32(end + 16))
        guard directoryOffset != 0xFFFF_FFFF, count != 0xFFFF else { throw .damagedZip(reason: ExportReadMessages.zip64()) }
        guard directoryOffset + directorySize <= size else { throw .damagedZip(reason: ExportReadMessages.directoryPastTheEnd()) }
        let directory = try file.bytes(at: directoryOffset, count: directorySize)
        var entries: [String: ZipEntry] = [:]
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, directory.u32(at) == 0x0201_4B50 else {
                throw .damagedZip(reason: ExportReadMessages.directoryEntryDamaged(entries.count + 1))
            }
            let nameLength = Int(directory.u16(at + 28)), extra = Int(directory.u16(at + 30)), comment = Int(directory.u16(at + 32))
            guard at + 46 + nameLength <= directory.count else { throw .damagedZip(reason: ExportReadMessages.directoryEntryCutOff(entries.count + 1)) }
            let name = String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            entries[name] = ZipEntry(name: name, method: directory.u16(at + 10), crc32: directory.u32(at + 16),
                                     compressedSize: Int(directory.u32(at + 20)), size: Int(directory.u32(at + 24)),
                                     localHeaderOffset: Int(directory.u32(at + 42)))
            at += 46 + nameLength + extra + comment
        }
        self.entries = entries
    }
}

extension Array where Element == UInt8 {
    func u16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
}

/// The archive's file, read at offsets.
final class ZipFile {
    let descriptor: Int32
    let size: Int

    init(path: String) throws(XLSXReadError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(reason: SystemError.words(errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            _ = close(fd)
            throw .cannotOpen(reason: ExportReadMessages.notARegularFile())
        }
        descriptor = fd
        size = Int(info.st_size)
    }

    deinit { _ = close(descriptor) }

    func bytes(at offset: Int, count: Int) throws(XLSXReadError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let got = out.withUnsafeMutableBytes { read(into: $0.baseAddress!, at: offset, count: count) }
        guard got == count else { throw .damagedZip(reason: ExportReadMessages.endsInsideTheArchive(offset: offset + max(0, got))) }
        return out
    }

    /// Bytes read (fewer only at the end of the file), or -1.
    func read(into buffer: UnsafeMutableRawPointer, at offset: Int, count: Int) -> Int {
        var done = 0
        while done < count {
            let n = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return n < 0 ? -1 : done }
            done += n
        }
        return done
    }
}
