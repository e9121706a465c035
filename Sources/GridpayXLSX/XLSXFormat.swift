import CXLSXWriter

/// Value description of a cell format. The workbook turns each distinct spec into exactly one
/// `lxw_format`, so callers can build specs freely without bloating styles.xml.
public struct XLSXFormatSpec: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable {
        case left, center, right
    }

    public var bold: Bool
    /// Excel number format code, e.g. "0.00" or "#,##0.00".
    public var numberFormat: String?
    public var horizontalAlignment: Alignment?
    /// Thin border on all four sides.
    public var border: Bool
    public var wrapText: Bool
    /// Font size in points; nil keeps the default (11).
    public var fontSize: Double?
    /// Text in the middle of a tall cell rather than at its bottom (Excel's default).
    public var verticalCenter: Bool
    /// A dashed line along the cell's bottom (a line to cut along).
    public var dashedBottom: Bool

    public init(bold: Bool = false, numberFormat: String? = nil, horizontalAlignment: Alignment? = nil,
                border: Bool = false, wrapText: Bool = false, fontSize: Double? = nil, verticalCenter: Bool = false,
                dashedBottom: Bool = false) {
        self.bold = bold
        self.numberFormat = numberFormat
        self.horizontalAlignment = horizontalAlignment
        self.border = border
        self.wrapText = wrapText
        self.fontSize = fontSize
        self.verticalCenter = verticalCenter
        self.dashedBottom = dashedBottom
    }
}

/// A format created by (and only valid in) one workbook.
///
/// No deinit: the `lxw_format` belongs to the C workbook. Holding `workbook` strongly keeps
/// that memory alive for as long as this object exists; after close the workbook refuses it.
public final class XLSXFormat: Equatable {
    public let spec: XLSXFormatSpec
    let workbook: XLSXWorkbook
    let handle: UnsafeMutablePointer<lxw_format>

    init(spec: XLSXFormatSpec, workbook: XLSXWorkbook, handle: UnsafeMutablePointer<lxw_format>) {
        self.spec = spec
        self.workbook = workbook
        self.handle = handle
    }

    /// Same C format (the cache hands out one `lxw_format` per spec and workbook).
    public static func == (lhs: XLSXFormat, rhs: XLSXFormat) -> Bool {
        lhs.handle == rhs.handle
    }
}
