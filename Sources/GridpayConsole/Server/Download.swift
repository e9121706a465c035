import Foundation
import GridpayHash
import GridpayLedger
import Hummingbird

/// Downloads sent as they are read, a piece at a time, never whole in memory: a province's
/// workbook or an archived export is tens or hundreds of MB, and 50 people browse at once
/// (SPEC §14). Each answer says its length (Content-Length) before the first byte.
enum Download {
    /// The piece read from a file at a time.
    static let pieceSize = 256 * 1024

    /// An open file sent from its first byte to its size at opening.
    static func file(_ file: OpenDownloadFile, type: String, name: String) -> Response {
        let body = ResponseBody(contentLength: file.size) { writer in
            var offset = 0
            while offset < file.size {
                let at = offset
                let piece = try await offPool { try file.piece(at: at, count: min(pieceSize, file.size - at)) }
                offset += piece.readableBytes
                try await writer.write(piece)
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: Reply.headers(type: type, download: name), body: body)
    }

    /// An input the ledger archived, sent piece by piece as stored (each piece its own short read,
    /// so a slow download never holds the ledger against a close). Checked whole before the first
    /// byte (a damaged archive is said, not sent); hashed again as it is sent, and the connection is
    /// cut rather than the answer completed when it differs.
    static func archived(_ file: ArchivedFile, of ledger: Ledger, type: String, name: String) -> Response {
        let body = ResponseBody(contentLength: file.bytes) { writer in
            let digest = try SHA256Digest()
            var index = 0, sent = 0
            while sent < file.bytes, case let at = index, let piece = try await offPool({ try ledger.archivedPiece(file, index: at) }) {
                try piece.withUnsafeBytes { try digest.update($0) }
                try await writer.write(ByteBuffer(bytes: piece))
                sent += piece.count
                index += 1
            }
            guard sent == file.bytes, try digest.finish() == file.sha256 else { throw DownloadCutShort() }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: Reply.headers(type: type, download: name), body: body)
    }

    /// `work` on a thread of its own pool: reading a disk is blocking, and the cooperative pool
    /// serves every other request.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// A file opened for a download, closed when its answer is done with it. Opened only if it is a
/// regular file that really lies inside `folder` (a town's folder): a link, or a folder that leads
/// elsewhere, is not followed out of it.
final class OpenDownloadFile: Sendable {
    let descriptor: Int32
    let size: Int

    /// `relative`: the file's path inside `folder`, without `..` (the routes build it from checked names).
    init?(folder: String, relative: String) {
        guard !relative.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        let path = "\(folder)/\(relative)"
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        var opened = stat(), named = stat()
        guard fstat(fd, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG,
              let root = Self.realPath(folder), let real = Self.realPath(path), real.hasPrefix(root + "/"),
              stat(real, &named) == 0, named.st_dev == opened.st_dev, named.st_ino == opened.st_ino else {
            close(fd)
            return nil
        }
        descriptor = fd
        size = Int(opened.st_size)
    }

    deinit { close(descriptor) }

    /// `count` bytes from `offset`; throws on a read error or a file cut short since it was opened.
    func piece(at offset: Int, count: Int) throws -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: count)
        var done = 0
        while done < count {
            var failure: Int32 = 0
            let n = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count - done) { raw in
                let read = pread(descriptor, raw.baseAddress, count - done, off_t(offset + done))
                if read < 0 { failure = errno }
                return max(read, 0)
            }
            if failure == EINTR { continue }
            guard failure == 0, n > 0 else { throw DownloadCutShort() }
            done += n
        }
        return buffer
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A file that ended before the length its answer announced, or an archived file whose bytes
/// changed while they were sent: the connection is cut, so the browser reports a failed download
/// instead of keeping a short or wrong file.
struct DownloadCutShort: Error {}
