import Foundation
import GridpayCore
import Glibc

/// Where a run may write: never into, inside or around the month's own input folder (an output
/// folder equal to the input folder once deleted the month's exports).
enum OutputPlace {
    static func refusal(_ request: RunRequest) -> PipelineFailure? {
        // A town that is not a plain name is refused where the rule file is looked up.
        guard PlainName.problem(request.town) == nil else { return nil }
        let output = canonical("\(request.outputDir)/\(request.town)/\(request.period)")
        let input = canonical(request.monthInputDir)
        func inside(_ a: String, _ b: String) -> Bool { a == b || a.hasPrefix(b.hasSuffix("/") ? b : b + "/") }
        guard inside(output, input) || inside(input, output) else { return nil }
        let how: PublishMessages.Overlap = output == input ? .same : inside(output, input) ? .inside : .holds
        return PipelineFailure(message: PublishMessages.outputAmongInputs("\(request.outputDir)/\(request.town)/\(request.period)", how, input: request.monthInputDir,
                                                                  words: request.words))
    }

    /// The absolute path with symlinks resolved as far as the path exists (the rest appended).
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = (absolute as NSString).standardizingPath
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing), existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        var resolved = existing
        if let r = realpath(existing, nil) {
            resolved = String(cString: r)
            free(r)
        }
        return rest.reduce(resolved) { $0.hasSuffix("/") ? $0 + $1 : $0 + "/" + $1 }
    }
}

/// Publishes a period's outputs into its folder, replacing only gridpay's own files and leaving
/// every other file there alone (a signed scan a clerk keeps beside the workbook).
///
/// Under a lock (`.gridpay-lock` in the folder, holding the pid): the files are written into a
/// hidden staging folder inside the destination, each fsynced, the staging folder fsynced; a
/// journal naming the staging folder is written and fsynced; then each file is renamed over its
/// earlier version and the folder fsynced; then the journal goes. A run killed before the journal
/// leaves the earlier outputs; one killed after it is finished by the next run (roll forward),
/// which also removes whatever killed runs left (staging folders, scratch folders).
enum OutputPublisher {
    static let lockName = ".gridpay-lock"
    static let journalName = ".gridpay-publishing"
    static let stagingPrefix = ".gridpay-staging-"

    struct Busy: Error, CustomStringConvertible {
        var holder: String
        var pid: String
        var description: String {
            PublishMessages.busy(pid: pid, holder: holder)
        }
    }

    static func publish(to finalDir: String, holder: String, _ body: (String) throws -> [String]) throws -> [String] {
        let fm = FileManager.default
        try fm.createDirectory(atPath: finalDir, withIntermediateDirectories: true)
        let lock = try lockPeriod(finalDir, holder: holder)
        defer { lock.release() }
        try recover(finalDir)
        let pid = ProcessInfo.processInfo.processIdentifier
        let stagingName = "\(stagingPrefix)\(pid)"
        let staging = "\(finalDir)/\(stagingName)"
        try? fm.removeItem(atPath: staging)
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
        let files: [String]
        do {
            files = try body(staging)
            for f in files { try Durable.sync(file: "\(staging)/\(f)") }
            try Durable.sync(folder: staging)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        // The point of no return: from here the next run finishes what this one started.
        try Durable.write(Data((stagingName + "\n" + files.joined(separator: "\n")).utf8), to: "\(finalDir)/\(journalName)")
        try rollForward(finalDir, stagingName: stagingName, files: files)
        return files
    }

    /// One town and period at a time: `.gridpay-lock` in the period's output folder, holding the
    /// pid of the process that has it.
    static func lockPeriod(_ folder: String, holder: String) throws -> FileLock {
        let lock = FileLock(path: "\(folder)/\(lockName)", recordsHolder: true)
        switch lock.acquire() {
        case .acquired: return lock
        case .busy(let pid): throw Busy(holder: holder, pid: pid)
        case .failed(let code, let opening): throw FileProblem(action: opening ? PublishMessages.createLockFile() : PublishMessages.lockFile(), path: lock.path, code: code)
        }
    }

    /// Renames each staged file over its earlier version, syncs the folder, removes the journal.
    static func rollForward(_ folder: String, stagingName: String, files: [String]) throws {
        let staging = "\(folder)/\(stagingName)"
        for f in files where FileManager.default.fileExists(atPath: "\(staging)/\(f)") {
            guard rename("\(staging)/\(f)", "\(folder)/\(f)") == 0 else {
                throw FileProblem(action: PublishMessages.moveNewIntoPlace(f), path: "\(folder)/\(f)", code: errno)
            }
        }
        try Durable.sync(folder: folder)
        unlink("\(folder)/\(journalName)")
        try? FileManager.default.removeItem(atPath: staging)
        try Durable.sync(folder: folder)
    }

    /// What killed runs left in this folder: a journal (finish it), staging folders (drop them);
    /// and the hidden folders of the former whole-folder swap beside it.
    static func recover(_ folder: String) throws {
        let fm = FileManager.default
        if let journal = fm.contents(atPath: "\(folder)/\(journalName)") {
            let lines = String(decoding: journal, as: UTF8.self).split(separator: "\n").map(String.init)
            if let staging = lines.first, staging.hasPrefix(stagingPrefix), !staging.contains("/") {
                try rollForward(folder, stagingName: staging, files: lines.dropFirst().filter { !$0.contains("/") && !$0.hasPrefix(".") })
            } else {
                unlink("\(folder)/\(journalName)")
            }
        }
        unlink(Durable.temporaryName("\(folder)/\(journalName)"))  // a journal a killed run was still writing
        for entry in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(stagingPrefix) {
            try? fm.removeItem(atPath: "\(folder)/\(entry)")
        }
        let parent = (folder as NSString).deletingLastPathComponent
        let leaf = (folder as NSString).lastPathComponent
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? []
        where entry.hasPrefix(".\(leaf).partial-") || entry.hasPrefix(".\(leaf).old-") {
            try? fm.removeItem(atPath: "\(parent)/\(entry)")
        }
    }
}

/// fsync for files and folders, and a file written durably (temporary name, fsync, rename).
enum Durable {
    static func sync(file path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileProblem(action: PublishMessages.openForSyncing(), path: path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileProblem(action: PublishMessages.syncToDisk(), path: path, code: errno) }
    }

    static func sync(folder path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileProblem(action: PublishMessages.openFolderForSyncing(), path: path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileProblem(action: PublishMessages.syncFolderToDisk(), path: path, code: errno) }
    }

    /// Written with open/write/fsync, not FileManager.createFile: that writes through a hidden
    /// temporary file of its own (`.dat.nosync…`), which a kill leaves behind in the outputs'
    /// folder where no later run knows to remove it (KillMidRunTests found one).
    static func write(_ data: Data, to path: String) throws {
        let temporary = temporaryName(path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileProblem(action: PublishMessages.createFile(), path: temporary, code: errno) }
        defer { close(fd) }
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw FileProblem(action: PublishMessages.writeFile(), path: temporary, code: errno) }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw FileProblem(action: PublishMessages.syncToDisk(), path: temporary, code: errno) }
        guard rename(temporary, path) == 0 else { throw FileProblem(action: PublishMessages.renameIntoPlace(), path: path, code: errno) }
        try sync(folder: (path as NSString).deletingLastPathComponent)
    }

    /// Where `write` puts the bytes before the rename (a killed run's is removed by `recover`).
    static func temporaryName(_ path: String) -> String { path + ".tmp" }
}

/// A file-system failure in words: what could not be done to which file, and why.
struct FileProblem: Error, CustomStringConvertible {
    var action: String
    var path: String
    var code: Int32

    var description: String { PublishMessages.cannot(action, path, reason: SystemError.words(code)) }

    /// Any error as words: FileProblem and CocoaError (NSCocoaErrorDomain) without the domain text.
    static func describe(_ error: Error) -> String {
        if let p = error as? FileProblem { return p.description }
        let text = "\(error)"
        if !text.contains("Domain=") { return text }
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let underlying = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil }
        let posix = ns.domain == NSPOSIXErrorDomain ? Int32(ns.code) : underlying
        let why: String
        if let posix { why = SystemError.words(posix) } else {
            // Foundation's own codes, said as the errno each stands for (one table, SystemError).
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileWriteOutOfSpace: why = SystemError.words(ENOSPC)
            case .fileWriteNoPermission, .fileReadNoPermission: why = SystemError.words(EACCES)
            case .fileNoSuchFile, .fileReadNoSuchFile: why = SystemError.words(ENOENT)
            case .fileWriteVolumeReadOnly: why = SystemError.words(EROFS)
            case .fileWriteFileExists: why = SystemError.words(EEXIST)
            default: why = PublishMessages.errorCode(ns.code)
            }
        }
        return path.map { "\($0): \(why)" } ?? why
    }
}
