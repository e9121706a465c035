import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// Each shipped sample's workbook printed as a clerk prints it: LibreOffice (headless) turns it into
/// a PDF with the workbook's own page setup (A4 landscape), and pdftotext reads the pages back.
/// Every sheet's header row must appear whole on its pages: each header is one word of the page's
/// text (or, wrapped, two pieces one under the other), and no cell border runs through it on the
/// rendered page (pdftoppm): a column too narrow for its header prints it cut, with the border
/// through the text, and pdftotext alone would still read the whole text. No number may print
/// as ###, no pay slip may be split across pages, no village of 绩效工资 from its 小计, and every
/// page has 第 n 页，共 N 页 at its foot. What each sample prints (pages per sheet, the row each
/// page of 绩效工资 starts at, the slips on each page of 工资条) is the golden list
/// Golden/printed/<town>-<period>.txt (GRIDPAY_RECORD_GOLDEN=1 re-records it; review the diff). scripts/install-deps.sh installs
/// libreoffice-calc-nogui, poppler-utils and the fonts.
final class PrintedWorkbookTests: XCTestCase {
    func testQingheMonth() throws { try checkPrinted("qinghe", "2026-10") }
    func testXinheYear() throws { try checkPrinted("xinhe", "2026") }
    func testXinheQuarter() throws { try checkPrinted("xinhe", "2026-Q1") }
    func testKangningMonth() throws { try checkPrinted("kangning", "2026-10") }
    func testShuangqiaoQuarter() throws { try checkPrinted("shuangqiao", "2026-Q3") }
    func testJinshanMonth() throws { try checkPrinted("jinshan", "2026-10") }

    func checkPrinted(_ town: String, _ period: String) throws {
        let tmp = TemporaryFolder()
        guard case .success(let result) = MonthRunner.run(TestTown.sample(town, period, output: tmp.path)) else { return XCTFail("the sample \(town) \(period) did not run") }
        let xlsx = "\(result.directory)/\(town)-\(period).xlsx"
        let book = try WorkbookReader(path: xlsx)

        // A profile of its own, so that a LibreOffice already running elsewhere does not take the job.
        let (convertStatus, convertOutput) = try Self.run("soffice", ["-env:UserInstallation=file://\(tmp.path)/profile", "--headless",
                                                                     "--convert-to", "pdf", "--outdir", tmp.path, xlsx])
        XCTAssertEqual(convertStatus, 0, convertOutput)
        let pdf = "\(tmp.path)/\(town)-\(period).pdf"
        let (textStatus, text) = try Self.run("pdftotext", ["-layout", pdf, "-"])
        XCTAssertEqual(textStatus, 0, text)
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        XCTAssertFalse(text.contains("###"), "a number too wide for its column prints as ###")
        // Word boxes (points) and gray page images at 2 pixels a point.
        let (bboxStatus, bbox) = try Self.run("pdftotext", ["-bbox", pdf, "-"])
        XCTAssertEqual(bboxStatus, 0)
        let boxes = Self.wordBoxes(bbox)
        let (renderStatus, renderOutput) = try Self.run("pdftoppm", ["-gray", "-r", "144", pdf, "\(tmp.path)/page"])
        XCTAssertEqual(renderStatus, 0, renderOutput)
        let images = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix("page") && $0.hasSuffix(".pgm") }.sorted()
        XCTAssertEqual(pages.count, boxes.count)
        XCTAssertEqual(pages.count, images.count)

        // Each page's running header (from the page setup) names its sheet: "<town name> <period> <sheet>".
        var pagesOf: [String: [[String]]] = [:]
        var pageNumbers: [String: [Int]] = [:]
        for (number, page) in pages.enumerated() {
            let lines = page.components(separatedBy: "\n").map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
            guard let title = lines.first, title.contains(period),
                  let sheet = book.sheetOrder.filter({ title.hasSuffix($0) }).max(by: { $0.count < $1.count }) else {
                XCTFail("a page without its sheet's running header: \(page.prefix(200))")
                continue
            }
            pagesOf[sheet, default: []].append(Array(lines.dropFirst()))
            pageNumbers[sheet, default: []].append(number)
        }
        for sheet in book.sheetOrder {
            let printed = pagesOf[sheet] ?? []
            XCTAssertFalse(printed.isEmpty, "sheet \(sheet) printed no page")
            // A slip's column headers are its second row (the first: the town and the period).
            let headers = book.row(sheet, sheet == "工资条" ? 1 : 0).filter { !$0.isEmpty }.map { $0.filter { !$0.isWhitespace } }
            XCTAssertFalse(headers.isEmpty, sheet)
            // Tables repeat their header row on every page, and every page of 工资条 starts with a
            // slip; 统计 holds several tables, so only its first page has row 0.
            let checked = sheet == SheetLabels.statisticsSheet ? Array(printed.prefix(1)) : printed
            for (n, lines) in checked.enumerated() {
                for h in headers where !Self.appearsWhole(h, in: lines) {
                    XCTFail("sheet \(sheet), page \(n + 1): header \(h) is not printed whole:\n\(lines.prefix(6).joined(separator: "\n"))")
                }
                let page = pageNumbers[sheet]![n]
                let image = try GrayImage(path: "\(tmp.path)/\(images[page])")
                let words = boxes[page]
                for h in headers {
                    let pieces = Self.pieces(of: h, in: words)
                    if pieces.isEmpty { XCTFail("sheet \(sheet), page \(n + 1): header \(h) is not one word on the page (cut, or run into its neighbour)") }
                    for box in pieces where image.hasVerticalLine(through: box) {
                        XCTFail("sheet \(sheet), page \(n + 1): a cell border runs through header \(h): its column is too narrow")
                    }
                }
            }
        }

        // Every page has its number and the count at its foot (the period is in its header, above).
        for (n, page) in pages.enumerated() {
            let foot = page.components(separatedBy: "\n").map { $0.filter { !$0.isWhitespace } }.last { !$0.isEmpty }
            XCTAssertEqual(foot, "第\(n + 1)页，共\(pages.count)页", "page \(n + 1) of \(town) \(period)")
        }
        var golden = ["# \(town) \(period) as LibreOffice prints it (A4 landscape): pages of each sheet, every check of "
                      + "PrintedWorkbookTests passed (no header cut or crossed by a border, no ###, no slip or village split)"]
        for sheet in book.sheetOrder {
            let count = (pagesOf[sheet] ?? []).count
            var line = "\(sheet): \(count) page\(count == 1 ? "" : "s")"
            if sheet == "绩效工资" { line += "; pages start at " + payPageStarts(book, pagesOf[sheet] ?? []).joined(separator: ", ") }
            if sheet == "工资条" { line += "; slips a page " + slipCounts(book, pagesOf[sheet] ?? []).map(String.init).joined(separator: ", ") }
            golden.append(line)
        }
        try compareGolden(golden, name: "\(town)-\(period)")

        // A town without pay (xinhe, SPEC §17) has no slips.
        guard book.sheetOrder.contains("工资条") else { return }
        // 工资条: on every page as many slip titles (town and period) and slip headers as slip
        // values (a split slip leaves one alone).
        var ids: Set<String> = []
        while let id = book.row("工资条", 4 * ids.count + 2).first { ids.insert(id) }
        let title = try XCTUnwrap(book.row("工资条", 0).first).filter { !$0.isWhitespace }
        XCTAssertTrue(title.contains(period), title)
        let firstHeader = try XCTUnwrap(book.row("工资条", 1).first)
        var slips = 0
        for (n, lines) in (pagesOf["工资条"] ?? []).enumerated() {
            let titleLines = lines.filter { $0 == title }.count
            let headerLines = lines.filter { $0.hasPrefix(firstHeader) }.count
            let valueLines = lines.filter { line in ids.contains { line.hasPrefix($0) } }.count
            XCTAssertEqual(headerLines, valueLines, "工资条 page \(n + 1): a slip is split")
            XCTAssertEqual(titleLines, valueLines, "工资条 page \(n + 1): a slip without its town and period")
            slips += valueLines
        }
        XCTAssertEqual(slips, ids.count)
        // As many slips as workers on the pay sheet (its rows with a value in 排名's place: those
        // with an id; subtotal rows have none).
        let payRows = (1...(ids.count * 2 + 40)).map { book.row("绩效工资", $0) }.filter { ids.contains($0.first ?? "") }
        XCTAssertEqual(payRows.count, ids.count)
        XCTAssertGreaterThan(ids.count, 10)
    }

    /// The printed golden list of a sample: Golden/printed/<town>-<period>.txt (GRIDPAY_RECORD_GOLDEN=1
    /// writes it).
    func compareGolden(_ lines: [String], name: String) throws {
        let path = "\(packageRoot)/Tests/GridpayPipelineTests/Golden/printed/\(name).txt"
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["GRIDPAY_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, expected, "printed pages of \(name) differ from \(path)")
    }

    /// 绩效工资: each worker's row and each village's 小计 on its page; a village that fits on a page
    /// and prints on two fails. Returns what starts each page (a worker id, or 小计 / 合计).
    func payPageStarts(_ book: WorkbookReader, _ pages: [[String]]) -> [String] {
        var villageOf: [String: String] = [:], size: [String: Int] = [:]
        var r = 1
        while case let row = book.row("绩效工资", r), row.count > 2, row[1] != "合计" {
            if !row[0].isEmpty { villageOf[row[0]] = row[2]; size[row[2], default: 1] += 1 }
            r += 1
        }
        var pagesOfVillage: [String: Set<Int>] = [:]
        var starts: [String] = []
        for (n, lines) in pages.enumerated() {
            var first: String?
            for line in lines {
                if let id = villageOf.keys.filter({ line.hasPrefix($0) }).max(by: { $0.count < $1.count }) {
                    pagesOfVillage[villageOf[id]!, default: []].insert(n)
                    first = first ?? id
                } else if line.hasPrefix("小计"), let v = size.keys.filter({ line.dropFirst(2).hasPrefix($0) }).max(by: { $0.count < $1.count }) {
                    pagesOfVillage[v, default: []].insert(n)
                    first = first ?? "小计 \(v)"
                } else if line.hasPrefix("合计") {
                    first = first ?? "合计"
                }
            }
            starts.append(first ?? "—")
        }
        // A page holds about 35 rows at the sample's scale: smaller villages are never split.
        for (v, on) in pagesOfVillage where on.count > 1 && size[v]! < 30 {
            XCTFail("绩效工资: village \(v) (\(size[v]!) rows with its 小计) prints on pages \(on.sorted().map { $0 + 1 })")
        }
        XCTAssertEqual(Set(pagesOfVillage.keys), Set(size.keys), "every village prints")
        return starts
    }

    /// 工资条: the slips (value rows) on each page.
    func slipCounts(_ book: WorkbookReader, _ pages: [[String]]) -> [Int] {
        var ids: Set<String> = []
        while let id = book.row("工资条", 4 * ids.count + 2).first { ids.insert(id) }
        return pages.map { lines in lines.filter { line in ids.contains { line.hasPrefix($0) } }.count }
    }

    struct WordBox {
        var text: String
        var xMin, yMin, xMax, yMax: Double
    }

    /// pdftotext -bbox output: each page's words with their boxes in points.
    static func wordBoxes(_ html: String) -> [[WordBox]] {
        let word = try! NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        return html.components(separatedBy: "<page ").dropFirst().map { page in
            let ns = page as NSString
            return word.matches(in: page, range: NSRange(location: 0, length: ns.length)).map { m in
                let v = (1...4).map { Double(ns.substring(with: m.range(at: $0)))! }
                return WordBox(text: WorkbookReader.unescape(ns.substring(with: m.range(at: 5))), xMin: v[0], yMin: v[1], xMax: v[2], yMax: v[3])
            }
        }
    }

    /// The boxes a header prints in: every word equal to it, or two pieces of it, the second
    /// under the first and centred with it (a wrapped header).
    static func pieces(of header: String, in words: [WordBox]) -> [WordBox] {
        var found = words.filter { $0.text == header }
        for a in words where header.hasPrefix(a.text) && a.text.count < header.count {
            let rest = String(header.dropFirst(a.text.count))
            for b in words where b.text == rest && b.yMin > a.yMin + 2 && b.yMin < a.yMax + 4
                && abs((a.xMin + a.xMax) / 2 - (b.xMin + b.xMax) / 2) < 4 {
                found += [a, b]
            }
        }
        return found
    }

    /// On one line, or wrapped onto two lines (start on one, rest on one of the next three: other
    /// headers of the row may take more lines in between).
    static func appearsWhole(_ header: String, in lines: [String]) -> Bool {
        if lines.contains(where: { $0.contains(header) }) { return true }
        let chars = Array(header)
        for k in 1..<max(1, chars.count) {
            let head = String(chars[..<k]), tail = String(chars[k...])
            for i in lines.indices where lines[i].contains(head)
                && lines[(i + 1)..<min(lines.count, i + 4)].contains(where: { $0.contains(tail) }) { return true }
        }
        return false
    }

    /// A page rendered by pdftoppm -gray (binary PGM), 2 pixels a point.
    struct GrayImage {
        let width: Int, height: Int
        let pixels: [UInt8]
        let scale = 2.0

        init(path: String) throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            // "P5\n<width> <height>\n255\n" then one byte a pixel.
            var fields: [String] = [], current = "", offset = 0
            for (k, byte) in data.enumerated() {
                if byte == 0x0A || byte == 0x20 {
                    if !current.isEmpty { fields.append(current); current = "" }
                    if fields.count == 4 { offset = k + 1; break }
                } else {
                    current.append(Character(UnicodeScalar(byte)))
                }
            }
            guard fields.count == 4, fields[0] == "P5", let w = Int(fields[1]), let h = Int(fields[2]) else {
                throw NSError(domain: "PGM", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(path) is not a binary PGM"])
            }
            width = w
            height = h
            pixels = [UInt8](data[offset..<(offset + w * h)])
        }

        func dark(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height && pixels[y * width + x] < 170 }

        /// A cell border crossing the text: a pixel column inside the word's box that is dark
        /// from its top down past its bottom into the next row. A glyph's stroke ends above the
        /// box's bottom (its descent is empty), a border runs on.
        func hasVerticalLine(through box: WordBox) -> Bool {
            let x0 = Int((box.xMin * scale).rounded(.up)) + 1, x1 = Int((box.xMax * scale).rounded(.down)) - 1
            let y0 = Int((box.yMin * scale).rounded(.up)) + 1, y1 = Int((box.yMax * scale).rounded(.down)) + 4
            guard x0 < x1 else { return false }
            return (x0..<x1).contains { x in (y0..<y1).allSatisfy { dark(x, $0) } }
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        guard let path = ["/usr/bin", "/usr/local/bin", "/bin"].map({ "\($0)/\(tool)" }).first(where: FileManager.default.isExecutableFile) else {
            XCTFail("\(tool) is not installed: scripts/install-deps.sh installs libreoffice-calc-nogui and poppler-utils")
            throw XCTSkip("no \(tool)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
