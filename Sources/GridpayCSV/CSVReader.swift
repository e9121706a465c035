import CLibCSV
import Glibc

/// Text encoding of a CSV file being read.
public enum CSVTextEncoding: Sendable, Equatable {
    case utf8
    case gb18030
    /// UTF-16 with its byte-order mark (little- or big-endian, as the mark says); a file without
    /// the mark is refused, not guessed.
    case utf16

    /// The charset iconv converts from (nil: read as UTF-8).
    var iconvName: String? {
        switch self {
        case .utf8: return nil
        case .gb18030: return "GB18030"
        case .utf16: return "UTF-16"
        }
    }
}

/// Reads a CSV file record by record through libcsv, in fixed-size chunks, so memory does not grow with rows.
public final class CSVReader {
    public let path: String
    public let encoding: CSVTextEncoding
    public let chunkSize: Int
    /// The byte between fields: ',' (default), '\t' or ';'.
    public let delimiter: UInt8
    private let file: ReadableFile
    /// Present for .gb18030 and .utf16; opened here so a missing converter is reported before any record is read.
    private let converter: GB18030ToUTF8Converter?
    private var hasStreamed = false
    /// Sees every chunk of the file's raw bytes as read from disk (before decoding), so that a
    /// caller can hash the file in the same pass instead of reading it twice.
    public var onRawBytes: ((UnsafeRawBufferPointer) -> Void)?

    public init(path: String, encoding: CSVTextEncoding, delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20) throws(CSVReadError) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.path = path
        self.encoding = encoding
        self.delimiter = delimiter
        self.chunkSize = chunkSize
        file = try ReadableFile(path: path)
        if let charset = encoding.iconvName {
            var reason = ""
            guard let converter = GB18030ToUTF8Converter(from: charset, failureReason: &reason) else {
                throw .converterUnavailable(path: path, reason: "iconv_open(\"UTF-8\", \"\(charset)\"): \(reason)")
            }
            self.converter = converter
        } else {
            converter = nil
        }
    }

    /// Streams the file in chunks of `chunkSize` bytes through libcsv and calls `body` once per record
    /// (the header row is the first record). Blank lines are skipped. Errors thrown by `body` are rethrown
    /// unchanged and stop the reading; file problems are thrown as `CSVReadError`.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in try stream(.strings(body)) }
    }

    /// As `forEachRecord`, but hands each record's fields as bytes (valid only during the call),
    /// for callers that decode most fields without making Strings.
    public func forEachRawRecord(_ body: (CSVRawRecord) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in try stream(.raw(body)) }
    }

    private func stream(_ body: RecordAssembler.Body) throws {
        if hasStreamed { try file.rewind() }
        hasStreamed = true
        let stream = try RecordStream(path: path, validatesUTF8: encoding == .utf8, delimiter: delimiter, body: body)
        if let converter {
            try streamConverted(into: stream, converter: converter)
        } else {
            try streamUTF8(into: stream)
        }
    }

    private func streamUTF8(into stream: RecordStream) throws {
        let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { readBuffer.deallocate() }
        while true {
            let bytesRead = try file.read(into: readBuffer.baseAddress!, count: chunkSize)
            if bytesRead == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: readBuffer[0..<bytesRead])
            onRawBytes?(chunk)
            try stream.feed(chunk)
        }
        try stream.finish()
    }

    /// The bytes a decoding error is thrown for: GB18030 or UTF-16.
    private func notDecodable(line: Int) -> CSVReadError {
        encoding == .utf16 ? .notUTF16(path: path, line: line) : .notGB18030(path: path, line: line)
    }

    private func streamConverted(into stream: RecordStream, converter: GB18030ToUTF8Converter) throws {
        guard converter.reset() else {
            throw CSVReadError.converterUnavailable(path: path, reason: CSVReadMessages.iconvCannotReset())
        }
        // Room for a multibyte sequence cut at the previous chunk's end, moved in front of the next chunk.
        let readBuffer = UnsafeMutableRawBufferPointer.allocate(
            byteCount: chunkSize + GB18030ToUTF8Converter.longestSequence, alignment: 1)
        // GB18030 → UTF-8 grows 2-byte characters to 3 bytes; twice the input avoids most E2BIG round trips.
        let utf8Scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 2 * chunkSize + 64, alignment: 1)
        defer { readBuffer.deallocate(); utf8Scratch.deallocate() }
        if encoding == .utf16 { try checkUTF16Mark() }
        var carriedCount = 0
        while true {
            let bytesRead = try file.read(into: readBuffer.baseAddress! + carriedCount, count: chunkSize)
            if bytesRead == 0 { break }
            onRawBytes?(UnsafeRawBufferPointer(start: readBuffer.baseAddress! + carriedCount, count: bytesRead))
            let input = UnsafeRawBufferPointer(start: readBuffer.baseAddress, count: carriedCount + bytesRead)
            let outcome = try converter.convert(input, scratch: utf8Scratch) { utf8 in try stream.feed(utf8) }
            switch outcome {
            case .complete:
                carriedCount = 0
            case .incompleteTail(let tailCount) where tailCount < GB18030ToUTF8Converter.longestSequence:
                memmove(readBuffer.baseAddress!, readBuffer.baseAddress! + (input.count - tailCount), tailCount)
                carriedCount = tailCount
            case .incompleteTail, .invalidSequence:
                // Everything before the bad bytes has been parsed, so the stream knows their line.
                throw notDecodable(line: stream.currentLine)
            }
        }
        if carriedCount > 0 {
            // The file ends in the middle of a multibyte sequence.
            throw notDecodable(line: stream.currentLine)
        }
        try stream.finish()
    }

    /// The file starts with FF FE (little-endian) or FE FF (big-endian); read again from its start after.
    private func checkUTF16Mark() throws {
        var mark: [UInt8] = [0, 0]
        var got = 0
        while got < 2 {
            let n = try mark.withUnsafeMutableBytes { try file.read(into: $0.baseAddress! + got, count: 2 - got) }
            if n == 0 { break }
            got += n
        }
        try file.rewind()
        guard got == 2, (mark[0] == 0xFF && mark[1] == 0xFE) || (mark[0] == 0xFE && mark[1] == 0xFF) else {
            throw CSVReadError.noByteOrderMark(path: path)
        }
    }
}

/// UTF-8 bytes → (BOM stripped) → libcsv → RecordAssembler. Feed it chunks of any size, then call finish().
final class RecordStream {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let quote = UInt8(CSV_QUOTE)

    private let path: String
    private let parser: LibCSVParser
    private let assembler: RecordAssembler
    /// Bytes of a possible BOM seen so far; chunks may be as small as one byte, so the check spans calls.
    private var byteOrderMarkBytesMatched = 0
    private var byteOrderMarkResolved = false

    init(path: String, validatesUTF8: Bool, delimiter: UInt8, body: RecordAssembler.Body) throws(CSVReadError) {
        self.path = path
        parser = try LibCSVParser(path: path, delimiter: delimiter)
        assembler = RecordAssembler(path: path, validatesUTF8: validatesUTF8, body: body)
    }

    /// Physical line of the last byte parsed.
    var currentLine: Int { assembler.currentLine(partialField: parser.partialField) }

    func feed(_ bytes: UnsafeRawBufferPointer) throws {
        var start = 0
        while !byteOrderMarkResolved && start < bytes.count {
            if bytes[start] == Self.byteOrderMark[byteOrderMarkBytesMatched] {
                byteOrderMarkBytesMatched += 1
                start += 1
                byteOrderMarkResolved = byteOrderMarkBytesMatched == Self.byteOrderMark.count
            } else {
                byteOrderMarkResolved = true
                try parseHeldByteOrderMarkPrefix()
            }
        }
        try parse(UnsafeRawBufferPointer(rebasing: bytes[start...]))
    }

    /// Ends the last record (a final line without newline still counts) and reports an unclosed quote.
    func finish() throws {
        if !byteOrderMarkResolved {
            byteOrderMarkResolved = true
            try parseHeldByteOrderMarkPrefix()
        }
        let context = Unmanaged.passUnretained(assembler).toOpaque()
        let fieldLine = assembler.currentFieldLine
        let fieldNumber = assembler.fieldCount + 1
        let status = csv_fini(parser.handle, libcsvFieldEnded, libcsvRowEnded, context)
        try throwAssemblerFailure()
        if status != 0 {
            let code = csv_error(parser.handle)
            if code == CSV_EPARSE {
                throw CSVReadError.malformed(path: path, line: fieldLine,
                                             reason: CSVReadMessages.quoteNeverClosed(field: fieldNumber))
            }
            throw libcsvError(code: code)
        }
    }

    /// The file started with a prefix of the BOM that turned out not to be one: those bytes are data.
    private func parseHeldByteOrderMarkPrefix() throws {
        let held = byteOrderMarkBytesMatched
        byteOrderMarkBytesMatched = 0
        guard held > 0 else { return }
        try Self.byteOrderMark.withUnsafeBytes { bom in
            try parse(UnsafeRawBufferPointer(rebasing: bom[0..<held]))
        }
    }

    private func parse(_ bytes: UnsafeRawBufferPointer) throws {
        // In slices, so that a field past its limit is refused before libcsv has buffered much more.
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + CSVLimits.fieldBytes)
            try parseSlice(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            if parser.partialField.count > CSVLimits.fieldBytes {
                throw CSVReadError.tooLong(path: path, line: assembler.currentFieldLine, field: assembler.fieldCount + 1,
                                           what: CSVReadMessages.fieldTooLongInQuotes(field: assembler.fieldCount + 1, limit: CSVLimits.fieldBytes))
            }
            start = end
        }
    }

    private func parseSlice(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let context = Unmanaged.passUnretained(assembler).toOpaque()
        let consumed = csv_parse(parser.handle, base, bytes.count, libcsvFieldEnded, libcsvRowEnded, context)
        // A body error or bad field came first in the byte stream, so it wins over a later parse error.
        try throwAssemblerFailure()
        let code = csv_error(parser.handle)
        guard consumed == bytes.count && code == CSV_SUCCESS else {
            if code == CSV_EPARSE && consumed < bytes.count {
                throw CSVReadError.malformed(path: path, line: currentLine,
                                             reason: strictErrorReason(offendingByte: bytes[consumed]))
            }
            throw libcsvError(code: code)
        }
    }

    /// In strict mode libcsv stops on the offending byte: a quote inside an unquoted field, or anything but
    /// a delimiter or newline right after a closing quote.
    private func strictErrorReason(offendingByte: UInt8) -> String {
        let field = assembler.fieldCount + 1
        if offendingByte == Self.quote {
            return CSVReadMessages.strayQuote(field: field)
        }
        let shown: String
        switch offendingByte {
        case 0x20: shown = CSVReadMessages.spaceCharacter()
        case 0x09: shown = CSVReadMessages.tabCharacter()
        case 0x21...0x7E: shown = "'\(Character(Unicode.Scalar(offendingByte)))'"
        default: shown = CSVReadMessages.byte(String(offendingByte, radix: 16, uppercase: true))
        }
        return CSVReadMessages.afterClosingQuote(shown, field: field)
    }

    private func libcsvError(code: Int32) -> CSVReadError {
        let message = csv_strerror(code).map { String(cString: $0) } ?? "unknown error"
        return .libcsv(path: path, code: code, message: message)
    }

    private func throwAssemblerFailure() throws {
        switch assembler.failure {
        case nil: return
        case .read(let error)?: throw error
        case .body(let error)?: throw error
        }
    }
}
