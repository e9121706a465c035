import GridpayCore

/// The product's own labels (SPEC section 7 pins the first ones). Town-specific names — items,
/// flags, roster columns — come from the rule file, never from here.
enum SheetLabels {
    static let summarySheet = ProductSheetNames.summary
    static let paySheet = ProductSheetNames.pay
    static let detailSheet = ProductSheetNames.details
    static let problemSheet = ProductSheetNames.problems
    static let aboutSheet = ProductSheetNames.about
    static let slipSheet = ProductSheetNames.slips
    static let statisticsSheet = ProductSheetNames.statistics

    static let rank = "排名"
    static let workerID = "网格员编号"
    static let name = "姓名"
    static let unit = "村(社区)"
    static let group = "网格编号"
    static let total = RuleLoader.totalName
    static let duty = RuleLoader.dutyName
    static let remark = "备注"
    static let base = RuleLoader.payBaseName
    static let scorePay = RuleLoader.scorePayName
    static let deductions = RuleLoader.deductionsName
    static let payable = RuleLoader.payableName
    static let shortfall = RuleLoader.shortfallName
    static let subtotal = "小计"
    static let grandTotal = "合计"
    static let yes = "是"
    static let no = "否"

    /// Columns of the totals lines of a rule file's sheet (SheetSpec.Layout.totalsFirst).
    static let lineLabel = "项目"
    static let lineAmount = "金额(元)"
    static let lineKind = "类别"

    static func yuanColumn(_ item: String) -> String { "\(item)扣款" }
    /// The four roster columns' labels: the rule file's own ([roster] labels) or the product's.
    static func roster(_ rules: RuleSet) -> [String] { rules.roster.labels ?? [workerID, name, unit, group] }
    static func yesNo(_ b: Bool) -> String { b ? yes : no }
    static let historyIncomplete = "历史不完整，未提出建议"
}
