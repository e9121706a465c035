import Glibc

private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D

/// Counts line breaks in field bytes: LF, CRLF (once) and a lone CR.
@inline(__always)
func countLineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    // Fields are short and only quoted ones can hold CR/LF: one pass for any byte ≤ CR first.
    var found = false
    for b in bytes where b <= carriageReturn && (b == lineFeed || b == carriageReturn) {
        found = true
        break
    }
    guard found else { return 0 }
    var breaks = 0
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        if byte == lineFeed {
            breaks += 1
        } else if byte == carriageReturn {
            breaks += 1
            if index + 1 < bytes.count && bytes[index + 1] == lineFeed { index += 1 }
        }
        index += 1
    }
    return breaks
}

/// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
/// Checked in place, without building a String: most fields are never turned into one.
@inline(__always)
func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = bytes.baseAddress else { return true }
    let n = bytes.count
    var i = 0
    while i < n {
        // ASCII fast path, eight bytes at a time.
        if i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
            continue
        }
        let b0 = p[i]
        if b0 < 0x80 { i += 1; continue }
        func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            guard cont(1) else { return false }
            i += 2
        case 0xE0...0xEF:
            guard cont(1), cont(2) else { return false }
            let b1 = p[i + 1]
            if b0 == 0xE0 && b1 < 0xA0 { return false }   // overlong
            if b0 == 0xED && b1 > 0x9F { return false }   // surrogate
            i += 3
        case 0xF0...0xF4:
            guard cont(1), cont(2), cont(3) else { return false }
            let b1 = p[i + 1]
            if b0 == 0xF0 && b1 < 0x90 { return false }   // overlong
            if b0 == 0xF4 && b1 > 0x8F { return false }   // above U+10FFFF
            i += 4
        default:
            return false
        }
    }
    return true
}

/// One record's fields as bytes, valid only inside the `forEachRawRecord` callback. Lets a caller
/// decode numbers, dates and closed values without building a String per field.
public struct CSVRawRecord {
    /// 1-based physical line on which the record starts.
    public let line: Int
    public let count: Int
    let base: UnsafePointer<UInt8>?
    let ends: UnsafePointer<Int>

    /// The bytes of field `i` (already checked to be UTF-8).
    @inline(__always)
    public func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : ends[i - 1]
        return UnsafeBufferPointer(start: base.map { $0 + start }, count: ends[i] - start)
    }

    public func string(_ i: Int) -> String { String(decoding: field(i), as: UTF8.self) }
    public var strings: [String] { (0..<count).map(string) }
}

/// Turns libcsv's field/row callbacks into records with exact line numbers, and calls the user's body.
/// Reached from C through libcsv's `void *data`, since @convention(c) callbacks cannot capture.
final class RecordAssembler {
    /// The first problem seen inside a callback. C callbacks cannot throw, so it is kept here, later callbacks
    /// are ignored, and the caller throws it once csv_parse returns.
    enum Failure {
        case read(CSVReadError)
        case body(any Error)
    }

    enum Body {
        case strings((CSVRecord) throws -> Void)
        case raw((CSVRawRecord) throws -> Void)
    }

    let path: String
    /// False when the bytes come from iconv, which only ever produces valid UTF-8.
    let validatesUTF8: Bool
    private let rawBody: ((CSVRawRecord) throws -> Void)?
    private let stringBody: ((CSVRecord) throws -> Void)?

    private(set) var failure: Failure?
    /// Bytes of the fields of the record being assembled, back to back; storage reused for every
    /// record. Plain buffers rather than arrays: this runs for every field of every file, and
    /// arrays cost a uniqueness check and reference counting per append.
    private var fieldBytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity = 1 << 16
    private var byteCount = 0
    /// End offset of each field in `fieldBytes`.
    private var fieldEnds: UnsafeMutablePointer<Int>
    private var endCapacity = 64
    private var endCount = 0
    /// Line on which the current (or next) record starts.
    private var recordStartLine = 1
    /// Line breaks inside the completed fields of the current record.
    private var lineBreaksInRecord = 0
    /// With CSV_REPALL_NL a CRLF arrives as a row ended by CR, then an empty row ended by LF; that LF is no new line.
    private var previousRowEndedWithCR = false

    init(path: String, validatesUTF8: Bool, body: Body) {
        self.path = path
        self.validatesUTF8 = validatesUTF8
        switch body {
        case .raw(let b): rawBody = b; stringBody = nil
        case .strings(let b): rawBody = nil; stringBody = b
        }
        fieldBytes = .allocate(capacity: byteCapacity)
        fieldEnds = .allocate(capacity: endCapacity)
    }

    deinit {
        fieldBytes.deallocate()
        fieldEnds.deallocate()
    }

    /// Fields of the current record completed so far.
    var fieldCount: Int { endCount }

    /// Line on which the field now being read starts.
    var currentFieldLine: Int { recordStartLine + lineBreaksInRecord }

    /// Physical line of the last byte parsed so far, given the bytes of the field libcsv has not submitted yet.
    func currentLine(partialField: UnsafeRawBufferPointer) -> Int {
        currentFieldLine + countLineBreaks(partialField.assumingMemoryBound(to: UInt8.self))
    }

    func fieldEnded(_ rawBytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        let bytes = rawBytes.assumingMemoryBound(to: UInt8.self)
        let fieldLine = currentFieldLine
        lineBreaksInRecord += countLineBreaks(bytes)
        if validatesUTF8 && !isValidUTF8(bytes) {
            failure = .read(.notUTF8(path: path, line: fieldLine, column: endCount + 1,
                                     looksLikeGB18030: fileLooksLikeGB18030(path: path)))
            return
        }
        if bytes.count > CSVLimits.fieldBytes || byteCount + bytes.count > CSVLimits.recordBytes || endCount >= CSVLimits.fields {
            let what = bytes.count > CSVLimits.fieldBytes
                ? CSVReadMessages.fieldTooLong(field: endCount + 1, limit: CSVLimits.fieldBytes)
                : endCount >= CSVLimits.fields ? CSVReadMessages.tooManyFields(limit: CSVLimits.fields)
                : CSVReadMessages.lineTooLong(limit: CSVLimits.recordBytes)
            failure = .read(.tooLong(path: path, line: fieldLine, field: endCount + 1, what: CSVReadMessages.expectedACSVExport(what)))
            return
        }
        if byteCount + bytes.count > byteCapacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(byteCapacity * 2, byteCount + bytes.count))
            bigger.update(from: fieldBytes, count: byteCount)
            fieldBytes.deallocate()
            fieldBytes = bigger
            byteCapacity = max(byteCapacity * 2, byteCount + bytes.count)
        }
        if let base = bytes.baseAddress { (fieldBytes + byteCount).update(from: base, count: bytes.count) }
        byteCount += bytes.count
        if endCount == endCapacity {
            let bigger = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
            bigger.update(from: fieldEnds, count: endCount)
            fieldEnds.deallocate()
            fieldEnds = bigger
            endCapacity *= 2
        }
        fieldEnds[endCount] = byteCount
        endCount += 1
    }

    /// `terminator` is the CR or LF byte that ended the row, or -1 when csv_fini ended the last row at end of file.
    func rowEnded(terminator: Int32) {
        guard failure == nil else { return }
        let endedWithCR = terminator == Int32(carriageReturn)
        if endCount == 0 {
            // Only an unquoted CR/LF at the start of a row gets here: a blank line, or the LF half of a CRLF.
            if terminator == Int32(lineFeed) && previousRowEndedWithCR {
                previousRowEndedWithCR = false
                return
            }
            previousRowEndedWithCR = endedWithCR
            if terminator >= 0 { recordStartLine += 1 }  // blank lines are skipped but still count
            return
        }
        let line = recordStartLine
        recordStartLine += lineBreaksInRecord + (terminator >= 0 ? 1 : 0)
        lineBreaksInRecord = 0
        previousRowEndedWithCR = endedWithCR
        let record = CSVRawRecord(line: line, count: endCount, base: UnsafePointer(fieldBytes), ends: UnsafePointer(fieldEnds))
        do {
            if let rawBody {
                try rawBody(record)
            } else {
                try stringBody?(CSVRecord(line: line, fields: record.strings))
            }
        } catch {
            failure = .body(error)
        }
        byteCount = 0
        endCount = 0
    }
}

/// libcsv field callback (cb1). `data` is the unretained RecordAssembler.
func libcsvFieldEnded(_ bytes: UnsafeMutableRawPointer?, _ count: Int, _ data: UnsafeMutableRawPointer?) {
    guard let data else { return }
    // The stream owns the assembler for the whole parse: no retain/release per field.
    Unmanaged<RecordAssembler>.fromOpaque(data)._withUnsafeGuaranteedRef {
        $0.fieldEnded(UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : count))
    }
}

/// libcsv row callback (cb2). `data` is the unretained RecordAssembler.
func libcsvRowEnded(_ terminator: Int32, _ data: UnsafeMutableRawPointer?) {
    guard let data else { return }
    Unmanaged<RecordAssembler>.fromOpaque(data)._withUnsafeGuaranteedRef { $0.rowEnded(terminator: terminator) }
}
