import Glibc
import CExpatZlib

/// Receives a part's XML as expat parses it. Element names come without their namespace prefix.
protocol XMLStreamHandler: AnyObject {
    func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes)
    func end(_ name: UnsafeBufferPointer<UInt8>)
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// The attributes of a start tag, looked up by local name.
struct XMLAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<XML_Char>?>?

    func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard var p = pairs else { return nil }
        while let key = p[0] {
            if XMLStream.local(key).elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)), let v = p[1] {
                return XMLStream.bytes(v)
            }
            p += 2
        }
        return nil
    }

    func string(_ name: StaticString) -> String? { value(name).map { String(decoding: $0, as: UTF8.self) } }

    /// Each attribute's local name and value, in one pass (a cell's r, t and s without a look-up each).
    @inline(__always)
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) {
        guard var p = pairs else { return }
        while let key = p[0], let v = p[1] {
            body(XMLStream.local(key), XMLStream.bytes(v))
            p += 2
        }
    }
}

/// One expat parser over a stream of XML pieces (a zip entry as it is inflated).
final class XMLStream {
    let parser: XML_Parser
    let part: String
    /// Held strongly: a weak reference cost a third of a sheet's parsing (loaded on every callback).
    let handler: XMLStreamHandler
    /// Thrown from a handler: kept here and rethrown once expat has stopped.
    var failure: Error?

    init(part: String, handler: XMLStreamHandler) {
        parser = XML_ParserCreate(nil)
        self.part = part
        self.handler = handler
        XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
        XML_SetElementHandler(parser, { user, name, attributes in
            let me = Unmanaged<XMLStream>.fromOpaque(user!).takeUnretainedValue()
            me.handler.start(XMLStream.local(name!), XMLAttributes(pairs: attributes))
        }, { user, name in
            let me = Unmanaged<XMLStream>.fromOpaque(user!).takeUnretainedValue()
            me.handler.end(XMLStream.local(name!))
        })
        XML_SetCharacterDataHandler(parser) { user, text, length in
            let me = Unmanaged<XMLStream>.fromOpaque(user!).takeUnretainedValue()
            text!.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { me.handler.text(UnsafeBufferPointer(start: $0, count: Int(length))) }
        }
    }

    deinit { XML_ParserFree(parser) }

    func feed(_ bytes: UnsafeRawBufferPointer, final: Bool = false) throws {
        let status = XML_Parse(parser, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), final ? 1 : 0)
        if let failure { throw failure }
        guard status == XML_STATUS_OK else {
            throw XLSXReadError.badXML(part: part, line: Int(XML_GetCurrentLineNumber(parser)), reason: Self.reason(XML_GetErrorCode(parser)))
        }
    }

    /// expat's error in words, in the current language: the ones a cut-off or damaged part gives
    /// from ExportReadMessages (their English is expat's own), any other as expat says it.
    static func reason(_ code: XML_Error) -> String {
        switch code {
        case XML_ERROR_NO_ELEMENTS: return ExportReadMessages.noElementFound()
        case XML_ERROR_INVALID_TOKEN: return ExportReadMessages.invalidToken()
        case XML_ERROR_UNCLOSED_TOKEN: return ExportReadMessages.unclosedToken()
        case XML_ERROR_PARTIAL_CHAR: return ExportReadMessages.partialCharacter()
        case XML_ERROR_TAG_MISMATCH: return ExportReadMessages.mismatchedTag()
        case XML_ERROR_JUNK_AFTER_DOC_ELEMENT: return ExportReadMessages.junkAfterTheDocument()
        case XML_ERROR_SYNTAX: return ExportReadMessages.syntaxError()
        default: return XML_ErrorString(code).map { String(cString: $0) } ?? "\(code.rawValue)"
        }
    }

    func finish() throws { try feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true) }

    /// A name without its prefix (`x:row` → `row`).
    static func local(_ name: UnsafePointer<XML_Char>) -> UnsafeBufferPointer<UInt8> {
        let all = bytes(name)
        guard let colon = all.lastIndex(of: UInt8(ascii: ":")) else { return all }
        return UnsafeBufferPointer(rebasing: all[(colon + 1)...])
    }

    static func bytes(_ text: UnsafePointer<XML_Char>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
    }
}

/// Compares a name with a literal.
@inline(__always)
func named(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
    name.count == literal.utf8CodeUnitCount && name.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
}
