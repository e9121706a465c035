/// Worker id → worker index, looked up straight from a cell's bytes: the worker column of every
/// input row goes through here, so no String is made and no general-purpose hashing runs.
/// Open addressing with linear probing; ids are stored back to back.
final class ByteKeyIndex {
    private var slots: [Int32] = Array(repeating: -1, count: 1024)   // worker index, or -1
    private var hashes: [UInt64] = Array(repeating: 0, count: 1024)
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private(set) var count = 0

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h ^ (h >> 29)
    }

    @inline(__always)
    private func key(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[start..<ends[index]]) }
    }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = Self.hash(key)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        return bytes.withUnsafeBufferPointer { stored in
            while true {
                let s = slots[i]
                if s < 0 { return nil }
                if hashes[i] == h {
                    let w = Int(s)
                    let start = w == 0 ? 0 : ends[w - 1]
                    let length = ends[w] - start
                    if length == key.count {
                        var same = true
                        for k in 0..<length where stored[start + k] != key[k] { same = false; break }
                        if same { return w }
                    }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds the next worker's id (its index is the number of ids added before).
    func append(_ id: String) {
        var id = id
        id.withUTF8 { key in
            bytes.append(contentsOf: key)
            ends.append(bytes.count)
        }
        count += 1
        if count * 2 > slots.count { rehash(slots.count * 2) } else { place(count - 1) }
    }

    private func place(_ w: Int) {
        let h = Self.hash(key(w))
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(w)
        hashes[i] = h
    }

    private func rehash(_ capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        hashes = Array(repeating: 0, count: capacity)
        for w in 0..<count { place(w) }
    }
}
