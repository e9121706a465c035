import Foundation
import GridpayLedger
import Hummingbird

/// `GET …/archive` and `GET …/archive/file?name=`: the input files the ledger archived when the
/// period was closed, for auditors (SPEC §14: 审计 downloads the ledger's archived inputs of a
/// closed period), byte for byte as they were closed, whatever Input/ holds today.
struct ArchiveRoutes: ConsoleRouteArea {
    struct Item: Encodable, Sendable {
        var file: String
        var bytes: Int
        var sha256: String
    }

    func register(on router: Router<ConsoleContext>, console: Console) {
        let base = "/api/towns/{town}/periods/{period}/archive"
        router.get(RouterPath(base)) { _, context in
            let ref = try PeriodRoutes.ref(context, console, roles: [.auditor])
            return try Reply.json(try ArchiveRoutes.files(ref, console).map { Item(file: $0.file, bytes: $0.bytes, sha256: $0.sha256) })
        }
        router.get(RouterPath("\(base)/file")) { request, context in
            let ref = try PeriodRoutes.ref(context, console, roles: [.auditor])
            let name = request.uri.queryParameters["name"].map(String.init) ?? ""
            guard let file = try ArchiveRoutes.files(ref, console).first(where: { $0.file == name }) else { throw ConsoleHTTPError.notFound }
            let ledgerDir = console.folders.ledgerDir, town = ref.town.town
            // Checked whole before the first byte, off the cooperative pool, as a run is.
            let ledger = await PeriodRunner.onOwnThread { () -> Ledger? in
                guard let ledger = try? Ledger.openIfPresent(ledgerDir: ledgerDir, town: town, words: .console),
                      (try? ledger.checkArchived(file)) != nil else { return nil }
                return ledger
            }
            guard let ledger else { throw ConsoleHTTPError(.internalServerError, ConsoleMessages.archiveUnreadable(file.file)) }
            return Download.archived(file, of: ledger, type: "application/octet-stream", name: (file.file as NSString).lastPathComponent)
        }
    }

    /// The closing's archived inputs; 409 for a period that is not closed.
    static func files(_ ref: PeriodRef, _ console: Console) throws -> [ArchivedFile] {
        let ledger = try? Ledger.openIfPresent(ledgerDir: console.folders.ledgerDir, town: ref.town.town, words: .console)
        guard let files = try? ledger?.archivedInputs(ofClosing: ref.text), !files.isEmpty else { throw ConsoleHTTPError.conflict(ConsoleMessages.archiveNeedsClosed) }
        return files
    }
}
