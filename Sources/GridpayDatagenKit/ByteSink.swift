#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CSV bytes for one output file, built in a fixed buffer and written with fwrite in large
/// chunks. Values are appended as bytes (digits are formatted by hand): no String per row.
public final class ByteSink {
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private let file: UnsafeMutablePointer<FILE>?
    private let path: String
    /// Bytes written so far (flushed and buffered).
    public private(set) var bytesWritten = 0
    /// Where bytes go when there is no file (tests, roster cells).
    private var memory: [UInt8]?

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// A sink that writes the file at `path` (created or truncated).
    public init(path: String, capacity: Int = 1 << 22) throws {
        guard let f = fopen(path, "wb") else {
            throw WriteError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        self.file = f
        self.path = path
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    /// A sink that keeps its bytes in memory (`takeBytes()`).
    public init(capacity: Int = 1 << 12) {
        file = nil
        path = ""
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
        memory = []
    }

    deinit {
        if let file { fclose(file) }
        buffer.deallocate()
    }

    private func flush() throws(WriteError) {
        guard count > 0 else { return }
        if file != nil {
            let n = fwrite(buffer, 1, count, file)
            if n != count { throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        } else {
            memory!.append(contentsOf: UnsafeBufferPointer(start: buffer, count: count))
        }
        count = 0
    }

    /// Makes room for `n` more bytes: call before each row with a bound of its length.
    @inline(__always)
    public func reserve(_ n: Int) throws(WriteError) {
        if count + n > capacity {
            try flush()
            precondition(n <= capacity, "a single value longer than the sink's buffer")
        }
    }

    public func close() throws(WriteError) {
        try flush()
        if let file {
            if fflush(file) != 0 { throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        }
    }

    /// The bytes of an in-memory sink, which is emptied.
    public func takeBytes() -> [UInt8] {
        try? flush()
        let out = memory ?? []
        memory = []
        return out
    }

    @inline(__always)
    public func byte(_ b: UInt8) {
        buffer[count] = b
        count += 1
        bytesWritten += 1
    }

    @inline(__always)
    public func bytes(_ b: [UInt8]) {
        let n = b.count
        guard n > 0 else { return }
        b.withUnsafeBufferPointer { src in
            (buffer + count).update(from: src.baseAddress!, count: n)
        }
        count += n
        bytesWritten += n
    }

    @inline(__always)
    public func bytes(_ b: ArraySlice<UInt8>) {
        let n = b.count
        guard n > 0 else { return }
        b.withUnsafeBufferPointer { src in
            (buffer + count).update(from: src.baseAddress!, count: n)
        }
        count += n
        bytesWritten += n
    }

    @inline(__always)
    public func bytes(_ b: UnsafeBufferPointer<UInt8>) {
        guard b.count > 0 else { return }
        (buffer + count).update(from: b.baseAddress!, count: b.count)
        count += b.count
        bytesWritten += b.count
    }

    /// A non-negative integer, zero-padded to at least `width` digits.
    @inline(__always)
    public func number(_ value: Int, width: Int = 1) {
        var v = value
        var digits = 1
        var p = 10
        while v >= p && digits < 19 { digits += 1; p &*= 10 }
        let n = max(digits, width)
        var i = count + n - 1
        for _ in 0..<n {
            buffer[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
            v /= 10
            i -= 1
        }
        count += n
        bytesWritten += n
    }

    /// Two digits, 00-99.
    @inline(__always)
    public func twoDigits(_ v: Int) {
        buffer[count] = UInt8(truncatingIfNeeded: 48 + v / 10)
        buffer[count + 1] = UInt8(truncatingIfNeeded: 48 + v % 10)
        count += 2
        bytesWritten += 2
    }
}

/// RFC 4180: a field holding a comma, a double quote, CR or LF goes in double quotes, with each
/// double quote inside doubled.
public enum CSVField {
    public static func needsQuotes(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }
    }

    /// The field's bytes as they appear in the file.
    public static func encoded(_ text: String) -> [UInt8] {
        guard needsQuotes(text) else { return Array(text.utf8) }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for b in text.utf8 {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// Inner bytes of a quoted field (quotes doubled, no surrounding quotes).
    public static func escapedInner(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for b in text.utf8 {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
        return out
    }
}
