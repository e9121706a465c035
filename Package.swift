// swift-tools-version:6.0
// gridpay: monthly assessment and performance-pay sheets for community grid workers.
// Layering (dependencies point one way, down; README: Layout):
//   gridpay (CLI) → GridpayConsole → GridpayLedger → GridpayPipeline → GridpayCore (pure Swift, no C)
//   GridpayPipeline also → GridpayCSV, GridpayXLSX, GridpayXLSXReader, GridpayHash: each a thin
//   wrapper over its C library (libcsv, libxlsxwriter, libexpat+zlib+libfreexl, libcrypto) that
//   knows nothing of GridpayCore; GridpayLedger and GridpayConsole also → GRDB.
//   GridpayLanguage (the language of messages, bilingual(zh:en:)) is below them all: GridpayCore
//   re-exports it, and the wrappers word their errors with it from their own catalogues.
//   gridpay-datagen → GridpayDatagenKit → GridpayCore.
import PackageDescription

/// Release builds skip run-time exclusivity checks in the per-row code (they cost ~8% of a
/// province month; debug builds and the tests keep them).
let releaseSpeed: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "gridpay",
    products: [
        .executable(name: "gridpay", targets: ["gridpay"]),
        .executable(name: "gridpay-datagen", targets: ["gridpay-datagen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Tests only: reads back the XLSX files we write.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // The ledger of closed periods: one SQLite database per town (system libsqlite3).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The office console (SPEC §14): HTTP server, and bcrypt for the accounts' passwords.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        // `serve --tls-cert/--tls-key` (HummingbirdTLS): TLS through BoringSSL, compiled with gridpay
        // (README: Set up on a fresh machine, for what it adds to a clean build).
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // The language messages are worded in (SPEC §15): pure Swift, no dependency.
        .target(name: "GridpayLanguage"),
        // Pure Swift: rule model, TOML reader, expression language, scoring, exact money. No C.
        .target(name: "GridpayCore", dependencies: ["GridpayLanguage"], swiftSettings: releaseSpeed),
        // C libraries from Debian (libcsv-dev, libxlsxwriter-dev), each behind a thin wrapper.
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "GridpayCSV", dependencies: ["CLibCSV", "GridpayLanguage"], swiftSettings: releaseSpeed),
        // XLSX exports read as a stream (SPEC §16): Debian's libexpat (SAX XML) over zlib's inflate
        // of the zip entry, behind a thin wrapper (README: Exports as they come).
        .systemLibrary(name: "CExpatZlib", path: "Sources/CExpatZlib", providers: [.apt(["libexpat1-dev", "zlib1g-dev"])]),
        // Legacy .xls exports through Debian's libfreexl (libfreexl-dev), in the same thin wrapper.
        .systemLibrary(name: "CFreeXL", path: "Sources/CFreeXL", providers: [.apt(["libfreexl-dev"])]),
        .target(name: "GridpayXLSXReader", dependencies: ["CExpatZlib", "CFreeXL", "GridpayLanguage"], swiftSettings: releaseSpeed),
        .target(name: "GridpayXLSX", dependencies: ["CXLSXWriter", "GridpayLanguage"]),
        // SHA-256 of inputs and outputs through OpenSSL's libcrypto (libssl-dev).
        .systemLibrary(name: "CLibCrypto", path: "Sources/CLibCrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "GridpayHash", dependencies: ["CLibCrypto", "GridpayLanguage"]),
        // Reads a month, applies a rule file, writes the workbook, pay CSV and manifest.
        .target(name: "GridpayPipeline", dependencies: ["GridpayCore", "GridpayCSV", "GridpayXLSX", "GridpayXLSXReader", "GridpayHash"], swiftSettings: releaseSpeed),
        // Closed periods (SPEC §9): the town's ledger through GRDB, close / verify / status,
        // history from published results, corrections carried as adjustments.
        .target(name: "GridpayLedger", dependencies: [
            "GridpayCore", "GridpayPipeline", "GridpayHash", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The office console (SPEC §14): accounts, sessions, action log (GRDB, Console/console.sqlite),
        // the JSON API and the pages, over the same entry points as the commands.
        .target(name: "GridpayConsole", dependencies: [
            "GridpayCore", "GridpayPipeline", "GridpayLedger", "GridpayHash",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(name: "gridpay", dependencies: [
            "GridpayPipeline", "GridpayCore", "GridpayLedger", "GridpayConsole",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Seeded months of any size from a rule file and a shape file (Benchmarks/shapes/), for
        // benchmarks and tests: the logic in a library, the command line a thin layer over it.
        .target(name: "GridpayDatagenKit", dependencies: ["GridpayCore"]),
        // Benchmarks/xlsx.sh: a CSV export written again as an XLSX workbook (shared strings, typed cells).
        .executableTarget(name: "gridpay-bench-csv2xlsx", dependencies: ["GridpayCSV", "GridpayXLSX"], path: "Benchmarks/csv2xlsx"),
        .executableTarget(name: "gridpay-datagen", dependencies: [
            "GridpayDatagenKit", "GridpayCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/GridpayDatagen"),
        // Test helpers the test targets share (seeded CSV damage, reading a workbook back, the small
        // made-up towns and their folders, the command line's words for library calls): a plain
        // library that only test targets depend on.
        .target(name: "GridpayTestSupport", dependencies: [
            "GridpayCore", "GridpayCSV", "GridpayPipeline", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], path: "Tests/GridpayTestSupport"),
        .testTarget(name: "GridpayCoreTests", dependencies: ["GridpayCore", "GridpayTestSupport"], exclude: ["Rules/BadRules", "Messages", "Expression/EvaluationMessageCases.zh.txt"]),
        .testTarget(name: "GridpayHashTests", dependencies: ["GridpayHash"]),
        .testTarget(name: "GridpayLedgerTests", dependencies: [
            "GridpayLedger", "GridpayPipeline", "GridpayCore", "GridpayCSV", "GridpayTestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Messages"]),
        // The console: its store in process, its API and pages against the built binary.
        .testTarget(name: "GridpayConsoleTests", dependencies: [
            "GridpayConsole", "GridpayCore", "GridpayHash", "GridpayTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "GridpayDatagenTests", dependencies: ["GridpayDatagenKit", "GridpayCore", "GridpayPipeline", "GridpayTestSupport"]),
        .testTarget(name: "GridpayCSVTests", dependencies: ["GridpayCSV"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GridpayXLSXReaderTests", dependencies: ["GridpayXLSXReader", "GridpayXLSX", "GridpayTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "GridpayXLSXTests", dependencies: [
            "GridpayXLSX", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "GridpayPipelineTests", dependencies: [
            "GridpayPipeline", "GridpayCore", "GridpayHash", "GridpayTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Golden", "Messages", "Fixtures"]),
        // Runs the built `gridpay` binary; reads its data through #filePath, so nothing is bundled.
        .testTarget(name: "EndToEndTests", dependencies: [
            "GridpayCore", "GridpayHash", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            // Only to damage a ledger on purpose (fault tests).
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Expected", "Fixtures", "ReadmeExamples", "Help", "Console/Browser", "Console/Fuzz/schemathesis.toml"]),
    ]
)
