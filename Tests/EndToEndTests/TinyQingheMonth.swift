import Foundation

/// A qinghe month of a few workers for the ledger's end-to-end tests: the roster, patrol and
/// phone-check rows given as written (one CSV line each), every other export a header alone.
enum TinyQingheMonth {
    /// W1 alone, with no rows: 业务培训 10 + 日常考核 4 + 电话畅通 20 = 34 (see LedgerCycleTests).
    static let oneWorker = ["W1,甲,东关村,G1,2000,0"]

    static func write(inputDir: String, month: String, workers: [String], patrol: [String] = [], checks: [String] = []) throws {
        let dir = "\(inputDir)/qinghe/\(month)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let files: [String: String] = [
            "roster.csv": "网格员编号,姓名,村(社区),网格编号,绩效工资基数(元),重点人员数\n" + workers.map { "\($0)\n" }.joined(),
            "patrol.csv": "网格员编号,日期,巡查时长(分钟)\n" + patrol.map { "\($0)\n" }.joined(),
            "events.csv": "事件编号,网格员编号,上报时间,事件类型,核查结果\n",
            "phone_checks.csv": "抽查编号,抽查时间,网格员编号,抽查层级,是否接听\n" + checks.map { "\($0)\n" }.joined(),
            "training.csv": "培训编号,培训日期,网格员编号,出勤\n",
            "visits.csv": "走访编号,网格员编号,走访日期,走访类型\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(name)")) }
    }
}
