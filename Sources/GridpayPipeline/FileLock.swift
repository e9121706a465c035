import Foundation

/// An advisory lock on a file (flock), taken without waiting: a second process is refused at
/// once, not queued. The output folder's lock records the pid of the process that holds it (for
/// the message of a second run) and is emptied on release, so that the file left behind is the
/// same bytes after every run; the ledger's lock records nothing.
public final class FileLock {
    public enum Outcome: Equatable {
        case acquired
        /// Another process holds it; `holder` is the pid it recorded ("unknown" when none).
        case busy(holder: String)
        /// The lock file could not be opened (`opening`) or locked: said with its errno, never
        /// blamed on another process.
        case failed(errno: Int32, opening: Bool)
    }

    public let path: String
    private let recordsHolder: Bool
    private var descriptor: Int32 = -1

    public init(path: String, recordsHolder: Bool = false) {
        self.path = path
        self.recordsHolder = recordsHolder
    }

    public func acquire() -> Outcome {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .failed(errno: errno, opening: true) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = recordsHolder ? Self.recordedHolder(fd) : "unknown"
            close(fd)
            return code == EWOULDBLOCK ? .busy(holder: holder) : .failed(errno: code, opening: false)
        }
        if recordsHolder {
            let text = Array("\(ProcessInfo.processInfo.processIdentifier)\n".utf8)
            _ = ftruncate(fd, 0)
            _ = pwrite(fd, text, text.count, 0)
        }
        descriptor = fd
        return .acquired
    }

    public func release() {
        guard descriptor >= 0 else { return }
        if recordsHolder { _ = ftruncate(descriptor, 0) }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    private static func recordedHolder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, 31, 0)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "unknown"
    }
}
