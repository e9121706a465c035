import Foundation
import GridpayCore
import GridpayPipeline
import GRDB

/// Ratings read closed periods from the ledger (SPEC §8, §9): the results as first published,
/// never a recomputation. Uses only the ledger's public reading API (`published(_:)`).
extension Ledger {
    /// What `gridpay rate` reads from the ledger: each closed period's published results (nil for
    /// a period that is not closed), and the history that open periods computed from their inputs
    /// use for consecutive() (as `run` does). No ledger file at all: no period is closed.
    public static func ratingSources(ledgerDir: String, town: String, words: CommandWords) -> (published: PublishedResults, history: PublishedHistory?) {
        let ledger: Ledger?
        let history: LedgerHistory?
        do {
            ledger = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: town, words: words)
            history = try ledger.map { try LedgerHistory(ledger: $0) }
        } catch let error as PipelineFailure {
            return ({ _ in .failure(error) }, nil)
        } catch {
            return ({ _ in .failure(PipelineFailure(message: "\(Ledger.path(ledgerDir: ledgerDir, town: town)): \(error)")) }, nil)
        }
        guard let ledger else { return ({ _ in .success(nil) }, nil) }
        return ({ period in
            do {
                guard let closing = try ledger.closing(of: "\(period)"), let id = closing.id else { return .success(nil) }
                var r = try ledger.ratingResults(closing, id: id, period: period)
                // The closing's archived inputs and its outputs, with their SHA-256, for 说明.
                do {
                    for f in try ledger.files(of: id, role: "input") {
                        let name = period.kind == .month ? "\(period)/\(f.file)" : f.file
                        r.sources.append(.init("\(period) 输入 \(name)", "SHA-256 \(f.sha256)；\(f.bytes) 字节（台账存档）"))
                    }
                    for o in try ledger.outputs(of: id) {
                        r.sources.append(.init("\(period) 输出 \(o.file)", "SHA-256 \(o.sha256)（结账时公布）"))
                    }
                }
                return .success(r)
            } catch {
                return .failure(PipelineFailure(message: LedgerMessages.ratingNotRead("\(period)", ledger: ledger.path, reason: ledger.describe(error))))
            }
        }, history)
    }

    /// A closing as a rating reads it (the closing, never a revision: results as first
    /// published): each worker's 总分, items and flags by name. Only the columns a rating needs
    /// are read, straight from the rows (decoding every column of 10,000 workers through
    /// Codable took most of a rating's time).
    func ratingResults(_ closing: Settlement, id: Int64, period: CalendarPeriod) throws -> PeriodResults {
        let workers = try db.read { db in
            var out: [PeriodResults.Worker] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT worker_id, name, unit, grp, total, items, flags FROM worker_result WHERE settlement_id = ? ORDER BY position", arguments: [id])
            while let row = try rows.next() {
                let id: String = row[0]
                var numbers = [RuleLoader.totalName: try LedgerText.published(row[4] as String, column: RuleLoader.totalName, worker: id, period: closing.period)]
                for (name, value) in zip(closing.itemNames, Self.jsonTexts(row[5])) {
                    numbers[name] = try LedgerText.published(value, column: name, worker: id, period: closing.period)
                }
                var flags: [String: Bool] = [:]
                for (name, value) in zip(closing.flagNames, Self.jsonTexts(row[6])) {
                    guard value == "true" || value == "false" else { throw UnreadablePublished(column: name, worker: id, period: closing.period, text: value, kind: .bool) }
                    flags[name] = value == "true"
                }
                out.append(PeriodResults.Worker(id: id, name: row[1], unit: row[2], group: row[3], numbers: numbers, flags: flags))
            }
            return out
        }
        let source = PeriodResults.Source("\(period) 已结账",
            "台账 \((path as NSString).lastPathComponent)：\(closing.closedBy) 于 \(closing.closedAt) (UTC) 结账；规则 \(closing.ruleFile) 版本 \(closing.ruleVersion) SHA-256 \(closing.ruleSha256)；\(workers.count) 人")
        return PeriodResults(period: period, closed: true, workers: workers, sources: [source])
    }

    /// The elements of a JSON array of decimal strings or booleans as the ledger writes them
    /// (`["10","4"]`, `[true,false]`): no element contains a comma or a quote.
    static func jsonTexts(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { b in
            var out: [String] = []
            var start = -1, end = -1
            for i in 0..<b.count {
                switch b[i] {
                case UInt8(ascii: ","), UInt8(ascii: "]"):
                    if start >= 0 { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)) }
                    start = -1
                case UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: " "):
                    continue
                default:
                    if start < 0 { start = i }
                    end = i + 1
                }
            }
            return out
        }
    }
}
