import Foundation
import GridpayCore
import GridpayHash

/// A rule file as read from disk: its text (for carets in diagnostics), hash and checked rules.
public struct LoadedRules: Sendable {
    public var path: String
    public var text: String
    public var sha256: String
    public var rules: RuleSet
}

/// Finds and loads the rule file in force for a town and month. A town is either one file,
/// `Rules/<town>.toml`, or a folder of effective-dated versions, `Rules/<town>/*.toml`, of which
/// the one with the latest `effective_from` not after the month applies.
public enum RuleFiles {
    public static func locate(town: String, period: Period, rulesDir: String) -> Result<String, PipelineFailure> {
        if let missing = missingTown(town, rulesDir: rulesDir) { return .failure(missing) }
        let fm = FileManager.default
        let single = "\(rulesDir)/\(town).toml"
        let folder = "\(rulesDir)/\(town)"
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue {
            let files = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
            var best: (Period, String)?
            var problems: [Diagnostic] = []
            var versions: [LoadedRules] = []
            for f in files {
                let path = "\(folder)/\(f)"
                switch load(path: path) {
                case .success(let loaded):
                    versions.append(loaded)
                    let from = loaded.rules.effectiveFrom
                    if from <= period, best == nil || from > best!.0 { best = (from, path) }
                    if let b = best, from == b.0, path != b.1 {
                        problems.append(.error(RuleFileMessages.twoVersionsInOneMonth("\(from)", b.1, path), at: SourceLocation(file: path, line: 1, column: 1)))
                    }
                case .failure(let failure):
                    problems.append(contentsOf: failure.diagnostics)
                }
            }
            if !problems.isEmpty { return .failure(PipelineFailure(diagnostics: problems)) }
            guard let best else {
                if versions.isEmpty { return .failure(PipelineFailure(message: RuleFileMessages.noVersionInFolder(folder, town: town))) }
                return .failure(notInForce(town: town, period: period, versions: versions, names: versions.map { "\(town)/\(($0.path as NSString).lastPathComponent)" }))
            }
            return .success(best.1)
        }
        // One file is one version: it too applies from its effective_from on only.
        return load(path: single).flatMap { loaded in
            loaded.rules.effectiveFrom <= period ? .success(single) : .failure(notInForce(town: town, period: period, versions: [loaded], names: ["\(town).toml"]))
        }
    }

    /// Why `town` has no rule file in `rulesDir` (neither `<town>.toml` nor a folder `<town>/`, or a
    /// name that is not plain), as `locate` says it; nil when it has one (in force or not).
    public static func missingTown(_ town: String, rulesDir: String) -> PipelineFailure? {
        if let why = PlainName.problem(town) { return PipelineFailure(message: RuleFileMessages.townNotPlain(why)) }
        let fm = FileManager.default
        let single = "\(rulesDir)/\(town).toml", folder = "\(rulesDir)/\(town)"
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue { return nil }
        if fm.fileExists(atPath: single) { return nil }
        let known = ((try? fm.contentsOfDirectory(atPath: rulesDir)) ?? []).map { $0.hasSuffix(".toml") ? String($0.dropLast(5)) : $0 }
        return PipelineFailure(message: RuleFileMessages.noRuleFile(town, file: single, folder: folder, didYouMean: Suggestion.didYouMean(town, among: known)))
    }

    /// No version takes effect by `period`: each version's file (`names`, without the rules folder, as
    /// the message may be written into an output as a history gap) and effective_from, pointing at
    /// the earliest one's effective_from.
    static func notInForce(town: String, period: Period, versions: [LoadedRules], names: [String]) -> PipelineFailure {
        let order = versions.indices.sorted { (versions[$0].rules.effectiveFrom, names[$0]) < (versions[$1].rules.effectiveFrom, names[$1]) }
        let list = order.map { RuleFileMessages.versionTakesEffect(names[$0], version: versions[$0].rules.version, from: "\(versions[$0].rules.effectiveFrom)") }
        let earliest = versions[order[0]]
        return PipelineFailure(diagnostics: [.error(
            RuleFileMessages.notInForce(town, period: "\(period)", versions: list, earliest: "\(earliest.rules.effectiveFrom)"), at: earliest.rules.effectiveFromLocation)],
            sources: [earliest.path: earliest.text])
    }

    /// A rule file is text a person writes (the shipped ones are a few tens of KB): one larger
    /// than this is refused unread (a 45 MB file took 830 MB to load). Rule files in Rules/ and
    /// compare's candidates alike.
    public static let maximumBytes = 4 << 20

    public static func load(path: String) -> Result<LoadedRules, PipelineFailure> {
        // Said with the system's reason (no such file, permission denied, a folder): errno from open itself.
        let unreadable = { (code: Int32) in PipelineFailure(message: RuleFileMessages.cannotRead(path, reason: SystemError.words(code))) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(unreadable(errno)) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        // An empty file reads as nil (end of file at once): an empty rule file, whose missing
        // sections are reported at their place, not a file that cannot be read.
        let data: Data
        do { data = try handle.read(upToCount: maximumBytes + 1) ?? Data() } catch {
            let ns = error as NSError
            return .failure(unreadable(ns.domain == NSPOSIXErrorDomain ? Int32(ns.code) : EIO))
        }
        try? handle.close()
        guard data.count <= maximumBytes else { return .failure(PipelineFailure(message: RuleFileMessages.tooLarge(path, limit: maximumBytes))) }
        guard let text = String(validating: data, as: UTF8.self) else {
            // Where: the line and column of the first byte that is not UTF-8.
            let bytes = [UInt8](data)
            let bad = firstInvalidUTF8(bytes)
            // Lines counted on the bytes (LF, so CRLF too: "\r\n" is one Character, which
            // split(separator: "\n") would not split at), columns in characters, a BOM first no column.
            let lineStart = (bytes[0..<bad].lastIndex(of: 0x0A) ?? -1) + 1
            var lineText = String(decoding: bytes[lineStart..<bad], as: UTF8.self)
            if lineStart == 0, lineText.first == "\u{FEFF}" { lineText.removeFirst() }
            let loc = SourceLocation(file: path, line: bytes[0..<bad].filter { $0 == 0x0A }.count + 1, column: lineText.count + 1)
            let byte = bad < bytes.count ? String(bytes[bad], radix: 16, uppercase: true) : "?"
            return .failure(PipelineFailure(diagnostics: [.error(RuleFileMessages.notUTF8(byte: byte), at: loc)]))
        }
        let sha256: String
        do { sha256 = try FileDigest.hex(data) } catch {
            return .failure(PipelineFailure(message: RuleFileMessages.cannotHash(path, "\(error)")))
        }
        switch RuleLoader.load(text: text, file: path) {
        case .success(let rules):
            return .success(LoadedRules(path: path, text: text, sha256: sha256, rules: rules))
        case .failure(let f):
            return .failure(PipelineFailure(diagnostics: f.diagnostics, sources: [path: text]))
        }
    }
}

/// Offset of the first byte that does not begin or continue a well-formed UTF-8 sequence.
func firstInvalidUTF8(_ p: [UInt8]) -> Int {
    var i = 0
    let n = p.count
    func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
    while i < n {
        let b0 = p[i]
        switch b0 {
        case 0x00...0x7F: i += 1
        case 0xC2...0xDF:
            guard cont(1) else { return i }
            i += 2
        case 0xE0...0xEF:
            guard cont(1), cont(2), !(b0 == 0xE0 && p[i + 1] < 0xA0), !(b0 == 0xED && p[i + 1] > 0x9F) else { return i }
            i += 3
        case 0xF0...0xF4:
            guard cont(1), cont(2), cont(3), !(b0 == 0xF0 && p[i + 1] < 0x90), !(b0 == 0xF4 && p[i + 1] > 0x8F) else { return i }
            i += 4
        default: return i
        }
    }
    return n
}
