import Foundation
import Hummingbird

/// JSON, HTML, CSV and file answers, built the same way everywhere.
enum Reply {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return bytes(data, type: "application/json; charset=utf-8", status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Data(text.utf8), type: "text/html; charset=utf-8", status: status)
    }

    static func bytes(_ data: Data, type: String, status: HTTPResponse.Status = .ok, download: String? = nil) -> Response {
        Response(status: status, headers: headers(type: type, download: download), body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The headers of an answer of `type`; with `download`, saved as a file of that name.
    static func headers(type: String, download: String?) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = type
        if let download {
            // RFC 6266: an ASCII fallback and the real (UTF-8) name.
            let encoded = download.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "download"
            headers[.contentDisposition] = "attachment; filename=\"download\"; filename*=UTF-8''\(encoded)"
        }
        return headers
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// An error as JSON (`{"error": message}`) for the API, as a page otherwise.
    static func error(_ e: ConsoleHTTPError, api: Bool) -> Response {
        if api { return (try? json(["error": e.message], status: e.status)) ?? Response(status: e.status) }
        return html(Page.errorPage(e), status: e.status)
    }
}

