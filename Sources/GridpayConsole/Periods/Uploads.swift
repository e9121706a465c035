import Foundation
import GridpayCore
import GridpayHash
import Hummingbird

/// `PUT …/inputs/{file}`: an export streamed to disk (never held whole), hashed as it comes,
/// moved into `Input/<town>/<month>/` only when complete. A present file is replaced only with
/// `?replace=true`, and then kept under `<console-dir>/replaced/`, never deleted.
enum Uploads {
    /// The largest export taken (a 5,000-worker month's largest table is a few tens of MB).
    static let maxBytes = 512 << 20

    struct Stored: Codable, Sendable { var file: String; var bytes: Int; var sha256: String; var replaced: Bool }

    /// A declared name, or a plain name (no folder) that a declared `file` pattern matches
    /// (`patrol-*.csv`, SPEC §16: every match is read).
    static func isDeclared(_ file: String, _ declared: [String]) -> Bool {
        declared.contains(file) || (PlainName.problem(file) == nil && declared.contains { FilePattern.isPattern($0) && FilePattern.matches(file, pattern: $0) })
    }

    static func put(_ ref: PeriodRef, file: String, replace: Bool, body: RequestBody, account: Account, console: Console) async throws -> Stored {
        guard ref.period.kind == .month else { throw ConsoleHTTPError.notFound }
        let month = ref.text
        let declared = ref.rules.rules.tables.map(\.file)
        guard Self.isDeclared(file, declared) else { throw ConsoleHTTPError.badRequest(ConsoleMessages.undeclaredFile(file, declared: declared)) }
        if let closed = closedPeriod(ref, console: console) { throw ConsoleHTTPError.locked(ConsoleMessages.closedRefusesUpload(closed)) }
        let folder = "\(console.folders.inputDir)/\(ref.town.town)/\(month)"
        let target = "\(folder)/\(file)"
        let fm = FileManager.default
        if fm.fileExists(atPath: target) && !replace { throw ConsoleHTTPError.conflict(ConsoleMessages.uploadWouldReplace(file)) }
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = "\(folder)/.gridpay-upload-\(UUID().uuidString)"
        let (bytes, sha) = try await stream(body, to: temporary)
        guard bytes > 0 else {
            unlink(temporary)
            throw ConsoleHTTPError.badRequest(ConsoleMessages.emptyUpload(file))
        }
        var keptAs = ""
        do {
            if fm.fileExists(atPath: target) {
                let keep = "\(console.folders.consoleDir)/replaced/\(ref.town.town)/\(month)"
                try fm.createDirectory(atPath: keep, withIntermediateDirectories: true)
                keptAs = "\(keep)/\(Self.stamp())-\(file)"
                try fm.moveItem(atPath: target, toPath: keptAs)
            }
            guard rename(temporary, target) == 0 else { throw ConsoleHTTPError(.internalServerError, ConsoleMessages.internalError) }
        } catch {
            unlink(temporary)
            throw error
        }
        let shortKept = keptAs.isEmpty ? "" : "replaced/\(ref.town.town)/\(month)/\((keptAs as NSString).lastPathComponent)"
        try console.store.recordUpload(town: ref.town.town, period: month, file: file, bytes: bytes, sha256: sha, account: account.name,
                                       replacedAs: shortKept, action: .upload,
                                       detail: ConsoleMessages.uploadDetail(file: file, bytes: bytes, keptAs: shortKept))
        return Stored(file: file, bytes: bytes, sha256: sha, replaced: !keptAs.isEmpty)
    }

    /// The month if it is closed, or the closed period holding it (a quarter, a preliminary
    /// half-year, a year); nil when none is.
    static func closedPeriod(_ ref: PeriodRef, console: Console) -> String? {
        if PeriodStatus.closing(ref, console: console) != nil { return ref.text }
        for kind in ref.rules.rules.runnableKinds {
            var outer = ref
            outer.period = CalendarPeriod.of(kind, holding: ref.period.firstMonth)
            if outer.period != ref.period && PeriodStatus.closing(outer, console: console) != nil { return outer.text }
        }
        return nil
    }

    /// Writes the body to `path` as it arrives, with its SHA-256; over the limit, the file is removed and 413 answered.
    static func stream(_ body: RequestBody, to path: String) async throws -> (Int, String) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ConsoleHTTPError(.internalServerError, ConsoleMessages.internalError)
        }
        var total = 0
        let digest = try SHA256Digest()
        do {
            for try await chunk in body {
                total += chunk.readableBytes
                guard total <= maxBytes else { throw ConsoleHTTPError(.contentTooLarge, ConsoleMessages.uploadTooLarge(maxBytes >> 20)) }
                try chunk.withUnsafeReadableBytes { raw in
                    try digest.update(raw)
                    try handle.write(contentsOf: raw)
                }
            }
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            unlink(path)
            throw error
        }
        return (total, try digest.finish())
    }

    static func stamp() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd'T'HHmmss.SSS"
        return f.string(from: Date())
    }
}
