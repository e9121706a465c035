import Foundation
import GridpayCSV
import XCTest

final class CSVReaderTests: XCTestCase {
    private let simpleRecords = [
        record(1, "id", "name", "score"),
        record(2, "W001", "Alice", "90"),
        record(3, "W002", "Bob", "85"),
    ]

    func testSimpleLF() {
        XCTAssertEqual(readFixture("simple_lf.csv"), ReadOutcome(records: simpleRecords, error: nil))
    }

    func testSimpleCRLFCountsEachCRLFAsOneLine() {
        XCTAssertEqual(readFixture("simple_crlf.csv"), ReadOutcome(records: simpleRecords, error: nil))
    }

    func testBOMIsStrippedFromFirstHeaderField() {
        let outcome = readFixture("bom_crlf.csv")
        XCTAssertEqual(outcome, ReadOutcome(records: simpleRecords, error: nil))
        XCTAssertEqual(outcome.records.first?.fields.first?.utf8.count, 2)
    }

    func testEmbeddedDelimitersQuotesNewlinesAndOddShapes() {
        let expected = [
            record(1, "id", "note", "value"),
            record(2, "1", "a,b", "say \"hi\""),
            record(3, "2", "two\nlines", "x"),
            record(5, "3", "crlf\r\ninside", "y"),
            record(7, "4", "=1+1", "张三"),
            record(8, "5", "", ""),
            record(9, "6"),
            record(10, "7", "a", "b", "c", "d"),
            record(11, "8", " padded ", "\tTab\t"),
            record(12, "9", "x\n\ny", "z"),
            record(15, "10", "", "last"),
        ]
        XCTAssertEqual(readFixture("embedded.csv"), ReadOutcome(records: expected, error: nil))
    }

    func testBlankLinesAreSkippedButCounted() {
        let expected = [record(1, "a", "b"), record(3, "1", "2"), record(6, "3", "4")]
        XCTAssertEqual(readFixture("blank_lines.csv"), ReadOutcome(records: expected, error: nil))
        let expectedCRLF = [record(1, "a", "b"), record(3, "1", "2"), record(5, "3", "4")]
        XCTAssertEqual(readFixture("blank_lines_crlf.csv"), ReadOutcome(records: expectedCRLF, error: nil))
    }

    func testMixedLineEndings() {
        // LF, CRLF and a lone CR each end one line; "\r\r\n" is a record end plus one blank line.
        let expected = [
            record(1, "h1", "h2"), record(2, "r1", "a"), record(3, "r2", "b"), record(4, "r3", "c"), record(6, "r4", "d"),
        ]
        XCTAssertEqual(readFixture("mixed_endings.csv"), ReadOutcome(records: expected, error: nil))
    }

    func testFinalLineWithoutNewline() {
        let expected = [record(1, "a", "b"), record(2, "1", "2"), record(3, "3", "x")]
        XCTAssertEqual(readFixture("no_final_newline.csv"), ReadOutcome(records: expected, error: nil))
    }

    func testEmptyFileAndBOMOnlyFileHaveNoRecords() {
        XCTAssertEqual(readFixture("empty.csv"), ReadOutcome(records: [], error: nil))
        XCTAssertEqual(readFixture("only_bom.csv"), ReadOutcome(records: [], error: nil))
    }

    func testTextAfterClosingQuoteIsMalformedOnItsLine() {
        let path = fixturePath("malformed_after_quote.csv")
        let outcome = read(path: path)
        XCTAssertEqual(outcome.records, [record(1, "a", "b", "c"), record(2, "1", "2", "3")])
        XCTAssertEqual(outcome.error, .malformed(path: path, line: 3,
                                                 reason: "unexpected 'c' after the closing quote of field 2"))
        XCTAssertEqual(outcome.error?.description,
                       "\(path):3: malformed quoting: unexpected 'c' after the closing quote of field 2")
    }

    func testStrayQuoteAfterMultiLineRecordIsReportedOnItsPhysicalLine() {
        let path = fixturePath("malformed_stray_quote.csv")
        let outcome = read(path: path)
        XCTAssertEqual(outcome.records, [record(1, "a", "b"), record(2, "multi\nline", "ok")])
        guard case let .malformed(errorPath, line, reason)? = outcome.error else {
            return XCTFail("expected .malformed, got \(outcome)")
        }
        XCTAssertEqual(errorPath, path)
        XCTAssertEqual(line, 4)
        XCTAssertTrue(reason.hasPrefix("stray quote in field 2"), reason)
    }

    func testSpacesAroundQuotedFieldsAreMalformedBecauseSpacesAreData() throws {
        // With libcsv's trimming turned off, a space before an opening or after a closing quote is not CSV.
        let before = try writeTemporaryFile(self, name: "space-before.csv", bytes: Array("a,b\nx, \"y\"\n".utf8))
        XCTAssertEqual(read(path: before).error?.description,
                       "\(before):2: malformed quoting: stray quote in field 2 (a quote inside a field must be doubled and the field quoted)")
        let after = try writeTemporaryFile(self, name: "space-after.csv", bytes: Array("\"x\" ,y\n".utf8))
        XCTAssertEqual(read(path: after).error,
                       .malformed(path: after, line: 1, reason: "unexpected space after the closing quote of field 1"))
    }

    func testUnclosedQuoteAtEndOfFileIsMalformedWhereTheFieldStarts() {
        let path = fixturePath("unclosed_quote.csv")
        let outcome = read(path: path)
        XCTAssertEqual(outcome.records, [record(1, "a", "b"), record(2, "1", "2")])
        XCTAssertEqual(outcome.error, .malformed(path: path, line: 3,
                                                 reason: "field 2 opens a quote that is never closed"))
    }

    func testGB18030FileDecodes() {
        let expected = [record(1, "网格员编号", "姓名"), record(2, "W001", "张三")]
        XCTAssertEqual(readFixture("gb18030.csv", encoding: .gb18030), ReadOutcome(records: expected, error: nil))
    }

    func testGB18030FileReadAsUTF8SaysItLooksLikeGB18030() {
        let path = fixturePath("gb18030.csv")
        let outcome = read(path: path, encoding: .utf8)
        XCTAssertEqual(outcome, ReadOutcome(records: [], error: .notUTF8(path: path, line: 1, column: 1,
                                                                          looksLikeGB18030: true)))
    }

    func testInvalidUTF8ReportsLineAndColumn() {
        let path = fixturePath("invalid_utf8.csv")
        let outcome = read(path: path)
        XCTAssertEqual(outcome.records, [record(1, "a", "b", "c"), record(2, "1", "2", "3")])
        // 0xFF is not a GB18030 lead byte either.
        XCTAssertEqual(outcome.error, .notUTF8(path: path, line: 3, column: 2, looksLikeGB18030: false))
    }

    func testBytesThatAreNotGB18030ReportTheirLine() {
        let path = fixturePath("not_gb18030.csv")
        let outcome = read(path: path, encoding: .gb18030)
        XCTAssertEqual(outcome.records, [record(1, "编号", "姓名"), record(2, "W001", "张三")])
        XCTAssertEqual(outcome.error, .notGB18030(path: path, line: 3))
    }

    func testGB18030CutOffInsideACharacterAtEndOfFile() throws {
        let path = try writeTemporaryFile(self, name: "cut.csv", bytes: Array("a,b\n1,".utf8) + [0xD5])  // 0xD5 is the lead byte of 张 in GB18030
        for chunkSize in [1, 2, 3, 1 << 20] {
            XCTAssertEqual(read(path: path, encoding: .gb18030, chunkSize: chunkSize),
                           ReadOutcome(records: [record(1, "a", "b")], error: .notGB18030(path: path, line: 2)),
                           "chunkSize \(chunkSize)")
        }
    }

    func testGB18030FourByteSequencesAndGB18030BOMAcrossTinyChunks() throws {
        // U+FEFF encodes as 84 31 95 33 in GB18030 and becomes a UTF-8 BOM, which is stripped.
        // "\u{FEFF}名称,符号\n笑脸,😀\n欧元,€\n" encoded with Python's "gb18030" codec (😀 is a 4-byte sequence).
        let bytes: [UInt8] = [
            0x84, 0x31, 0x95, 0x33, 0xC3, 0xFB, 0xB3, 0xC6, 0x2C, 0xB7, 0xFB, 0xBA, 0xC5, 0x0A, 0xD0, 0xA6,
            0xC1, 0xB3, 0x2C, 0x94, 0x39, 0xFC, 0x36, 0x0A, 0xC5, 0xB7, 0xD4, 0xAA, 0x2C, 0xA2, 0xE3, 0x0A,
        ]
        let path = try writeTemporaryFile(self, name: "gb4.csv", bytes: bytes)
        let expected = [record(1, "名称", "符号"), record(2, "笑脸", "😀"), record(3, "欧元", "€")]
        for chunkSize in [1, 2, 3, 4, 5, 1 << 20] {
            XCTAssertEqual(read(path: path, encoding: .gb18030, chunkSize: chunkSize),
                           ReadOutcome(records: expected, error: nil), "chunkSize \(chunkSize)")
        }
    }

    func testEveryFixtureGivesTheSameResultWithTinyChunks() {
        let fixtures: [(String, CSVTextEncoding)] = [
            ("simple_lf.csv", .utf8), ("simple_crlf.csv", .utf8), ("bom_crlf.csv", .utf8), ("embedded.csv", .utf8),
            ("blank_lines.csv", .utf8), ("blank_lines_crlf.csv", .utf8), ("mixed_endings.csv", .utf8),
            ("no_final_newline.csv", .utf8), ("malformed_after_quote.csv", .utf8),
            ("malformed_stray_quote.csv", .utf8), ("unclosed_quote.csv", .utf8), ("gb18030.csv", .gb18030),
            ("gb18030.csv", .utf8), ("invalid_utf8.csv", .utf8), ("not_gb18030.csv", .gb18030),
            ("not_gb18030.csv", .utf8), ("only_bom.csv", .utf8), ("empty.csv", .utf8),
        ]
        for (name, encoding) in fixtures {
            let reference = readFixture(name, encoding: encoding)
            for chunkSize in [1, 2, 3, 7] {
                XCTAssertEqual(readFixture(name, encoding: encoding, chunkSize: chunkSize), reference,
                               "\(name) \(encoding) chunkSize \(chunkSize)")
            }
        }
    }

    func testPartialBOMPrefixIsDataNotBOM() throws {
        let path = try writeTemporaryFile(self, name: "half-bom.csv", bytes: [0xEF, 0xBB, 0x2C, 0x61, 0x0A])
        for chunkSize in [1, 2, 1 << 20] {
            XCTAssertEqual(read(path: path, chunkSize: chunkSize).error,
                           .notUTF8(path: path, line: 1, column: 1, looksLikeGB18030: true))  // EF BB is a GB18030 pair
        }
    }

    func testQuotedEmptyLineIsARecordNotABlankLine() throws {
        let path = try writeTemporaryFile(self, name: "quoted-empty.csv", bytes: Array("a\n\"\"\n\nb\n".utf8))
        XCTAssertEqual(read(path: path), ReadOutcome(records: [record(1, "a"), record(2, ""), record(4, "b")],
                                                     error: nil))
    }

    func testFieldWithNULByteIsKeptWhole() throws {
        let path = try writeTemporaryFile(self, name: "nul.csv", bytes: Array("a\u{0}b,\"c\u{0}\",d\n".utf8) + [0x78, 0x00, 0xFF])
        let outcome = read(path: path)
        XCTAssertEqual(outcome.records, [record(1, "a\u{0}b", "c\u{0}", "d")])
        XCTAssertEqual(outcome.error, .notUTF8(path: path, line: 2, column: 1, looksLikeGB18030: false))
    }

    func testMissingFileCannotOpen() {
        let path = "/nonexistent-gridpay-dir/missing.csv"
        XCTAssertThrowsError(try CSVReader(path: path, encoding: .utf8)) { error in
            XCTAssertEqual(error as? CSVReadError, .cannotOpen(path: path, reason: "No such file or directory"))
        }
    }

    func testReadingADirectoryFails() throws {
        let path = try makeTemporaryDirectory(self).path
        // Refused when opened (issue 6.3: only regular files are read), not at the first read.
        XCTAssertEqual(read(path: path).error, .notRegularFile(path: path, kind: "a folder"))
    }

    func testBodyErrorIsRethrownUnchangedAndStopsReading() throws {
        struct StopHere: Error, Equatable { let line: Int }
        let reader = try CSVReader(path: fixturePath("embedded.csv"), encoding: .utf8, chunkSize: 16)
        var seenLines: [Int] = []
        XCTAssertThrowsError(try reader.forEachRecord { record in
            seenLines.append(record.line)
            if record.line == 5 { throw StopHere(line: record.line) }
        }) { error in
            XCTAssertEqual(error as? StopHere, StopHere(line: 5))
        }
        XCTAssertEqual(seenLines, [1, 2, 3, 5])
    }

    func testForEachRecordCanRunTwice() throws {
        let reader = try CSVReader(path: fixturePath("gb18030.csv"), encoding: .gb18030, chunkSize: 3)
        var first: [CSVRecord] = []
        var second: [CSVRecord] = []
        try reader.forEachRecord { first.append($0) }
        try reader.forEachRecord { second.append($0) }
        XCTAssertEqual(first.count, 2)
        XCTAssertEqual(first, second)
    }

    func testManyRowsStreamWithExactLineNumbers() throws {
        var text = "id,name,note\n"
        let rowCount = 50_000
        for index in 1...rowCount {
            text += index % 1000 == 0 ? "\(index),\"名字\(index)\",\"two\r\nlines\"\r\n" : "\(index),n\(index),\n"
        }
        let path = try writeTemporaryFile(self, name: "many.csv", bytes: Array(text.utf8))
        let reader = try CSVReader(path: path, encoding: .utf8, chunkSize: 4096)
        var count = 0
        var lastRecord: CSVRecord?
        try reader.forEachRecord { record in
            count += 1
            lastRecord = record
        }
        XCTAssertEqual(count, rowCount + 1)
        // The 49 two-line records before the last row each add one line.
        XCTAssertEqual(lastRecord, record(rowCount + 1 + 49, "\(rowCount)", "名字\(rowCount)", "two\r\nlines"))
    }

    func testDetectLooksLikeGB18030() throws {
        let gbBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixturePath("gb18030.csv"))))
        XCTAssertTrue(csvDetectLooksLikeGB18030(gbBytes))
        XCTAssertTrue(csvDetectLooksLikeGB18030(Array("plain ascii,1\n".utf8)))
        XCTAssertFalse(csvDetectLooksLikeGB18030([0x61, 0xFF, 0x0A]))
        XCTAssertFalse(csvDetectLooksLikeGB18030([0x61, 0xD5]))  // cut off inside a character
    }

    func testErrorDescriptionsAreShortEnglish() {
        XCTAssertEqual(CSVReadError.notUTF8(path: "e.csv", line: 3, column: 2, looksLikeGB18030: true).description,
                       "e.csv:3: field 2 is not valid UTF-8 (the file looks GB18030-encoded; read it as GB18030)")
        XCTAssertEqual(CSVReadError.notGB18030(path: "e.csv", line: 4).description,
                       "e.csv:4: bytes that are not valid GB18030")
        XCTAssertEqual(CSVReadError.cannotOpen(path: "e.csv", reason: "No such file or directory").description,
                       "e.csv: cannot open: No such file or directory")
    }
}
