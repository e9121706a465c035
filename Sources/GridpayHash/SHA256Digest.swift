import CLibCrypto

public struct DigestError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public var description: String { "SHA-256: \(operation) failed in OpenSSL" }
}

/// SHA-256 through OpenSSL's EVP interface. The context is owned here and freed in deinit;
/// every call's result is checked.
public final class SHA256Digest {
    private let context: OpaquePointer
    private var finished = false

    public init() throws(DigestError) {
        guard let ctx = EVP_MD_CTX_new() else { throw DigestError(operation: "EVP_MD_CTX_new") }
        guard EVP_DigestInit_ex(ctx, EVP_sha256(), nil) == 1 else {
            EVP_MD_CTX_free(ctx)
            throw DigestError(operation: "EVP_DigestInit_ex")
        }
        context = ctx
    }

    deinit { EVP_MD_CTX_free(context) }

    public func update(_ bytes: UnsafeRawBufferPointer) throws(DigestError) {
        guard !finished else { throw DigestError(operation: "update after finish") }
        guard bytes.count > 0 else { return }
        guard EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1 else { throw DigestError(operation: "EVP_DigestUpdate") }
    }

    public func update(_ bytes: [UInt8]) throws(DigestError) {
        guard !finished else { throw DigestError(operation: "update after finish") }
        guard !bytes.isEmpty else { return }
        let ok = bytes.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        guard ok == 1 else { throw DigestError(operation: "EVP_DigestUpdate") }
    }

    /// The digest as lowercase hex.
    public func finish() throws(DigestError) -> String {
        guard !finished else { throw DigestError(operation: "finish twice") }
        finished = true
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = out.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        guard ok == 1, length == 32 else { throw DigestError(operation: "EVP_DigestFinal_ex") }
        let digits = Array("0123456789abcdef")
        var s = ""
        for b in out {
            s.append(digits[Int(b >> 4)])
            s.append(digits[Int(b & 15)])
        }
        return s
    }

    /// The hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) throws(DigestError) -> String {
        let d = try SHA256Digest()
        try d.update(bytes)
        return try d.finish()
    }
}
