import Glibc

/// A file opened read-only; the descriptor lives exactly as long as this object so no exit path leaks it.
final class ReadableFile {
    let path: String
    private let descriptor: Int32

    /// Only a regular file (or a symlink to one) is read: O_NONBLOCK so that opening a FIFO does
    /// not wait for a writer, then fstat on what was opened (no race with a swapped path).
    init(path: String) throws(CSVReadError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: describeErrno(errno)) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = describeErrno(errno)
            _ = close(descriptor)
            throw .cannotOpen(path: path, reason: reason)
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            _ = close(descriptor)
            let kind: String
            switch type {
            case S_IFIFO: kind = CSVReadMessages.aFIFO()
            case S_IFDIR: kind = CSVReadMessages.aFolder()
            case S_IFCHR, S_IFBLK: kind = CSVReadMessages.aDevice()
            case S_IFSOCK: kind = CSVReadMessages.aSocket()
            default: kind = CSVReadMessages.notAFile()
            }
            throw .notRegularFile(path: path, kind: kind)
        }
        // Reads from a regular file never block; clear the flag anyway so reads behave as usual.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        // A close error on a read-only descriptor loses no data, and deinit cannot report it anyway.
        _ = close(descriptor)
    }

    /// Fills up to `count` bytes at `destination`; returns 0 only at end of file.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(CSVReadError) -> Int {
        while true {
            let bytesRead = Glibc.read(descriptor, destination, count)
            if bytesRead >= 0 { return bytesRead }
            let code = errno
            if code == EINTR { continue }  // interrupted by a signal before any data arrived: just retry
            throw .readFailed(path: path, reason: describeErrno(code))
        }
    }

    /// Back to the first byte, so a reader can stream the same file more than once.
    func rewind() throws(CSVReadError) {
        if lseek(descriptor, 0, SEEK_SET) < 0 {
            throw .readFailed(path: path, reason: CSVReadMessages.cannotSeekToStart(describeErrno(errno)))
        }
    }
}
