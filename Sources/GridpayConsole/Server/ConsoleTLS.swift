import Foundation
import NIOSSL

/// `gridpay serve --tls-cert <pem> --tls-key <pem>`: the console serves HTTPS itself (SPEC §14; the
/// other way, a reverse proxy holding the certificate, is in the README).
public struct ConsoleTLSFiles: Sendable {
    /// The certificate chain, PEM: the server's certificate first, then any intermediates.
    public var certificate: String
    /// Its private key, PEM, not encrypted.
    public var key: String

    public init(certificate: String, key: String) {
        self.certificate = certificate
        self.key = key
    }
}

/// Reads and checks both files before the server starts, so that a wrong file is named at once
/// (with the file and who fixes it) rather than found by the first browser that connects.
enum ConsoleTLS {
    /// The server's TLS configuration, or every problem with the files (a missing key is named even
    /// when the certificate is missing too).
    static func configuration(_ files: ConsoleTLSFiles) -> Result<TLSConfiguration, ConsoleFailure> {
        var problems: [String] = []
        let chain = certificates(files.certificate, problems: &problems)
        let key = privateKey(files.key, problems: &problems)
        guard let chain, let key else { return .failure(ConsoleFailure(problems.joined(separator: "\n"))) }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(key))
        // BoringSSL compares the key with the chain's first certificate as the context takes them:
        // both files read well on their own, so a refusal here is a key of another certificate.
        do { _ = try NIOSSLContext(configuration: configuration) } catch {
            return .failure(ConsoleFailure(ConsoleMessages.tlsKeyMismatch(key: files.key, certificate: files.certificate)))
        }
        return .success(configuration)
    }

    static func certificates(_ path: String, problems: inout [String]) -> [NIOSSLCertificate]? {
        guard let bytes = contents(path, option: certificateOption, problems: &problems) else { return nil }
        let chain = (try? NIOSSLCertificate.fromPEMBytes(bytes)) ?? []
        guard chain.isEmpty else { return chain }
        let text = String(decoding: bytes, as: UTF8.self)
        problems.append(text.contains("PRIVATE KEY-----") ? ConsoleMessages.tlsCertificateIsAKey(path) : ConsoleMessages.tlsCertificateInvalid(path))
        return nil
    }

    static func privateKey(_ path: String, problems: inout [String]) -> NIOSSLPrivateKey? {
        guard let bytes = contents(path, option: keyOption, problems: &problems) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        // "BEGIN ENCRYPTED PRIVATE KEY" (PKCS #8) or "Proc-Type: 4,ENCRYPTED" (the older form).
        guard !text.contains("ENCRYPTED") else {
            problems.append(ConsoleMessages.tlsKeyEncrypted(path))
            return nil
        }
        if text.contains("PRIVATE KEY-----"), let key = try? NIOSSLPrivateKey(bytes: bytes, format: .pem) { return key }
        problems.append(text.contains("BEGIN CERTIFICATE") ? ConsoleMessages.tlsKeyIsACertificate(path) : ConsoleMessages.tlsKeyInvalid(path))
        return nil
    }

    static let certificateOption = "--tls-cert"
    static let keyOption = "--tls-key"

    /// The file's bytes, or the problem named: missing, a folder, or not readable by this user.
    static func contents(_ path: String, option: String, problems: inout [String]) -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            problems.append(ConsoleMessages.tlsFileMissing(path, option: option))
            return nil
        }
        guard !isDirectory.boolValue else {
            problems.append(ConsoleMessages.tlsFileIsAFolder(path, option: option))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append(ConsoleMessages.tlsFileUnreadable(path, option: option))
            return nil
        }
        return Array(data)
    }
}
