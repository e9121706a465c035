import Glibc

/// Streams GB18030 (or, with `from: "UTF-16"`, UTF-16 after its byte-order mark) bytes to UTF-8
/// through glibc iconv. The iconv descriptor is closed with the object.
final class GB18030ToUTF8Converter {
    /// Longest GB18030 sequence is 4 bytes (a UTF-16 surrogate pair too), so an incomplete one
    /// left at a chunk end is at most 3 bytes.
    static let longestSequence = 4

    /// How far one `convert` call got.
    enum Outcome: Equatable {
        case complete
        /// The input ended inside a multibyte sequence (iconv EINVAL): that many trailing bytes were not converted.
        case incompleteTail(byteCount: Int)
        /// iconv EILSEQ: the byte at this input offset does not start a valid GB18030 sequence.
        case invalidSequence(offset: Int)
    }

    private let descriptor: iconv_t

    /// nil when glibc cannot convert `from` (iconv_open returns (iconv_t)-1); `failureReason` holds strerror.
    /// iconv's "UTF-16" reads the byte-order mark, takes its byte order and drops it.
    init?(from charset: String = "GB18030", failureReason: inout String) {
        let descriptor = iconv_open("UTF-8", charset)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else {
            failureReason = describeErrno(errno)
            return nil
        }
        self.descriptor = descriptor
    }

    deinit {
        // iconv_close fails only for an invalid descriptor, which this class never holds.
        _ = iconv_close(descriptor)
    }

    /// Converts `input`, handing each piece of UTF-8 output (a view into `scratch`) to `emit` as it is produced.
    /// `scratch` must hold at least a few characters; it is reused when the output does not fit (E2BIG).
    func convert(_ input: UnsafeRawBufferPointer, scratch: UnsafeMutableRawBufferPointer,
                 emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Outcome {
        guard let inputBase = input.baseAddress, input.count > 0 else { return .complete }
        // iconv's prototype takes char** for the input although it never writes through it.
        var inputCursor: UnsafeMutablePointer<CChar>? =
            UnsafeMutablePointer(mutating: inputBase.assumingMemoryBound(to: CChar.self))
        var inputLeft = input.count
        let scratchBase = scratch.baseAddress!.assumingMemoryBound(to: CChar.self)
        while true {
            var outputCursor: UnsafeMutablePointer<CChar>? = scratchBase
            var outputLeft = scratch.count
            let result = iconv(descriptor, &inputCursor, &inputLeft, &outputCursor, &outputLeft)
            let code = errno  // captured before emit can run other libc calls
            let produced = scratch.count - outputLeft
            if produced > 0 { try emit(UnsafeRawBufferPointer(start: scratchBase, count: produced)) }
            if result != -1 { return .complete }
            switch code {
            case E2BIG: continue  // scratch was full and has been emitted; go on with the rest
            case EINVAL: return .incompleteTail(byteCount: inputLeft)
            default: return .invalidSequence(offset: input.count - inputLeft)  // EILSEQ
            }
        }
    }

    /// Returns the converter to its initial state (between passes, or after an error); false if iconv refuses.
    func reset() -> Bool {
        iconv(descriptor, nil, nil, nil, nil) != -1
    }
}

/// The detection's buffers. A file is read in 256 KiB pieces, converted into a scratch of twice
/// that (UTF-8 text is at most 1.5 times as long as its GB18030: a two-byte character becomes
/// three bytes); an in-memory check converts through a 64 KiB scratch, emptied as it fills.
enum GB18030Detection {
    static let fileChunk = 256 * 1024
    static let scratchBytes = 64 * 1024
}

/// True when `bytes` decode from GB18030 to UTF-8 with glibc iconv without any error (empty input included).
public func csvDetectLooksLikeGB18030(_ bytes: [UInt8]) -> Bool {
    var reason = ""
    guard let converter = GB18030ToUTF8Converter(failureReason: &reason) else { return false }
    let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: GB18030Detection.scratchBytes, alignment: 1)
    defer { scratch.deallocate() }
    let outcome = try? bytes.withUnsafeBytes { input in
        try converter.convert(input, scratch: scratch, emit: { _ in })
    }
    return outcome == .complete
}

/// The same test as `csvDetectLooksLikeGB18030`, streamed over a file so the file is never held in memory.
/// Only used on the not-UTF-8 error path; any failure (open, read, iconv) simply means "no".
func fileLooksLikeGB18030(path: String) -> Bool {
    var reason = ""
    guard let converter = GB18030ToUTF8Converter(failureReason: &reason),
          let file = try? ReadableFile(path: path) else { return false }
    let chunkSize = GB18030Detection.fileChunk
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(
        byteCount: chunkSize + GB18030ToUTF8Converter.longestSequence, alignment: 1)
    let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 2 * chunkSize, alignment: 1)
    defer { readBuffer.deallocate(); scratch.deallocate() }
    var carriedCount = 0
    while true {
        guard let bytesRead = try? file.read(into: readBuffer.baseAddress! + carriedCount, count: chunkSize) else {
            return false
        }
        if bytesRead == 0 { return carriedCount == 0 }
        let input = UnsafeRawBufferPointer(start: readBuffer.baseAddress, count: carriedCount + bytesRead)
        guard let outcome = try? converter.convert(input, scratch: scratch, emit: { _ in }) else { return false }
        switch outcome {
        case .complete:
            carriedCount = 0
        case .incompleteTail(let tailCount) where tailCount < GB18030ToUTF8Converter.longestSequence:
            memmove(readBuffer.baseAddress!, readBuffer.baseAddress! + (input.count - tailCount), tailCount)
            carriedCount = tailCount
        default:
            return false
        }
    }
}
