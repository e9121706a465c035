import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline

/// Submit (提交审核), approve (审核通过: closed into the ledger by `close`'s own code, both names
/// recorded), return (退回) and verify (SPEC §14, §9).
enum Review {
    struct StatusReply: Codable, Sendable { var status: String }
    struct VerifyReply: Codable, Sendable { var identical: Bool; var differences: [String] }

    static func submit(_ ref: PeriodRef, account: Account, console: Console) async throws -> StatusReply {
        let rules = ref.rules.rules
        if rules.isSummary(ref.period.kind) {
            let assessed = CalendarPeriod.of(rules.periodKind, holding: ref.period.firstMonth)
            throw ConsoleHTTPError.conflict(ConsoleMessages.summaryNotSubmitted(ref.text, assessed: "\(assessed)",
                                                                                preliminary: rules.preliminaryPeriods(of: assessed).first.map { "\($0)" }))
        }
        return try await console.runs.exclusively(ref.key) {
            try expect(ref, ["run"], console: console)
            try console.store.record(.submit, town: ref.town.town, period: ref.text, account: account.name, result: SubmittedRun.kept(ref, console: console))
            try console.store.log(account: account.name, town: ref.town.town, period: ref.text, action: .submit)
            return StatusReply(status: "submitted")
        }
    }

    static func returnToPreparer(_ ref: PeriodRef, reason: String, account: Account, console: Console) async throws -> StatusReply {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw ConsoleHTTPError.badRequest(ConsoleMessages.returnNeedsReason) }
        return try await console.runs.exclusively(ref.key) {
            try expect(ref, ["submitted"], console: console)
            try console.store.record(.return, town: ref.town.town, period: ref.text, account: account.name, reason: why)
            try console.store.log(account: account.name, town: ref.town.town, period: ref.text, action: .return, detail: why)
            return StatusReply(status: "returned")
        }
    }

    static func approve(_ ref: PeriodRef, account: Account, console: Console) async throws -> StatusReply {
        try await console.runs.exclusively(ref.key) {
            let events = try expect(ref, ["submitted"], console: console)
            guard let submission = events.last(where: { $0.step == .submit }) else { throw ConsoleHTTPError.conflict(ConsoleMessages.notSubmitted) }
            // Four eyes: the account that submitted never approves.
            guard submission.account != account.name else { throw ConsoleHTTPError(.forbidden, ConsoleMessages.approverSubmitted) }
            var request = RunRequest(town: ref.town.town, period: ref.period, words: .console)
            request.rulesDir = console.folders.rulesDir
            request.inputDir = console.folders.inputDir
            request.outputDir = console.folders.outputDir
            if let run = events.last(where: { $0.step == .run }),
               let accepted = try? JSONDecoder().decode([RunOutcome.Acceptance].self, from: Data(run.accepted.utf8)) {
                request.accepted = Set(accepted.compactMap { RowPosition($0.row) })
            }
            try await SubmittedRun.check(request, ref: ref, submitted: submission.result, console: console)
            let by = ConsoleMessages.closedBy(approver: account.name, submitter: submission.account)
            let ledgerDir = console.folders.ledgerDir
            let closing = request
            let closed = await PeriodRunner.onOwnThread { LedgerCommands.close(closing, by: by, ledgerDir: ledgerDir) }
            if case .failure(let f) = closed {
                let scrubber = PathScrubber(console.folders)
                let text = f.diagnostics.filter { $0.severity == .error }.map { scrubber.scrub($0.message) }.joined(separator: "\n")
                try console.store.log(account: account.name, town: ref.town.town, period: ref.text, action: .closeFailed, detail: text)
                throw ConsoleHTTPError.conflict(ConsoleMessages.closeFailed(text))
            }
            try console.store.record(.approve, town: ref.town.town, period: ref.text, account: account.name)
            try console.store.log(account: account.name, town: ref.town.town, period: ref.text, action: .approve,
                                  detail: ConsoleMessages.approveDetail(submitter: submission.account))
            try console.store.log(account: account.name, town: ref.town.town, period: ref.text, action: .close, detail: by)
            return StatusReply(status: "closed")
        }
    }

    /// The period's steps, if its status is one of `allowed`; else 409 naming the status.
    @discardableResult
    static func expect(_ ref: PeriodRef, _ allowed: Set<String>, console: Console) throws -> [PeriodEvent] {
        let events = try console.store.events(town: ref.town.town, period: ref.text)
        let status = PeriodStatus.status(ref, events: events, console: console)
        guard allowed.contains(status) else { throw ConsoleHTTPError.conflict(ConsoleMessages.wrongStatus(status)) }
        return events
    }

    static func verify(_ ref: PeriodRef, account: Account, console: Console) async throws -> VerifyReply {
        guard PeriodStatus.closing(ref, console: console) != nil else { throw ConsoleHTTPError.conflict(ConsoleMessages.verifyNeedsClosed) }
        let folders = console.folders
        let result = await PeriodRunner.onOwnThread {
            LedgerCommands.verify(town: ref.town.town, period: ref.period, inputDir: folders.inputDir, ledgerDir: folders.ledgerDir, words: .console)
        }
        let scrubber = PathScrubber(folders)
        let reply: VerifyReply
        switch result {
        case .success(let o): reply = VerifyReply(identical: true, differences: (o.warnings.map(\.message) + o.lines).map(scrubber.scrub))
        case .failure(let f): reply = VerifyReply(identical: false, differences: f.diagnostics.map { scrubber.scrub($0.message) })
        }
        try console.store.log(account: account.name, town: ref.town.town, period: ref.text, action: .verify,
                              detail: reply.identical ? ConsoleMessages.verifyIdentical : ConsoleMessages.verifyDiffers(reply.differences.count))
        return reply
    }
}
