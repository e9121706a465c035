import Foundation

/// SHA-256 of a file as it streams by (OpenSSL: fast enough to hash in line with parsing).
/// A failure inside OpenSSL is kept and reported once the file is read.
public final class StreamHasher {
    private let digest: SHA256Digest?
    public private(set) var bytes = 0
    public private(set) var failure: DigestError?

    public init() {
        do { digest = try SHA256Digest() } catch {
            digest = nil
            failure = error
        }
    }

    public func feed(_ chunk: UnsafeRawBufferPointer) {
        bytes += chunk.count
        do { try digest?.update(chunk) } catch { failure = failure ?? error }
    }

    public func finish() throws(DigestError) -> String {
        if let failure { throw failure }
        return try digest!.finish()
    }
}

/// SHA-256 of whole files and texts: inputs, rule files, written outputs, archived files.
public enum FileDigest {
    /// Files are read and hashed in 1 MiB pieces (a province workbook is ~100 MB).
    public static let chunkSize = 1 << 20

    /// The hex digest of bytes already in memory (rule files: small).
    public static func hex(_ data: Data) throws(DigestError) -> String {
        try SHA256Digest.hex([UInt8](data))
    }

    /// A file's digest and size, streamed; throws what reading or hashing it threw.
    public static func file(_ path: String) throws -> (String, Int) {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let d = try SHA256Digest()
        var total = 0
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            try d.update([UInt8](chunk))
            total += chunk.count
        }
        return (try d.finish(), total)
    }

    /// A file's digest, streamed; nil when it cannot be read.
    public static func sha256(ofFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let digest = try? SHA256Digest() else { return nil }
        do {
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                try chunk.withUnsafeBytes { try digest.update($0) }
            }
            return try digest.finish()
        } catch { return nil }
    }
}
