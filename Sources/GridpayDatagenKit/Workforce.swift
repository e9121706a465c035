/// Cells of one column for every worker, as the bytes that go into the file (already quoted
/// where RFC 4180 needs it), end to end.
public struct FlatCells: Sendable {
    public var bytes: [UInt8] = []
    public var ends: [Int] = []
    public var longest = 0

    mutating func append(_ b: [UInt8]) {
        bytes.append(contentsOf: b)
        ends.append(bytes.count)
        longest = max(longest, b.count)
    }

    public subscript(i: Int) -> ArraySlice<UInt8> { bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]] }
    public func text(_ i: Int) -> String { String(decoding: self[i], as: UTF8.self) }
}

/// The workers of a generated town: ids, how they sit in grids and units, and how diligent each
/// one is. The same for every month written in one run (same seed and worker count).
public struct Workforce: Sendable {
    public let count: Int
    public let diligence: [Double]
    /// Worker ids, encoded for CSV.
    public let ids: FlatCells
    /// Unit (village) of each worker, 0-based, in roster order.
    public let unitOf: [Int32]
    /// Grid of each worker, 0-based within its unit.
    public let gridOf: [Int32]
    public let unitCount: Int
    public let maxGridsPerUnit: Int

    public init(model: WorkerModel, count: Int, seed: UInt64) {
        self.count = count
        var rng = Xoshiro256(seed: SeedMix.derive(seed, SeedMix.fnv1a("workers")))
        // Grids of 1…n workers, filled in order; a unit is closed once it has workersPerUnit workers.
        let gridPick = WeightedPick(model.gridWeights)
        var unitOf: [Int32] = [], gridOf: [Int32] = []
        unitOf.reserveCapacity(count)
        gridOf.reserveCapacity(count)
        var unit = 0, inUnit = 0, grid = 0, maxGrids = 0
        while unitOf.count < count {
            let size = min(model.gridSizes[gridPick.pick(&rng)], count - unitOf.count)
            for _ in 0..<size {
                unitOf.append(Int32(unit))
                gridOf.append(Int32(grid))
            }
            inUnit += size
            grid += 1
            maxGrids = max(maxGrids, grid)
            if inUnit >= model.workersPerUnit && unitOf.count < count {
                unit += 1
                inUnit = 0
                grid = 0
            }
        }
        self.unitOf = unitOf
        self.gridOf = gridOf
        unitCount = count == 0 ? 0 : unit + 1
        maxGridsPerUnit = maxGrids

        let bandPick = WeightedPick(model.diligenceBands.map(\.weight))
        var diligence: [Double] = []
        diligence.reserveCapacity(count)
        for _ in 0..<count {
            let band = model.diligenceBands[bandPick.pick(&rng)]
            diligence.append(band.low + (band.high - band.low) * rng.unit())
        }
        self.diligence = diligence

        var ids = FlatCells()
        ids.bytes.reserveCapacity(count * (model.idPrefix.utf8.count + model.idWidth))
        ids.ends.reserveCapacity(count)
        let width = max(model.idWidth, String(count).count)
        let prefix = model.idPrefix
        let needsQuotes = CSVField.needsQuotes(prefix)
        let inner = CSVField.escapedInner(prefix)
        for i in 0..<count {
            let digits = String(i + 1)
            var cell: [UInt8] = needsQuotes ? [UInt8(ascii: "\"")] + inner : inner
            cell.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, width - digits.utf8.count)))
            cell.append(contentsOf: digits.utf8)
            if needsQuotes { cell.append(UInt8(ascii: "\"")) }
            ids.append(cell)
        }
        self.ids = ids
    }
}

/// Picks an index by weight with one uniform draw.
struct WeightedPick: Sendable {
    let cumulative: [Double]
    /// The last index with a positive weight (for a draw that rounds up to the total).
    let last: Int

    init(_ weights: [Double]) {
        var c: [Double] = []
        var total = 0.0
        for w in weights {
            total += w
            c.append(total)
        }
        cumulative = c
        last = weights.lastIndex { $0 > 0 } ?? max(0, weights.count - 1)
    }

    @inline(__always)
    func pick(_ rng: inout Xoshiro256) -> Int {
        let u = rng.unit() * cumulative[cumulative.count - 1]
        for (i, c) in cumulative.enumerated() where u < c { return i }
        return last
    }
}
