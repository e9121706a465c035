/// `gridpay explain <town> <rated period> <worker>`: one worker's rating — every assessment
/// period with its total and source, the mean, the band and any veto.
public enum RatingExplanation {
    public static func text(_ row: RatingRow, in report: RatingReport, ruleFile: String, version: String) -> String {
        let spec = report.spec
        let kind = report.results.first?.period.kind.label ?? ""
        var out: [String] = []
        out.append("\(report.townName) \(report.period) 等次评定 — \(row.id) \(row.name)（\(row.unit)，\(row.group)）")
        out.append("规则 \(ruleFile)，版本 \(version)")
        out.append("")
        var sum = ExactNumber.zero
        var count = 0
        for (k, r) in report.results.enumerated() {
            let source = r.closed ? "已结账，台账" : "未结账，按输入计算"
            guard let s = row.scores[k] else {
                out.append("  \(r.period) 未在册")
                continue
            }
            var line = "  \(r.period) \(spec.meanOf) \(s.fixed(places: 2))   [\(source)]"
            let flags = spec.vetoes.filter { v in r.workers.first { $0.id == row.id }?.flags[v.flag] == true }.map(\.flag)
            if !flags.isEmpty { line += "  \(flags.joined(separator: "、")) = 是" }
            out.append(line)
            sum = (try? sum.adding(s)) ?? sum
            count += 1
        }
        out.append("平均分 = \(sum.description) ÷ \(count)（在册\(kind)数）= \(row.exactMean.description) → 四舍五入保留 \(spec.places) 位：\(row.mean.fixed(places: spec.places))")
        if let g = row.vetoGrade {
            let why = row.vetoed.map { "\($0.flag)：\($0.periods.map(\.description).joined(separator: "、"))" }.joined(separator: "；")
            out.append("等次 = \(g)（一票否决，不论分数：\(why)；按分数应为 \(GradeBands.band(of: row.mean, in: spec.bands))）")
        } else {
            let band = spec.bands.first { $0.name == row.grade }
            out.append("等次 = \(row.grade)（平均分 \(row.mean.fixed(places: spec.places))\(band?.minimum.map { " ≥ \($0)" } ?? "，低于其上各档")）")
        }
        out.append("排名 = \(row.rank) / \(report.rows.count)（按平均分，相同者并列）")
        if !row.remark.isEmpty { out.append("备注 = \(row.remark)") }
        return out.joined(separator: "\n") + "\n"
    }
}
