import Foundation
import GridpayCore
import GridpayPipeline

/// A period's page (SPEC §14): exports expected / present / missing with uploads, run with
/// progress, the result with 数据问题 and each worker linked to the explanation, downloads, the
/// review steps, status and corrections waiting.
enum PeriodPage {
    /// `roster`: the roster's file as the rule file names it (its rows are never accepted, SPEC §15).
    static func render(_ v: PeriodView, town: TownInfo, workers: [[String]], archived: [ArchiveRoutes.Item] = [], roster: String = "",
                       account: Account, csrf: String) -> String {
        let e = Page.escape
        let base = "/api/towns/\(e(v.town))/periods/\(e(v.period))"
        var body = "<p><a href=\"/towns/\(e(v.town))\">\(e(town.name))</a> · \(ConsoleMessages.statusLabel) "
            + "<span id=\"status\" class=\"status \(e(v.status))\">\(ConsoleMessages.statusName(v.status))</span>"
        if let by = v.closed_by, let at = v.closed_at { body += " \(ConsoleMessages.closedByAt(e(by), e(at)))" }
        if let by = v.submitted_by { body += " \(ConsoleMessages.submittedBy(e(by)))" }
        if let why = v.returned_reason { body += " <span class=\"error\">\(ConsoleMessages.returnedBecause(e(why)))</span>" }
        body += "</p>"
        if !v.corrections_waiting.isEmpty {
            body += "<div class=\"card warning\"><h2>\(ConsoleMessages.correctionsTitle)</h2><ul>"
                + v.corrections_waiting.map { "<li>\(e($0))</li>" }.joined() + "</ul></div>"
        }
        // What the clerk looks for first (the result and the next step) above the files.
        body += "<div class=\"row\">" + result(v, base: base, account: account) + steps(v, base: base, account: account) + "</div>"
        if let r = v.result {
            body += problems(r.problems, canAccept: account.has(.preparer) && v.status != "submitted" && v.status != "closed", roster: roster)
        }
        body += inputs(v, base: base, account: account)
        body += archive(archived, base: base)
        body += workerList(workers, v: v)
        return Page.layout(title: "\(town.name) \(v.period)", account: account, csrf: csrf, body: body)
    }

    static func inputs(_ v: PeriodView, base: String, account: Account) -> String {
        let e = Page.escape
        let canUpload = account.has(.preparer) && v.status != "closed"
        var rows = ""
        for (k, i) in v.inputs.enumerated() {
            let state = i.present ? "<span class=\"ok\">\(ConsoleMessages.present)</span>" : "<span class=\"missing\">\(ConsoleMessages.missing)</span>"
            var cells = "<td>\(e(i.file))</td><td class=\"nowrap\">\(state)</td><td class=\"num\">\(i.bytes.map(String.init) ?? "")</td>"
                + "<td title=\"\(e(i.sha256 ?? ""))\">\(e(String((i.sha256 ?? "").prefix(12))))</td>"
                + "<td class=\"nowrap\">\(e(i.uploaded_by ?? "")) \(e(i.uploaded_at ?? ""))</td>"
            if canUpload { cells += uploadForm(i.file, town: v.town, period: v.period, index: k) }
            rows += "<tr>\(cells)</tr>"
        }
        let head = [ConsoleMessages.fileColumn, ConsoleMessages.stateColumn, ConsoleMessages.bytesColumn, "SHA-256", ConsoleMessages.uploadedColumn]
            + (canUpload ? [ConsoleMessages.upload] : [])
        return "<div class=\"card\"><h2>\(ConsoleMessages.inputsTitle)</h2><table><thead><tr>"
            + head.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    /// The upload of one declared export (`YYYY-MM/<file>` in a longer period). A pattern
    /// (`patrol-*.csv`) uploads the chosen file under its own name, which must match it; the
    /// file picker offers the declared name's kind of file (`.csv`, `.xlsx`, `.xls`).
    static func uploadForm(_ file: String, town: String, period: String, index: Int) -> String {
        let e = Page.escape
        let month = file.contains("/") ? String(file.prefix(7)) : period
        let name = file.contains("/") ? String(file.dropFirst(8)) : file
        let pattern = FilePattern.isPattern(name)
        let ext = name.split(separator: ".").last.map { ".\($0.lowercased())" } ?? ""
        let accept = ext == ".csv" ? ".csv,text/csv" : ext
        return "<td><form class=\"upload\" data-url=\"/api/towns/\(e(town))/periods/\(e(month))/inputs/\(pattern ? "" : e(name))\" "
            + (pattern ? "data-pattern=\"\(e(name))\" " : "")
            + "data-confirm=\"\(ConsoleMessages.confirmReplace(e(file)))\" data-choose=\"\(ConsoleMessages.chooseFile)\" data-none=\"\(ConsoleMessages.noFileChosen)\">"
            + filePicker(id: "file-\(index)", accept: accept) + "<button type=\"submit\">\(ConsoleMessages.upload)</button><span class=\"message\"></span></form></td>"
    }

    /// The browser's own file field speaks the language of its installation ("Choose File"): it is
    /// hidden behind a label in the console's words.
    static func filePicker(id: String, accept: String) -> String {
        "<input type=\"file\" id=\"\(id)\"\(accept.isEmpty ? "" : " accept=\"\(Page.escape(accept))\"")><label class=\"pick\" for=\"\(id)\">\(ConsoleMessages.chooseButton)</label>"
            + "<span class=\"chosen\">\(ConsoleMessages.noFileChosen)</span>"
    }

    /// For auditors, a closed period's inputs as the ledger archived them, each to download.
    static func archive(_ files: [ArchiveRoutes.Item], base: String) -> String {
        guard !files.isEmpty else { return "" }
        let e = Page.escape
        let rows = files.map { f in
            let name = f.file.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return "<tr><td><a href=\"\(base)/archive/file?name=\(name)\">\(e(f.file))</a></td><td class=\"num\">\(f.bytes)</td>"
                + "<td title=\"\(e(f.sha256))\">\(e(String(f.sha256.prefix(12))))</td></tr>"
        }.joined()
        return "<div class=\"card\" id=\"archive\"><h2>\(ConsoleMessages.archiveTitle)</h2><table><thead><tr><th>\(ConsoleMessages.fileColumn)</th>"
            + "<th>\(ConsoleMessages.bytesColumn)</th><th>SHA-256</th></tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    static func steps(_ v: PeriodView, base: String, account: Account) -> String {
        var b = ""
        if account.has(.preparer) && ["open", "run", "returned"].contains(v.status) || account.has(.preparer) && v.status == "closed" {
            b += "<p><button id=\"run\" class=\"primary\" data-url=\"\(base)/run\" data-progress=\"\(base)/progress\">\(ConsoleMessages.runButton)</button></p>"
                + "<p id=\"progress\"></p>"
        }
        if !v.closable {
            b += "<p>\(ConsoleMessages.summaryNoSteps)</p>"
        } else if account.has(.preparer) && v.status == "run" {
            b += "<p><button class=\"step\" id=\"submit\" data-url=\"\(base)/submit\">\(ConsoleMessages.submitButton)</button></p>"
        }
        if account.has(.checker) && v.status == "submitted" {
            b += "<p><button class=\"step primary\" id=\"approve\" data-url=\"\(base)/approve\">\(ConsoleMessages.approveButton)</button> "
                + "<button class=\"step\" id=\"return\" data-url=\"\(base)/return\" data-reason=\"\(ConsoleMessages.returnPrompt)\">\(ConsoleMessages.returnButton)</button></p>"
        }
        if account.has(.auditor) && v.status == "closed" {
            b += "<p><button class=\"verify\" id=\"verify\" data-url=\"\(base)/verify\" data-period=\"\(Page.escape(v.period))\" data-busy=\"\(ConsoleMessages.verifying)\" "
                + "data-same=\"\(ConsoleMessages.verifySame)\" data-differ=\"\(ConsoleMessages.verifyDiffer)\">\(ConsoleMessages.verifyButton)</button></p>"
                + "<p id=\"verify-\(Page.escape(v.period))\"></p>"
        }
        if !v.outputs.isEmpty {
            b += "<h2>\(ConsoleMessages.downloads)</h2>"
            if v.outputs_current == false {
                b += "<p class=\"error\" id=\"outputs-note\">\(ConsoleMessages.outputsStale)</p>"
            } else if v.result?.ok == false {
                b += "<p class=\"warning\" id=\"outputs-note\">\(ConsoleMessages.outputsOfEarlierRun)</p>"
            }
            b += "<ul>" + v.outputs.map {
                "<li><a href=\"\(base)/outputs/\(Page.escape($0))\">\(Page.escape($0))</a></li>"
            }.joined() + "</ul>"
        }
        return "<div class=\"card\"><h2>\(ConsoleMessages.stepsTitle)</h2>\(b)<p id=\"step-message\"></p></div>"
    }

    static func result(_ v: PeriodView, base: String, account: Account) -> String {
        let e = Page.escape
        guard let r = v.result else { return "<div class=\"card wide\"><h2>\(ConsoleMessages.resultTitle)</h2><p>\(ConsoleMessages.notRunYet)</p></div>" }
        var b = "<p>\(ConsoleMessages.ranBy(e(r.by), e(ConsoleTime.shown(stored: r.at))))："
        if r.ok && !v.pays {
            b += "<span class=\"ok\">\(ConsoleMessages.runOK)</span> \(ConsoleMessages.workersCount(r.workers ?? 0))</p><p>\(ConsoleMessages.noPay)</p>"
        } else if r.ok {
            b += "<span class=\"ok\">\(ConsoleMessages.runOK)</span> \(ConsoleMessages.workersCount(r.workers ?? 0))，"
                + "\(ConsoleMessages.totalPayable) <b id=\"total\">\(e(r.total_payable ?? ""))</b> \(ConsoleMessages.yuan)</p><ul>"
            b += "<li>\(ConsoleMessages.againstPreviousRun(change(r.total_payable, r.previous_run_total)))</li>"
            b += "<li>\(ConsoleMessages.againstPreviousPeriod(change(r.total_payable, r.previous_period_total)))</li></ul>"
        } else {
            b += "<span class=\"error\">\(ConsoleMessages.runStopped)</span></p>"
        }
        if !r.accepted.isEmpty {
            b += "<p>\(ConsoleMessages.acceptedRows)：" + r.accepted.map { "\(e($0.row))（\(e($0.reason))）" }.joined(separator: "；") + "</p>"
        }
        return "<div class=\"card wide\"><h2>\(ConsoleMessages.resultTitle)</h2>\(b)</div>"
    }

    static func problems(_ list: [RunOutcome.Problem], canAccept: Bool, roster: String) -> String {
        let e = Page.escape
        guard !list.isEmpty else { return "<div class=\"card\"><h2>\(ConsoleMessages.problemsTitle)</h2><p>\(ConsoleMessages.noProblems)</p></div>" }
        var rows = ""
        for (k, p) in list.enumerated() {
            var cells = "<td class=\"\(p.severity)\">\(ConsoleMessages.severityName(p.severity))</td><td>\(e(p.file ?? ""))</td>"
                + "<td class=\"num\">\(p.line.map(String.init) ?? "")</td><td class=\"num\">\(p.column.map(String.init) ?? "")</td><td>\(e(p.message))</td>"
            if canAccept {
                if p.severity == "error", let f = p.file, let l = p.line, (f as NSString).lastPathComponent == roster {
                    // As `run --accept` refuses it, said where the box would be.
                    cells += "<td class=\"not-acceptable\">\(e(RunMessages.rosterRowNotAcceptable("\(f):\(l)", roster: roster, words: .console)))</td>"
                } else if p.severity == "error", let f = p.file, let l = p.line {
                    cells += "<td><label><input type=\"checkbox\" class=\"accept-row\" data-index=\"\(k)\" data-row=\"\(e(f)):\(l)\"> \(ConsoleMessages.accept)</label>"
                        + "<input id=\"reason-\(k)\" placeholder=\"\(ConsoleMessages.reasonPlaceholder)\"></td>"
                } else { cells += "<td></td>" }
            }
            rows += "<tr>\(cells)</tr>"
        }
        let head = [ConsoleMessages.severityColumn, ConsoleMessages.fileColumn, ConsoleMessages.lineColumn, ConsoleMessages.columnColumn, ConsoleMessages.problemColumn]
            + (canAccept ? [ConsoleMessages.accept] : [])
        return "<div class=\"card\"><h2>\(ConsoleMessages.problemsTitle)</h2><table id=\"problems\"><thead><tr>" + head.map { "<th>\($0)</th>" }.joined()
            + "</tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    static let workersShown = 200

    /// `workers`: WorkerList's header and rows (id, name, unit and the figure where there is one).
    static func workerList(_ workers: [[String]], v: PeriodView) -> String {
        guard workers.count > 1 else { return "" }
        let e = Page.escape
        let header = workers[0]
        func cell(_ w: [String], _ i: Int, _ cls: String = "") -> String { i < header.count ? "<td\(cls)>\(e(i < w.count ? w[i] : ""))</td>" : "" }
        // The first ones by id; any worker opens by id (a town's 5,000 rows would be a megabyte of page).
        let shown = workers.dropFirst().prefix(Self.workersShown)
        let rows = shown.map { w in
            "<tr><td><a href=\"/towns/\(e(v.town))/periods/\(e(v.period))/workers/\(pathSegment(w[0]))\">\(e(w[0]))</a></td>"
                + cell(w, 1) + cell(w, 2) + cell(w, 3, " class=\"num\"") + "</tr>"
        }.joined()
        return "<div class=\"card\"><h2>\(ConsoleMessages.workersTitle)</h2><table id=\"workers\"><thead><tr>"
            + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\(rows)</tbody></table>"
            + (workers.count - 1 > Self.workersShown ? "<p>\(ConsoleMessages.moreWorkers(shown: Self.workersShown, total: workers.count - 1))</p>" : "")
            + "<form method=\"get\" action=\"/towns/\(e(v.town))/periods/\(e(v.period))/worker\">\(e(header[0])) <input name=\"id\" required> "
            + "<button type=\"submit\">\(ConsoleMessages.open)</button></form></div>"
    }

    /// An id in a link: percent-encoded from its own UTF-8 bytes (never normalized), so that two ids
    /// that look alike lead to two workers.
    static func pathSegment(_ id: String) -> String { id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    /// "+12.50" / "-3.00" / "0.00", or a dash when there is nothing to compare with.
    static func change(_ now: String?, _ before: String?) -> String {
        guard let now, let before, let a = ExactNumber(decimalText: now), let b = ExactNumber(decimalText: before),
              let d = try? a.subtracting(b) else { return "—" }
        return (d.sign > 0 ? "+" : "") + d.fixed(places: 2) + "（\(before)）"
    }
}
