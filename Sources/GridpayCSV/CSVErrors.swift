import Glibc
import GridpayLanguage

/// Why reading a CSV file failed. Body errors thrown from `forEachRecord` are never wrapped in this type.
public enum CSVReadError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    /// `column` is the 1-based index of the first field that is not valid UTF-8; `looksLikeGB18030` is a hint
    /// for the message (the whole file decodes as GB18030).
    case notUTF8(path: String, line: Int, column: Int, looksLikeGB18030: Bool)
    /// Bytes that GB18030 (glibc iconv) cannot decode, or a multibyte sequence cut off by the end of the file.
    case notGB18030(path: String, line: Int)
    /// Bytes that are not UTF-16 in a file declared UTF-16 (say an odd byte at the end).
    case notUTF16(path: String, line: Int)
    /// A file declared UTF-16 that does not start with FF FE or FE FF.
    case noByteOrderMark(path: String)
    /// libcsv CSV_EPARSE in strict mode: a stray quote, text after a closing quote, or an unclosed quote.
    case malformed(path: String, line: Int, reason: String)
    /// Any other libcsv failure (out of memory, field too big).
    case libcsv(path: String, code: Int32, message: String)
    /// iconv_open refused the GB18030 → UTF-8 conversion (e.g. missing glibc gconv modules).
    case converterUnavailable(path: String, reason: String)
    /// A field, a record or a record's field count beyond `CSVLimits`: refused at once, so junk
    /// (say 100 MB of NUL bytes) costs neither time nor memory. `what` says which limit.
    case tooLong(path: String, line: Int, field: Int, what: String)
    /// A FIFO, device, socket or folder where a file was expected (a symlink counts as what it points to).
    case notRegularFile(path: String, kind: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): return CSVReadMessages.cannotOpen(path, reason)
        case let .readFailed(path, reason): return CSVReadMessages.readFailed(path, reason)
        case let .notUTF8(path, line, column, looksLikeGB18030):
            return CSVReadMessages.notUTF8(path, line: line, field: column, looksLikeGB18030: looksLikeGB18030)
        case let .notGB18030(path, line): return CSVReadMessages.notGB18030(path, line: line)
        case let .notUTF16(path, line): return CSVReadMessages.notUTF16(path, line: line)
        case let .noByteOrderMark(path): return CSVReadMessages.noByteOrderMark(path)
        case let .malformed(path, line, reason): return CSVReadMessages.malformed(path, line: line, reason)
        case let .libcsv(path, code, message): return CSVReadMessages.libcsv(path, code: code, message)
        case let .converterUnavailable(path, reason): return CSVReadMessages.converterUnavailable(path, reason)
        case let .notRegularFile(path, kind): return CSVReadMessages.notRegularFile(path, kind: kind)
        case let .tooLong(path, line, _, what):
            return "\(path):\(line): \(what)"
        }
    }
}

/// Why writing a CSV file failed.
public enum CSVWriteError: Error, Equatable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case closeFailed(path: String, reason: String)
    case alreadyClosed(path: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): return CSVReadMessages.cannotCreate(path, reason)
        case let .writeFailed(path, reason): return CSVReadMessages.writeFailed(path, reason)
        case let .closeFailed(path, reason): return CSVReadMessages.closeFailed(path, reason)
        case let .alreadyClosed(path): return CSVReadMessages.writeAfterClose(path)
        }
    }
}

/// An errno value in words, in the current language (SystemError: strerror's for the rare ones); read
/// errno right after the failing call, before anything can overwrite it.
func describeErrno(_ code: Int32) -> String {
    SystemError.words(code)
}

/// What one cell and one line of an export may hold. Real exports stay far below (a long address
/// is a few hundred bytes); past a limit the file is refused at once with the position.
public enum CSVLimits {
    /// Bytes in one field.
    public static let fieldBytes = 65_536
    /// Bytes in one record (all its fields).
    public static let recordBytes = 1 << 20
    /// Fields in one record.
    public static let fields = 4_096
}
