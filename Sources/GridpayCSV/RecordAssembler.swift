import Glibc

private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D

/// Counts line breaks in field bytes: LF, CRLF (once) and a lone CR.
func countLineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
    // Only quoted fields can hold CR/LF, so nearly every field leaves here after two fast C scans.
    if memchr(base, Int32(lineFeed), bytes.count) == nil && memchr(base, Int32(carriageReturn), bytes.count) == nil {
        return 0
    }
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

/// The field as a String, or nil when it is not valid UTF-8.
/// `String(validating:as:)` goes through an unspecialized generic path that cost more than libcsv's parsing
/// (3x slower overall), so fields without NUL bytes use the non-generic `String(validatingCString:)`, relying on
/// CSV_APPEND_NULL having put a NUL right after the field.
@inline(__always)
func decodeValidatedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
    if base[bytes.count] == 0 && memchr(base, 0, bytes.count) == nil {
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count + 1) { String(validatingCString: $0) }
    }
    return String(validating: bytes, as: UTF8.self)  // a field with a NUL inside would be cut short as a C string
}

/// Turns libcsv's field/row callbacks into `CSVRecord`s with exact line numbers, and calls the user's body.
/// Reached from C through libcsv's `void *data`, since @convention(c) callbacks cannot capture.
final class RecordAssembler {
    /// The first problem seen inside a callback. C callbacks cannot throw, so it is kept here, later callbacks
    /// are ignored, and the caller throws it once csv_parse returns.
    enum Failure {
        case read(CSVReadError)
        case body(any Error)
    }

    let path: String
    /// False when the bytes come from iconv, which only ever produces valid UTF-8.
    let validatesUTF8: Bool
    private let body: (CSVRecord) throws -> Void

    private(set) var failure: Failure?
    /// Fields of the record being assembled; the array's storage is reused for every record.
    private(set) var fields: [String] = []
    /// Line on which the current (or next) record starts.
    private var recordStartLine = 1
    /// Line breaks inside the completed fields of the current record.
    private var lineBreaksInRecord = 0
    /// With CSV_REPALL_NL a CRLF arrives as a row ended by CR, then an empty row ended by LF; that LF is no new line.
    private var previousRowEndedWithCR = false

    init(path: String, validatesUTF8: Bool, body: @escaping (CSVRecord) throws -> Void) {
        self.path = path
        self.validatesUTF8 = validatesUTF8
        self.body = body
        fields.reserveCapacity(64)
    }

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
        if validatesUTF8 {
            guard let text = decodeValidatedUTF8(bytes) else {
                failure = .read(.notUTF8(path: path, line: fieldLine, column: fields.count + 1,
                                         looksLikeGB18030: fileLooksLikeGB18030(path: path)))
                return
            }
            fields.append(text)
        } else {
            fields.append(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// `terminator` is the CR or LF byte that ended the row, or -1 when csv_fini ended the last row at end of file.
    func rowEnded(terminator: Int32) {
        guard failure == nil else { return }
        let endedWithCR = terminator == Int32(carriageReturn)
        if fields.isEmpty {
            // Only an unquoted CR/LF at the start of a row gets here: a blank line, or the LF half of a CRLF.
            if terminator == Int32(lineFeed) && previousRowEndedWithCR {
                previousRowEndedWithCR = false
                return
            }
            previousRowEndedWithCR = endedWithCR
            if terminator >= 0 { recordStartLine += 1 }  // blank lines are skipped but still count
            return
        }
        let record = CSVRecord(line: recordStartLine, fields: fields)
        recordStartLine += lineBreaksInRecord + (terminator >= 0 ? 1 : 0)
        lineBreaksInRecord = 0
        previousRowEndedWithCR = endedWithCR
        do {
            try body(record)
        } catch {
            failure = .body(error)
        }
        fields.removeAll(keepingCapacity: true)
    }
}

/// libcsv field callback (cb1). `data` is the unretained RecordAssembler.
func libcsvFieldEnded(_ bytes: UnsafeMutableRawPointer?, _ count: Int, _ data: UnsafeMutableRawPointer?) {
    guard let data else { return }
    let assembler = Unmanaged<RecordAssembler>.fromOpaque(data).takeUnretainedValue()
    assembler.fieldEnded(UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : count))
}

/// libcsv row callback (cb2). `data` is the unretained RecordAssembler.
func libcsvRowEnded(_ terminator: Int32, _ data: UnsafeMutableRawPointer?) {
    guard let data else { return }
    Unmanaged<RecordAssembler>.fromOpaque(data).takeUnretainedValue().rowEnded(terminator: terminator)
}
