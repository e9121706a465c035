import GridpayCore

/// A correction owed to or by a worker who is not on the open period's roster (SPEC §9; QA H25):
/// it cannot enter the pay sheet, so it is said on the terminal, in 数据问题 and in 说明, for the
/// finance office to pay or recover by hand. Its 往期更正 lines are listed as for anyone.
extension PreparedMonth {
    var offRosterAdjustments: [InputProblem] {
        guard let carried, !carried.adjustments.isEmpty else { return [] }
        let ids = Set(report.workers.map { ExactID($0.id) })
        return carried.adjustments.keys.sorted().filter { !ids.contains($0) }.map { id in
            let amount = carried.adjustments[id]!
            let lines = carried.lines.filter { ExactID($0.workerID) == id }
            let periods = Array(Set(lines.map(\.period))).sorted().joined(separator: "、")
            let yuan = String(amount.fixed(places: 2).drop { $0 == "-" })
            let open = "\(report.period)", name = lines.first?.name ?? ""
            return InputProblem(.adjustmentNotCarried, .warning, file: periods, line: nil, message:
                amount > .zero ? CorrectionMessages.offRosterOwed(id.text, name: name, periods: periods, yuan: yuan, open: open)
                               : CorrectionMessages.offRosterOwing(id.text, name: name, periods: periods, yuan: yuan, open: open), acceptable: false)
        }
    }
}
