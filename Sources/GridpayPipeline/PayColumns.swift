import GridpayCore

/// The amount columns of the pay sheet (and pay CSV) between 总分 and 扣款合计: the awards (added
/// to 考核绩效), 考核绩效, the yuan deducted through items (one column per item, or one column
/// under `[pay] item_yuan_label`), and the charges (added to 扣款合计). All positive amounts.
enum PayColumn: Equatable {
    case award(Int)
    case scorePay
    case itemYuan(Int)
    case allItemYuan(String)
    case charge(Int)
}

extension PayColumn {
    func label(_ rules: RuleSet) -> String {
        switch self {
        case .award(let k), .charge(let k): rules.awards[k].name
        case .scorePay: SheetLabels.scorePay
        case .itemYuan(let i): SheetLabels.yuanColumn(rules.items[i].name)
        case .allItemYuan(let label): label
        }
    }
}

extension MonthReport {
    var payColumns: [(column: PayColumn, label: String)] {
        var out: [PayColumn] = rules.awards.indices.filter { rules.awards[$0].direction == .award }.map { .award($0) }
        out.append(.scorePay)
        if let label = rules.itemYuanLabel { out.append(.allItemYuan(label)) } else { out += yuanItems.map { .itemYuan($0) } }
        out += rules.awards.indices.filter { rules.awards[$0].direction == .charge }.map { .charge($0) }
        return out.map { ($0, $0.label(rules)) }
    }

    func amount(_ c: PayColumn, of w: WorkerReport) -> ExactNumber {
        switch c {
        case .award(let k), .charge(let k): return w.awards[k]
        case .scorePay: return w.scorePay
        case .itemYuan(let i): return w.itemYuan[i]
        case .allItemYuan:
            var sum = ExactNumber.zero
            for y in w.itemYuan { sum = (try? sum.adding(y)) ?? sum }
            return sum
        }
    }
}
