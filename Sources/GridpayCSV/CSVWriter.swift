import CLibCSV
import Glibc

/// Writes RFC 4180 CSV; every field is quoted by libcsv's csv_write ("" inside, quotes around).
public final class CSVWriter {
    public let path: String
    private var file: UnsafeMutablePointer<FILE>?
    private let lineEnding: [UInt8]
    /// One record's bytes, reused, so each record costs a single fwrite.
    private var recordBytes: [UInt8] = []

    /// Creates or truncates the file at `path`.
    public init(path: String, writeUTF8BOM: Bool = true, lineEnding: String = "\r\n") throws(CSVWriteError) {
        self.path = path
        self.lineEnding = Array(lineEnding.utf8)
        guard let file = fopen(path, "wb") else {
            throw .cannotCreate(path: path, reason: describeErrno(errno))
        }
        self.file = file
        if writeUTF8BOM {
            // Excel needs the BOM to open UTF-8 CSV (Chinese names) correctly.
            do {
                try writeBytes([0xEF, 0xBB, 0xBF])
            } catch {
                _ = fclose(file)  // the write error is the one worth reporting
                self.file = nil
                throw error
            }
        }
    }

    deinit {
        // Callers that need to know whether the data reached the disk call close(); deinit cannot report.
        if let file { _ = fclose(file) }
    }

    public func write(record: [String]) throws(CSVWriteError) {
        recordBytes.removeAll(keepingCapacity: true)
        for (index, field) in record.enumerated() {
            if index > 0 { recordBytes.append(UInt8(CSV_COMMA)) }
            try appendQuoted(field)
        }
        recordBytes.append(contentsOf: lineEnding)
        try writeBytes(recordBytes)
    }

    /// Flushes and closes; fclose is where a full disk shows up. Closing twice is harmless.
    public func close() throws(CSVWriteError) {
        guard let file else { return }
        self.file = nil  // after fclose the FILE is gone whatever it returned
        if fclose(file) != 0 {
            throw .closeFailed(path: path, reason: describeErrno(errno))
        }
    }

    private func appendQuoted(_ field: String) throws(CSVWriteError) {
        var field = field  // withUTF8 may need to make a bridged string contiguous
        let quotedCount: Int? = field.withUTF8 { source in
            guard let sourceBase = source.baseAddress, !source.isEmpty else {
                // csv_write writes nothing for a NULL source, and an empty String may have no storage.
                recordBytes.append(contentsOf: [UInt8(CSV_QUOTE), UInt8(CSV_QUOTE)])
                return 2
            }
            // Worst case: every byte a quote (doubled) plus the two surrounding quotes.
            let capacity = 2 * source.count + 2
            let start = recordBytes.count
            recordBytes.append(contentsOf: repeatElement(0, count: capacity))
            let needed = recordBytes.withUnsafeMutableBytes { destination in
                csv_write(destination.baseAddress! + start, capacity, sourceBase, source.count)
            }
            guard needed <= capacity else { return nil }
            recordBytes.removeLast(capacity - needed)
            return needed
        }
        if quotedCount == nil {
            throw .writeFailed(path: path, reason: "csv_write needed more room than the worst case")
        }
    }

    private func writeBytes(_ bytes: [UInt8]) throws(CSVWriteError) {
        guard let file else { throw .alreadyClosed(path: path) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != bytes.count {
            throw .writeFailed(path: path, reason: describeErrno(errno))
        }
    }
}
