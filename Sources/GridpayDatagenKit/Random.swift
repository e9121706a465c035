/// The generator's own pseudo-random numbers: xoshiro256** seeded through SplitMix64. Never the
/// system generator and never Swift's `Hasher` (seeded per process): the same seed must give the
/// same bytes on every run and every machine.
public struct Xoshiro256: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    public init(seed: UInt64) {
        var x = seed
        s0 = SeedMix.splitMix(&x)
        s1 = SeedMix.splitMix(&x)
        s2 = SeedMix.splitMix(&x)
        s3 = SeedMix.splitMix(&x)
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in 0..<n (n > 0), without modulo bias (Lemire's multiply-and-reject).
    @inline(__always)
    public mutating func below(_ n: Int) -> Int {
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return Int(m.high)
    }

    /// Uniform in lo...hi.
    @inline(__always)
    public mutating func between(_ lo: Int, _ hi: Int) -> Int {
        hi <= lo ? lo : lo + below(hi - lo + 1)
    }

    /// Uniform in [0, 1), 53 bits.
    @inline(__always)
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

public enum SeedMix {
    @inline(__always)
    static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent stream seed for (seed, parts…): e.g. (seed, month, table name).
    public static func derive(_ seed: UInt64, _ parts: UInt64...) -> UInt64 {
        var x = seed
        var h = splitMix(&x)
        for p in parts {
            var y = h ^ p
            h = splitMix(&y)
        }
        return h
    }

    /// FNV-1a over UTF-8: a stable number for a name (Swift's hashValue changes per process).
    public static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
