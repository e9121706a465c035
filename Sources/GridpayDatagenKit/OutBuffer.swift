#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes stay put in raw memory owned by an `Arena`; the hot loop reads them through plain
/// pointers, so writing a row costs no reference counting and no exclusivity checks.
struct Text {
    var base: UnsafePointer<UInt8>
    var count: Int
}

struct TextList {
    var base: UnsafePointer<Text>
    var count: Int

    @inline(__always) subscript(i: Int) -> Text { base[i] }
    var longest: Int { (0..<count).reduce(0) { max($0, base[$1].count) } }
}

/// Raw memory for one month's (or one table's) read-only data: freed together at the end.
/// Holds only trivial values (bytes, numbers, pointers).
final class Arena: @unchecked Sendable {
    private var blocks: [UnsafeMutableRawPointer] = []

    func allocate<T>(_ count: Int, _ initial: T) -> UnsafeMutablePointer<T> {
        let n = max(1, count)
        let p = UnsafeMutablePointer<T>.allocate(capacity: n)
        p.initialize(repeating: initial, count: n)
        blocks.append(UnsafeMutableRawPointer(p))
        return p
    }

    func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, a.count))
        a.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { p.initialize(from: s, count: a.count) }
        }
        blocks.append(UnsafeMutableRawPointer(p))
        return p
    }

    func text(_ bytes: [UInt8]) -> Text { Text(base: UnsafePointer(copy(bytes)), count: bytes.count) }

    func list(_ texts: [[UInt8]]) -> TextList {
        TextList(base: UnsafePointer(copy(texts.map(text))), count: texts.count)
    }

    deinit {
        for b in blocks { b.deallocate() }
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public var description: String
}

/// CSV bytes built in a buffer and written with fwrite in large chunks (file mode), or kept and
/// grown in memory (file == nil). Digits are formatted by hand: no String per row.
struct OutBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0
    private(set) var flushed = 0
    let file: UnsafeMutablePointer<FILE>?
    let path: String

    init(file: UnsafeMutablePointer<FILE>?, path: String = "", capacity: Int) {
        self.file = file
        self.path = path
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    /// Bytes written so far, flushed or not.
    var total: Int { flushed + count }

    func free() { base.deallocate() }

    mutating func flush() throws(WriteError) {
        guard let file, count > 0 else { return }
        if fwrite(base, 1, count, file) != count {
            throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        flushed += count
        count = 0
    }

    /// Makes room for `n` more bytes: call before each row with a bound of its length.
    @inline(__always)
    mutating func reserve(_ n: Int) throws(WriteError) {
        if count + n > capacity { try makeRoom(n) }
    }

    private mutating func makeRoom(_ n: Int) throws(WriteError) {
        if file != nil { try flush() }
        if count + n > capacity {
            let newCapacity = max(capacity * 2, count + n)
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            p.update(from: base, count: count)
            base.deallocate()
            base = p
            capacity = newCapacity
        }
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        base[count] = b
        count += 1
    }

    @inline(__always)
    mutating func text(_ t: Text) {
        (base + count).update(from: t.base, count: t.count)
        count += t.count
    }

    mutating func bytes(_ b: [UInt8]) {
        for x in b { byte(x) }
    }

    /// A non-negative integer, zero-padded to at least `width` digits.
    @inline(__always)
    mutating func number(_ value: Int, width: Int = 1) {
        var v = value
        var digits = 1
        var limit = 10
        while v >= limit && digits < 18 {
            digits += 1
            limit &*= 10
        }
        if v >= limit { digits += 1 }
        let n = max(digits, width)
        var i = count + n - 1
        for _ in 0..<n {
            base[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
            v /= 10
            i -= 1
        }
        count += n
    }

    @inline(__always)
    mutating func twoDigits(_ v: Int) {
        base[count] = UInt8(truncatingIfNeeded: 48 + v / 10)
        base[count + 1] = UInt8(truncatingIfNeeded: 48 + v % 10)
        count += 2
    }
}
