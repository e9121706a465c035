import Foundation
import GridpayCore
import GridpayHash
import GridpayPipeline
import Hummingbird

/// The rule workspace's API (SPEC §14, role 规则; auditors read the versions):
/// `GET /api/towns/{town}/rules`, `PUT …/drafts/{name}`, `POST …/drafts/{name}/compare`,
/// `POST …/drafts/{name}/adopt`, `GET …/rules/diff?from=&to=` (a version, or `draft:<name>`).
struct RuleRoutes: ConsoleRouteArea {
    struct Listing: Codable, Sendable { var versions: [RuleWorkspace.Version]; var drafts: [RuleDraftInfo] }
    struct PeriodBody: Decodable { var period: String }
    struct AdoptBody: Decodable { var effective_from: String }
    struct Adopted: Codable, Sendable { var version: String; var effective_from: String; var file: String; var sha256: String }

    func register(on router: Router<ConsoleContext>, console: Console) {
        router.get("/static/rules.js") { _, _ in Reply.bytes(Data(RulePage.script.utf8), type: "text/javascript; charset=utf-8") }
        router.get("/towns/{town}/rules") { _, context in
            let (town, account) = try Self.town(context, console, roles: [.rules, .auditor])
            let info = try console.towns.visible(town, to: account)
            return Reply.html(RulePage.render(town: info, versions: try RuleWorkspace.versions(town: town, console: console), drafts: try console.store.drafts(town: town),
                                              editable: account.has(.rules), account: account, csrf: PageRoutes.csrf(context)))
        }
        router.get("/api/towns/{town}/rules") { _, context in
            let (town, _) = try Self.town(context, console, roles: [.rules, .auditor])
            return try Reply.json(Listing(versions: try RuleWorkspace.versions(town: town, console: console), drafts: try console.store.drafts(town: town)))
        }
        router.get("/api/towns/{town}/rules/diff") { request, context in
            let (town, _) = try Self.town(context, console, roles: [.rules, .auditor])
            let a = try Self.text(request.uri.queryParameters.get("from") ?? "", town: town, console: console)
            let b = try Self.text(request.uri.queryParameters.get("to") ?? "", town: town, console: console)
            return try Reply.json(["lines": RuleWorkspace.diff(a.components(separatedBy: "\n"), b.components(separatedBy: "\n"))])
        }
        router.put("/api/towns/{town}/drafts/{name}") { request, context in
            let (town, account) = try Self.town(context, console, roles: [.rules])
            let name = try Self.draftName(context)
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            let text = String(decoding: buffer.readableBytesView, as: UTF8.self)
            try console.store.saveDraft(town: town, name: name, text: text, sha256: try SHA256Digest.hex(Array(buffer.readableBytesView)), account: account.name)
            return try Reply.json(try RuleWorkspace.check(town: town, name: name, text: text, console: console).0)
        }
        router.post("/api/towns/{town}/drafts/{name}/compare") { request, context in
            let (town, account) = try Self.town(context, console, roles: [.rules])
            let (name, text, _) = try Self.validDraft(context, town: town, console: console)
            let body = try await AuthRoutes.decode(PeriodBody.self, request, context)
            guard let period = CalendarPeriod.parse(body.period) else { throw ConsoleHTTPError.badRequest(RuleWorkspaceMessages.badPeriod(body.period)) }
            let path = try RuleWorkspace.draftFile(town: town, name: name, text: text, console: console)
            let compared = try await RuleWorkspace.compare(town: town, period: period, draftPath: path, console: console)
            try console.store.log(account: account.name, town: town, period: "\(period)", action: .draftCompared, detail: name)
            return try Reply.json(compared)
        }
        router.post("/api/towns/{town}/drafts/{name}/adopt") { request, context in
            let (town, account) = try Self.town(context, console, roles: [.rules])
            let (_, text, loaded) = try Self.validDraft(context, town: town, console: console, testsMustPass: true)
            let body = try await AuthRoutes.decode(AdoptBody.self, request, context)
            guard let month = Period.parse(body.effective_from) else { throw ConsoleHTTPError.badRequest(RuleWorkspaceMessages.badEffectiveFrom(body.effective_from)) }
            let (file, sha) = try RuleWorkspace.adopt(town: town, text: text, loaded: loaded, month: month, console: console)
            try console.store.log(account: account.name, town: town, action: .ruleAdopted, detail: "\(file) (\(month))", sha256: sha)
            return try Reply.json(Adopted(version: loaded.rules.version, effective_from: "\(month)", file: file, sha256: sha), status: .created)
        }
    }

    static func town(_ context: ConsoleContext, _ console: Console, roles: Set<Role>) throws -> (String, Account) {
        let account = try context.signedIn()
        let town = try console.towns.visible(try context.parameters.require("town"), to: account)
        guard account.hasAny(roles) else { throw ConsoleHTTPError.forbidden }
        return (town.town, account)
    }

    static func draftName(_ context: ConsoleContext) throws -> String {
        let name = try context.pathText("name")
        if let why = PlainName.problem(name) { throw ConsoleHTTPError.badRequest(RuleWorkspaceMessages.badDraftName(name, why)) }
        return name
    }

    /// The saved draft, loaded without errors (else 400 with the count).
    /// `testsMustPass`: adoption needs the draft's [[tests]] to pass (a comparison only warns).
    static func validDraft(_ context: ConsoleContext, town: String, console: Console, testsMustPass: Bool = false) throws -> (String, String, LoadedRules) {
        let name = try draftName(context)
        guard let text = try console.store.draftText(town: town, name: name) else { throw ConsoleHTTPError.notFound }
        let (checked, loaded) = try RuleWorkspace.check(town: town, name: name, text: text, console: console)
        guard let loaded else {
            throw ConsoleHTTPError.badRequest(RuleWorkspaceMessages.draftNotValid(errors: checked.problems.filter { $0.severity == "error" }.count))
        }
        if testsMustPass, checked.tests.failed > 0 { throw ConsoleHTTPError.badRequest(RuleWorkspaceMessages.testsFail(checked.tests.failed)) }
        return (name, text, loaded)
    }

    /// A version's text (by its version or file name) or a draft's (`draft:<name>`).
    static func text(_ ref: String, town: String, console: Console) throws -> String {
        if ref.hasPrefix("draft:"), let t = try console.store.draftText(town: town, name: String(ref.dropFirst(6))) { return t }
        for path in RuleWorkspace.versionFiles(town: town, rulesDir: console.folders.rulesDir) {
            guard case .success(let l) = RuleFiles.load(path: path) else { continue }
            if l.rules.version == ref || (path as NSString).lastPathComponent == ref { return l.text }
        }
        throw ConsoleHTTPError(.notFound, RuleWorkspaceMessages.noVersion(ref))
    }
}
