import Glibc

/// UTF-8 text → GB18030 bytes through glibc iconv, for writing a rule file's test inputs in the
/// encoding their table declares (so `gridpay check` reads them exactly like a real export).
/// Returns nil if iconv cannot open the conversion or meets text it cannot encode.
public func csvEncodeGB18030(_ text: String) -> [UInt8]? {
    let descriptor = iconv_open("GB18030", "UTF-8")
    guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
    defer { _ = iconv_close(descriptor) }
    var input = Array(text.utf8)
    if input.isEmpty { return [] }
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)   // GB18030 is never longer than 2× UTF-8 + a BOM
    let produced: Int? = input.withUnsafeMutableBytes { inBuf in
        output.withUnsafeMutableBytes { outBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress!.assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress!.assumingMemoryBound(to: CChar.self)
            var outLeft = outBuf.count
            guard iconv(descriptor, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 else { return nil }
            return outBuf.count - outLeft
        }
    }
    guard let produced else { return nil }
    return Array(output.prefix(produced))
}
