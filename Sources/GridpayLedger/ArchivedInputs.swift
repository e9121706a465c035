import Foundation

/// The input files a period's closing archived, read back whole (the console's auditors download
/// them, SPEC §14), each checked against its SHA-256 as it is read.
extension Ledger {
    /// The inputs archived with the closing (revision 0) of `period`; empty when it is not closed.
    public func archivedInputs(ofClosing period: String) throws -> [ArchivedFile] {
        guard let id = try closing(of: period)?.id else { return [] }
        return try files(of: id, role: "input")
    }

    /// An archived file's bytes; throws on an object whose bytes no longer hash to its SHA-256.
    public func archivedBytes(_ file: ArchivedFile) throws -> Data {
        var out = Data(capacity: file.bytes)
        try readObject(file.sha256) { out.append($0) }
        return out
    }
}
