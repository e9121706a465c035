/// The English literals outside the message catalogues that no person reads as a message, or that
/// stay English on purpose, each with why (EnglishLiteralTests). A file's entry covers every
/// literal of it only where the whole file is such text.
enum EnglishLiteralAllowances {
    typealias A = EnglishLiteralTests.Allowance

    static let all: [A] = developerTools + documentation + machineText + programmingErrors + englishSidesOnly + ledger

    /// Tools of the developers, English by decision (README: gridpay-datagen stays in English).
    static let developerTools: [A] = [
        A(file: "GridpayDatagen/", containing: nil, why: "gridpay-datagen, the developers' benchmark tool: English by decision"),
        A(file: "GridpayDatagenKit/", containing: nil, why: "gridpay-datagen's library: its shape-file errors are read by developers, English by decision"),
    ]

    /// The README's function reference (developer documentation in English), generated from the catalog.
    static let documentation: [A] = [
        A(file: "GridpayCore/Expression/FunctionCatalog.swift", containing: nil,
          why: "each function's usage, summary and `takes`: the README's function reference; `takes` appears in the English arity message only (CheckerMessages.arity's zh: shows the usage)"),
        A(file: "GridpayCore/Expression/FunctionCatalogAcrossRows.swift", containing: nil, why: "as FunctionCatalog.swift"),
        A(file: "GridpayCore/Expression/FunctionCatalogCalendar.swift", containing: nil, why: "as FunctionCatalog.swift"),
        A(file: "GridpayCore/Expression/FunctionEntry.swift", containing: nil,
          why: "the function reference's families, argument kinds and explain lines (README, English), never in a message"),
        A(file: "GridpayCore/Expression/FunctionReference.swift", containing: "function reference",
          why: "the README's markers around the generated function reference"),
    ]

    /// Text for machines: SQL, HTTP headers, the console's own script and style, date formats.
    static let machineText: [A] = [
        A(file: "GridpayConsole/Store/", containing: nil, why: "SQL of the console's database, its date formats and the decoy password's salt"),
        A(file: "GridpayConsole/Server/SecurityMiddleware.swift", containing: "-Options", why: "HTTP header names"),
        A(file: "GridpayConsole/Server/SecurityMiddleware.swift", containing: "Content-Security-Policy", why: "an HTTP header name"),
        A(file: "GridpayConsole/Pages/Page.swift", containing: "<!DOCTYPE html>", why: "the page's HTML frame; its words come from ConsolePageMessages"),
        A(file: "GridpayConsole/Pages/RulePage.swift", containing: "<li data-name=", why: "HTML of the draft list; its words come from the catalogue"),
        A(file: "GridpayConsole/Pages/RulePage.swift", containing: "\"use strict\"", why: "the rule editor's script; the words it shows are in data attributes from the catalogue"),
        A(file: "GridpayConsole/Pages/StaticFiles.swift", containing: nil, why: "the console's style sheet and script; the words they show come from the pages"),
        A(file: "gridpay/HelpHeadings.swift", containing: nil,
          why: "patterns of swift-argument-parser's own English (help headings, refusals), matched to put ParserWordMessages' Chinese in their place"),
        A(file: "GridpayCore/Ingest/FileLevelCause.swift", containing: " H:mm", why: "a date-and-time format code shown as written"),
    ]

    /// Said of gridpay's own code when a promise inside it breaks: no input or user action reaches
    /// these (assertions written on their line are recognised by the scan itself).
    static let programmingErrors: [A] = [
        A(file: "GridpayXLSX/XLSXWorksheet.swift", containing: nil,
          why: "the writer wrapper refusing a call gridpay's own sheet code makes wrong (a row out of range, a format of another workbook, rows out of order in constant_memory): never an input's doing"),
        A(file: "GridpayXLSX/XLSXChart.swift", containing: nil, why: "as XLSXWorksheet.swift: a chart gridpay's code describes wrongly"),
        A(file: "GridpayXLSX/XLSXWorkbook.swift", containing: " is empty", why: "as XLSXWorksheet.swift: an empty path or sheet name from gridpay's code"),
        A(file: "GridpayXLSX/XLSXWorkbook.swift", containing: "createdAt must be", why: "as XLSXWorksheet.swift"),
        A(file: "GridpayXLSX/XLSXError.swift", containing: "Unknown libxlsxwriter error",
          why: "stands for libxlsxwriter's own (English) text of an error number it has none for"),
        A(file: "GridpayCSV/CSVWriter.swift", containing: "csv_write needed more room", why: "libcsv broke its own worst-case bound"),
        A(file: "GridpayHash/SHA256Digest.swift", containing: nil, why: "OpenSSL failing, or the digest used after finish: gridpay's own fault, no input's"),
    ]

    /// English only where the message is English: the Chinese of the same message is worded
    /// by its catalogue without these words.
    static let englishSidesOnly: [A] = [
        A(file: "GridpayXLSXReader/XLSXReadError.swift", containing: nil,
          why: "the reader's description for tests and logs; a person reads an unreadable export through WorkbookProblems (IngestMessages, both languages)"),
        A(file: "GridpayCore/Expression/Value.swift", containing: "a date and time",
          why: "ValueType.description, the English messages' type names; their zh: texts use ValueType.label"),
        A(file: "GridpayCore/Expression/EachAndHistoryCheck.swift", containing: "number of periods",
          why: "consecutive()'s argument in the English message; CheckerMessages.argumentLabel names it in Chinese (期数)"),
    ]

    /// The ledger's SQL, seal fields and time formats; then, owned by the ledger's helper (issue 20
    /// item 5 and 21 for the ledger), its messages, which go to LedgerMessages and its neighbours
    /// (EnglishLiteralTests does not require these to allow something: they go when moved).
    static let ledger: [A] = [
        A(file: "GridpayLedger/", containing: "SELECT ", why: "SQL"),
        A(file: "GridpayLedger/", containing: "INSERT INTO ", why: "SQL"),
        A(file: "GridpayLedger/", containing: "CREATE TABLE ", why: "SQL"),
        A(file: "GridpayLedger/LedgerSeal.swift", containing: ", period, ", why: "the columns a seal covers, in SQL"),
        A(file: "GridpayLedger/", containing: "yyyy-MM-dd HH:mm:ss", why: "a time format"),
        A(file: "GridpayLedger/", containing: nil, why: "owned by the ledger catalogue, see LedgerMessages: messages the ledger's helper moves"),
        A(file: "GridpayPipeline/RatingRunner.swift", containing: nil, why: "owned by the ledger catalogue, see LedgerMessages (RatingRunner is the ledger helper's)"),
        A(file: "GridpayPipeline/PeriodMismatch.swift", containing: nil, why: "owned by the ledger catalogue, see LedgerMessages (PeriodMismatch is the ledger helper's)"),
    ]
}
