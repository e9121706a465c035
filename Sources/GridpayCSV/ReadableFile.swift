import Glibc

/// A file opened read-only; the descriptor lives exactly as long as this object so no exit path leaks it.
final class ReadableFile {
    let path: String
    private let descriptor: Int32

    init(path: String) throws(CSVReadError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: describeErrno(errno)) }
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
            throw .readFailed(path: path, reason: "cannot seek to start: \(describeErrno(errno))")
        }
    }
}
