/// The bytes of one `unique` key of a row (its cells), compared byte for byte: ids are equal only
/// when their code points are (SPEC §11), never by Unicode canonical equivalence as `String`'s
/// `==` would have it.
///
/// Why not `[UInt8]`: a roster of 100,000 ids is checked in memory, and an array per id (grown as
/// its cells are appended) left 100,000 small holes in the heap when the roster's check was done,
/// which made every later allocation of the workbook writer slower (about 0.5 s at 100,000
/// workers). Keys of up to `inlineCapacity` bytes — nearly every id, and most pairs of ids — are
/// kept in three words and allocate nothing.
struct UniqueKeyBytes: Hashable {
    static let inlineCapacity = 24

    /// The first `inlineCapacity` bytes, little-endian in three words (zero past `count`).
    private var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    private var count = 0
    /// The bytes after the first `inlineCapacity` (nil when there are none).
    private var rest: [UInt8]? = nil

    init() {}

    /// The key of `cells`: a single cell is its own bytes; several cells are each preceded by
    /// their length (LEB128), so that ("ab", "c") and ("a", "bc") stay two keys. Only keys of the
    /// same columns are ever compared, so a key's number of cells needs no marking.
    init<Cells: Sequence>(cells: Cells) where Cells.Element == UnsafeBufferPointer<UInt8> {
        var iterator = cells.makeIterator()
        guard let first = iterator.next() else { return }
        guard let second = iterator.next() else { append(contentsOf: first); return }
        appendLengthPrefixed(first)
        appendLengthPrefixed(second)
        while let cell = iterator.next() { appendLengthPrefixed(cell) }
    }

    private mutating func appendLengthPrefixed(_ cell: UnsafeBufferPointer<UInt8>) {
        var n = cell.count
        repeat {
            let low = UInt8(n & 0x7F)
            n >>= 7
            append(n == 0 ? low : low | 0x80)
        } while n != 0
        append(contentsOf: cell)
    }

    private mutating func append(contentsOf cell: UnsafeBufferPointer<UInt8>) {
        for byte in cell { append(byte) }
    }

    private mutating func append(_ byte: UInt8) {
        if count < Self.inlineCapacity {
            let bits = UInt64(byte) << UInt64((count % 8) * 8)
            switch count / 8 {
            case 0: words.0 |= bits
            case 1: words.1 |= bits
            default: words.2 |= bits
            }
        } else {
            if rest == nil { rest = [] }
            rest!.append(byte)
        }
        count += 1
    }

    static func == (a: UniqueKeyBytes, b: UniqueKeyBytes) -> Bool {
        a.count == b.count && a.words == b.words && a.rest == b.rest
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        if let rest { hasher.combine(rest) }
    }
}
