import Foundation
import GridpayCore
import GridpayCSV
import GridpayHash

extension CSVRawRecord: RawRecord {}

/// The sizes behind the spill files, each chosen so that memory stays flat in rows while the
/// disk is written and read in large sequential pieces.
enum SpillSizes {
    /// A spill writer's default buffer, and the pieces files are read back and hashed in: 1 MiB.
    static let ioChunk = 1 << 20
    /// Key hashes a table keeps in memory before it spills them (2^16 × 16 bytes = 1 MiB a key):
    /// small, so that a month with ten times the rows needs hardly more memory (issue 7).
    static let keysInMemory = 1 << 16
    /// Spilled key hashes go to 2^8 = 256 partition files by the hash's top byte, so that each
    /// file is small enough to sort alone.
    static let partitionBits = 8
    static let partitions = 1 << partitionBits
    /// The buffer of each partition file: 4 KiB × 256 files = 1 MiB a key, flushed as it fills
    /// and let go when the table is done.
    static let partitionBuffer = 1 << 12
    /// A spilled key entry: its 64-bit hash and 64-bit line.
    static let keyEntryBytes = 16
    /// The buffer of a table's deduction spill: 256 KiB.
    static let deductionBuffer = 1 << 18
    /// A deduction's reason is stored with a 16-bit length: longer reasons are cut there.
    static let reasonBytes = Int(UInt16.max)
    /// A spilled deduction before its reason: worker (4), item (2), deduction (2), line (4),
    /// file (2), points and yuan as two numerator/denominator pairs (4 × 16), reason length (2).
    static let deductionFixedBytes = 4 + 2 + 2 + 4 + 2 + 4 * 16 + 2

    /// The partition of a key hash.
    @inline(__always) static func partition(_ hash: UInt64) -> Int { Int(hash >> (64 - partitionBits)) }
}

/// A run's scratch folder and one deduction spill per table (none where a month keeps its
/// deductions in memory: explain, rule-file tests).
struct MonthSpills {
    let scratch: ScratchFolder?
    let byTable: [Int: DeductionSpill]

    init() {
        scratch = nil
        byTable = [:]
    }

    init(tables: Int) throws(PipelineFailure) {
        do {
            let folder = try ScratchFolder()
            var spills: [Int: DeductionSpill] = [:]
            for t in 0..<tables { spills[t] = try DeductionSpill(scratch: folder.path, name: "deductions-\(t)") }
            scratch = folder
            byTable = spills
        } catch {
            throw PipelineFailure(message: ScratchProblem(action: ScratchMessages.createScratchFiles(), underlying: error).description)
        }
    }

    var inTableOrder: [DeductionSpill] { byTable.sorted { $0.key < $1.key }.map(\.value) }
}

/// A scratch folder for one run's spill files, removed when the run is done.
final class ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("gridpay-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        ScratchFolder.removeLeftovers()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Scratch folders of killed runs (gridpay-<pid>-<uuid> whose process is gone) are removed.
    static func removeLeftovers() {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.path
        for entry in (try? fm.contentsOfDirectory(atPath: root)) ?? [] where entry.hasPrefix("gridpay-") {
            let parts = entry.dropFirst("gridpay-".count).split(separator: "-", maxSplits: 1)
            guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, UUID(uuidString: String(parts[1])) != nil else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? fm.removeItem(atPath: "\(root)/\(entry)") }
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Appends fixed-size binary records to a file through a large buffer.
final class SpillWriter {
    let handle: FileHandle
    var buffer: [UInt8] = []
    let path: String

    let capacity: Int

    init(path: String, bufferCapacity: Int = SpillSizes.ioChunk) throws {
        self.path = path
        capacity = bufferCapacity
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ScratchProblem(action: ScratchMessages.createScratchFile(path), code: errno)
        }
        do { handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path)) } catch {
            throw ScratchProblem(action: ScratchMessages.openScratchFile(path), underlying: error)
        }
        buffer.reserveCapacity(bufferCapacity)
    }

    @inline(__always) func append<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { buffer.append(contentsOf: $0) }
    }

    func append(bytes: some Collection<UInt8>) { buffer.append(contentsOf: bytes) }

    func flushIfFull() throws {
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { throw ScratchProblem(action: ScratchMessages.writeScratchFile(path), underlying: error) }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        buffer = []
        try handle.close()
    }
}

/// Finds duplicated keys in bounded memory. Each row's key is reduced to a 64-bit hash and its
/// line; up to `memoryLimit` pairs stay in memory, beyond that they go to 256 partition files by
/// the hash's top byte, each small enough to sort alone. Equal hashes are then confirmed by
/// reading the key text of just those lines again, so a hash collision can never invent a
/// duplicate.
/// @unchecked Sendable: one table's finder is used by the one thread that reads that table.
final class DuplicateKeyFinder: UniqueKeySink, @unchecked Sendable {
    struct Entry: Comparable {
        var hash: UInt64
        var line: UInt64
        static func < (a: Entry, b: Entry) -> Bool { (a.hash, a.line) < (b.hash, b.line) }
    }

    let scratch: String
    /// Keeps the files of tables read at the same time apart.
    let prefix: String
    let memoryLimit: Int
    /// Per unique key of the current table.
    var inMemory: [[Entry]] = []
    var partitions: [[SpillWriter]?] = []
    /// The first failure to create or write a partition file (a full scratch disk). Entries are
    /// never dropped silently: `candidateGroups` throws it, and the run says what went wrong.
    private(set) var failure: ScratchProblem?

    init(scratch: String, prefix: String = "", memoryLimit: Int = SpillSizes.keysInMemory) {
        self.scratch = scratch
        self.prefix = prefix
        self.memoryLimit = memoryLimit
    }

    func start(keys: Int) {
        inMemory = Array(repeating: [], count: keys)
        partitions = Array(repeating: nil, count: keys)
    }

    func add(key: Int, hash: UInt64, line: Int) {
        guard failure == nil else { return }  // the run fails with it; nothing more to keep
        if let parts = partitions[key] {
            let w = parts[SpillSizes.partition(hash)]
            w.append(hash)
            w.append(UInt64(line))
            if w.buffer.count >= SpillSizes.partitionBuffer { flush(w) }
            return
        }
        inMemory[key].append(Entry(hash: hash, line: UInt64(line)))
        if inMemory[key].count >= memoryLimit { spill(key: key) }
    }

    private func flush(_ w: SpillWriter) {
        do { try w.flush() } catch { failure = failure ?? (error as? ScratchProblem) ?? ScratchProblem(action: ScratchMessages.writeScratchFile(w.path), underlying: error) }
    }

    func spill(key: Int) {
        var writers: [SpillWriter] = []
        for p in 0..<SpillSizes.partitions {
            do {
                writers.append(try SpillWriter(path: "\(scratch)/\(prefix)keys-\(key)-\(p).bin", bufferCapacity: SpillSizes.partitionBuffer))
            } catch {
                failure = failure ?? (error as? ScratchProblem) ?? ScratchProblem(action: ScratchMessages.createPartitionFile(), underlying: error)
                inMemory[key] = []
                return
            }
        }
        // Flushed as they fill, so that no buffer grows past its capacity.
        for e in inMemory[key] {
            let w = writers[SpillSizes.partition(e.hash)]
            w.append(e.hash)
            w.append(e.line)
            if w.buffer.count >= SpillSizes.partitionBuffer { flush(w) }
        }
        inMemory[key] = []
        partitions[key] = writers
    }

    /// Lines whose key hash is shared with another line, grouped by hash.
    func candidateGroups(key: Int) throws -> [[Int]] {
        if let failure { throw failure }
        var groups: [[Int]] = []
        func scan(_ entries: inout [Entry]) {
            entries.sort()
            var i = 0
            while i < entries.count {
                var j = i + 1
                while j < entries.count && entries[j].hash == entries[i].hash { j += 1 }
                if j - i > 1 { groups.append(entries[i..<j].map { Int($0.line) }) }
                i = j
            }
        }
        if let writers = partitions[key] {
            for w in writers {
                try w.close()
                let data = try Data(contentsOf: URL(fileURLWithPath: w.path))
                var entries: [Entry] = []
                entries.reserveCapacity(data.count / SpillSizes.keyEntryBytes)
                data.withUnsafeBytes { raw in
                    var o = 0
                    while o + SpillSizes.keyEntryBytes <= raw.count {
                        entries.append(Entry(hash: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt64.self)),
                                             line: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: o + 8, as: UInt64.self))))
                        o += SpillSizes.keyEntryBytes
                    }
                }
                try? FileManager.default.removeItem(atPath: w.path)
                scan(&entries)
            }
        } else {
            scan(&inMemory[key])
        }
        // The table is done: its buffers are not kept while the other tables are read.
        partitions[key] = nil
        inMemory[key] = []
        return groups
    }
}

/// Keeps per-row deductions on disk in the order they were found (file by file, line by line),
/// for the 扣分明细 sheet. Memory stays flat however many rows match.
final class DeductionSpill: DeductionSink {
    let writer: SpillWriter
    var tableFiles: [String] = []
    private(set) var count = 0
    var failure: Error?

    init(scratch: String, name: String = "deductions") throws {
        writer = try SpillWriter(path: "\(scratch)/\(name).bin", bufferCapacity: SpillSizes.deductionBuffer)
    }

    func add(worker: Int, record r: DeductionRecord) {
        guard r.points != .zero || r.yuan != .zero else { return }   // nothing to show in 扣分明细
        count += 1
        writer.append(UInt32(worker))
        writer.append(UInt16(r.item))
        writer.append(UInt16(r.deduction))
        writer.append(UInt32(r.line ?? 0))
        let file = r.file ?? ""
        var fileIndex = tableFiles.firstIndex(of: file)
        if fileIndex == nil {
            tableFiles.append(file)
            fileIndex = tableFiles.count - 1
        }
        writer.append(UInt16(fileIndex!))
        for n in [r.points, r.yuan] {
            writer.append(n.numerator)
            writer.append(n.denominator)
        }
        let reason = Array(r.reason.utf8.prefix(SpillSizes.reasonBytes))
        writer.append(UInt16(reason.count))
        writer.append(bytes: reason)
        do { try writer.flushIfFull() } catch { failure = error }
    }

    /// Reads the records back in order.
    func forEach(_ body: (Int, DeductionRecord) throws -> Void) throws {
        try writer.close()
        if let failure { throw failure }
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: writer.path))
        defer { try? handle.close() }
        var pending = Data()
        var offset = 0
        func need(_ n: Int) throws -> Bool {
            while pending.count - offset < n {
                let more = try handle.read(upToCount: SpillSizes.ioChunk) ?? Data()
                if more.isEmpty { return false }
                pending = pending.subdata(in: offset..<pending.count) + more
                offset = 0
            }
            return true
        }
        func read<T: FixedWidthInteger>(_: T.Type) -> T {
            let v = pending.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
            offset += MemoryLayout<T>.size
            return T(littleEndian: v)
        }
        let fixed = SpillSizes.deductionFixedBytes
        while try need(fixed) {
            let worker = Int(read(UInt32.self))
            let item = Int(read(UInt16.self))
            let deduction = Int(read(UInt16.self))
            let line = Int(read(UInt32.self))
            let file = tableFiles[Int(read(UInt16.self))]
            let points = try ExactNumber(numerator: read(Int128.self), denominator: read(Int128.self))
            let yuan = try ExactNumber(numerator: read(Int128.self), denominator: read(Int128.self))
            let length = Int(read(UInt16.self))
            guard try need(length) else { break }
            let reason = pending.withUnsafeBytes { String(decoding: $0[offset..<offset + length], as: UTF8.self) }
            offset += length
            try body(worker, DeductionRecord(item: item, deduction: deduction, reason: reason, points: points, yuan: yuan,
                                             file: file, line: line == 0 ? nil : line, times: nil))
        }
    }
}

/// Earlier months need no 扣分明细.
final class DiscardingDeductionSink: DeductionSink {
    func add(worker: Int, record: DeductionRecord) {}
}

/// A scratch file (spilled duplicate-key checks, 扣分明细 rows) could not be written: the
/// temporary folder's problem, never an input's. Said in words, with what to do.
struct ScratchProblem: Error, CustomStringConvertible {
    var action: String
    var why: String

    init(action: String, underlying: Error) {
        self.action = action
        why = FileProblem.describe(underlying)
    }

    init(action: String, code: Int32) {
        self.action = action
        why = SystemError.words(code)
    }

    var description: String {
        ScratchMessages.cannot(action, folder: FileManager.default.temporaryDirectory.path, why: why)
    }
}
