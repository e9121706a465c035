/// Every message the console and `gridpay user`/`serve` show a person, in Chinese (SPEC §14, §15).
/// Each says what is wrong and who can fix it.
public enum ConsoleMessages {
    // MARK: store and accounts
    static let appendOnly = "操作记录只能追加，不能修改或删除"
    static func cannotOpenStore(folder: String, reason: String) -> String {
        "无法打开控制台数据库（文件夹 \(folder)）：\(reason)；请系统管理员检查该文件夹的权限和磁盘空间"
    }
    static func storeError(_ reason: String) -> String { "控制台数据库出错：\(reason)；请联系系统管理员" }
    static let noRole = "至少要给出一个角色：--role 制表、审核、规则、审计 或 管理员（可重复）"
    public static func unknownRole(_ text: String) -> String {
        "没有“\(text)”这个角色；可用的角色：制表、审核、规则、审计、管理员"
    }
    static func accountExists(_ name: String) -> String {
        "账号 \(name) 已存在；要改密码请用 gridpay user password \(name) --password-stdin"
    }
    static func noSuchAccount(_ name: String) -> String { "没有账号 \(name)；现有账号请用 gridpay user list 查看" }
    static func badAccountName(_ name: String) -> String {
        "账号名“\(name)”不可用：须为 1 到 64 个字符，不含空格、逗号或控制字符"
    }
    static func passwordTooShort(_ n: Int) -> String { "密码太短：至少 \(n) 个字符" }
    static let passwordTooLong = "密码太长：最多 72 个字节（bcrypt 只读取前 72 个字节）"
    public static let passwordStdinEmpty = "标准输入没有读到密码：--password-stdin 读取一行作为密码"
    public static let passwordsDiffer = "两次输入的密码不一致，账号没有改动"
    public static let passwordPrompt = "密码（至少 10 个字符）："
    public static let passwordAgain = "再输入一次："
    public static let passwordNeedsTerminal = "没有终端可以输入密码：请用 --password-stdin 从标准输入给出密码"
    public static func accountAdded(_ name: String) -> String { "已添加账号 \(name)" }
    public static func accountDisabled(_ name: String) -> String { "已停用账号 \(name)；其登录会话已失效" }
    public static func passwordChanged(_ name: String) -> String { "已更改账号 \(name) 的密码；其登录会话已失效" }
    public static let listHeader = "账号 | 角色 | 镇(街道) | 状态"
    public static let allTowns = "全部"
    public static let enabled = "启用"
    public static let disabledState = "已停用"
    public static let noAccounts = "还没有账号"
    /// `serve` with no account: names the command that adds the first one.
    public static func noAccountYet(consoleDir: String) -> String {
        "控制台还没有任何账号，无法启动。请先添加第一个管理员：\n"
            + "  gridpay user add <账号> --role 管理员 --console-dir \(consoleDir)\n"
            + "（密码在终端输入两次，或用 --password-stdin 从标准输入给出）"
    }
    public static func listening(_ address: String) -> String { "控制台已启动：http://\(address)/ （按 Ctrl-C 停止）" }
    public static func badListen(_ text: String) -> String { "--listen 的值“\(text)”不对：应为 主机:端口，例如 127.0.0.1:8080" }
    /// Who did it when the command line changes an account.
    public static let commandLineActor = "命令行"

    // MARK: action log: what was done
    static let actionLogin = "登录"
    static let actionLoginFailed = "登录失败"
    static let actionLoginLocked = "登录被拒（账号已锁定）"
    static let actionLogout = "退出登录"
    static let lockedDetail = "连续 5 次登录失败，锁定 15 分钟"
    static let actionAccountAdded = "添加账号"
    static let actionAccountDisabled = "停用账号"
    static let actionPasswordSet = "更改密码"
    static func accountDetail(name: String, roles: String, towns: String) -> String {
        "\(name)：角色 \(roles)；镇(街道) \(towns.isEmpty ? allTowns : towns)"
    }
}

/// The server's answers.
extension ConsoleMessages {
    static let signInFirst = "请先登录"
    static let notAllowed = "你的账号没有这项权限；需要时请找管理员分配角色"
    static let notFound = "没有找到"
    static let badCSRF = "请求缺少有效的 X-CSRF-Token（防跨站请求伪造）；请刷新页面后重试"
    static let internalError = "服务器内部出错，操作没有完成；请稍后重试，若仍出错请联系系统管理员"
    static let bodyTooLarge = "请求内容太大"
    static let methodNotAllowed = "不支持这种请求方式"
    static let badRequestGeneric = "请求的格式不对"
    static let badJSON = "请求内容应为 JSON，且包含要求的字段"
    static let accountLocked = "连续多次登录失败，账号已锁定 15 分钟；请稍后再试，或请管理员重设密码"
    static let loginRefused = "账号或密码不正确"
    static func serverStopped(_ reason: String) -> String { "控制台意外停止：\(reason)" }
}

extension ConsoleMessages {
    static let logCSVHeader = ["序号", "时间", "账号", "镇(街道)", "期间", "操作", "说明", "SHA-256"]
}

/// The pages' words.
extension ConsoleMessages {
    static let productName = "绩效考核办公控制台"
    static let navTowns = "镇(街道)"
    static let navLog = "操作记录"
    static let navLogout = "退出"
    static func errorTitle(_ code: Int) -> String { "出错了（\(code)）" }
    static let backHome = "返回首页"
    static let loginTitle = "登录"
    static let accountLabel = "账号"
    static let passwordLabel = "密码"
    static let loginButton = "登录"
    static let townsTitle = "镇(街道)"
    static let noTowns = "你的账号还没有可见的镇(街道)；请联系管理员"
    static let townColumn = "名称"
    static let codeColumn = "代码"
    static let periodKindColumn = "考核周期"
    static func periodKindName(_ kind: String) -> String {
        ["month": "月", "quarter": "季度", "half-year": "半年", "year": "年"][kind] ?? kind
    }
}

extension ConsoleMessages {
    static func correctionWaiting(period: String, files: [(file: String, missing: Bool)]) -> String {
        "\(period) 已结账，其输入已更改（\(files.map { $0.missing ? "\($0.file)（已缺失）" : "\($0.file)（已更改）" }.joined(separator: "、"))）：差额由第一个未结账期间的运行计入往期调整，该期间结账时结清"
    }
}

/// A period's steps.
extension ConsoleMessages {
    static func badAcceptRow(_ text: String) -> String { "要接受的行“\(text)”格式不对：应为 文件:行号，例如 events.csv:12" }
    static func acceptNeedsReason(_ row: String) -> String { "接受问题行 \(row) 需要写明理由" }
    static let runWhileSubmitted = "该期间已提交审核，不能再运行；如需修改请审核人员先退回"
    static let actionRun = "运行"
    static let actionAccept = "接受问题行"
    static func runDetail(workers: Int, total: String) -> String { "成功：\(workers) 人，实发绩效合计 \(total) 元" }
    static func runFailedDetail(errors: Int) -> String { "未完成：\(errors) 个错误，没有写出结果" }
    static func acceptDetail(row: String, reason: String) -> String { "\(row)；理由：\(reason)" }
    static func progress(seconds: Int, file: String, rows: Int, phase: String) -> String {
        "已用 \(seconds) 秒；读取 \(file.isEmpty ? "—" : file)，已读 \(rows) 行\(phase.isEmpty ? "" : "；\(phase)")"
    }
}

/// Uploads.
extension ConsoleMessages {
    static func undeclaredFile(_ file: String, declared: [String]) -> String {
        "规则文件没有声明文件 \(file)，不能上传；本期应上传的文件：\(declared.joined(separator: "、"))。如文件名不同，请按规则文件改名后再上传"
    }
    static func closedRefusesUpload(_ period: String) -> String {
        "\(period) 已结账，不能再上传；结账后的更正请把更正后的文件交给管理员放入输入文件夹，由下一个未结账期间的运行计入往期调整"
    }
    static func uploadWouldReplace(_ file: String) -> String { "\(file) 已经上传过；确认要替换时请再次上传并确认（原文件会保留）" }
    static func emptyUpload(_ file: String) -> String { "上传的 \(file) 是空文件，没有保存；请重新从平台导出后上传" }
    static func uploadTooLarge(_ mb: Int) -> String { "文件太大：最大 \(mb) MB" }
    static let actionUpload = "上传"
    static func uploadDetail(file: String, bytes: Int, keptAs: String) -> String {
        "\(file)，\(bytes) 字节\(keptAs.isEmpty ? "" : "；替换了原文件（保留为 \(keptAs)）")"
    }
}

extension ConsoleMessages {
    static let noRunNow = "没有正在进行的运行"
}

extension ConsoleMessages {
    static let explainNeedsRun = "本期的输入有错误，无法逐人说明；请先在期间页面运行并处理数据问题"
}

/// Review and verify.
extension ConsoleMessages {
    static let actionSubmit = "提交审核"
    static let actionReturn = "退回"
    static let actionApprove = "审核通过"
    static let actionClose = "结账"
    static let actionCloseFailed = "结账未完成"
    static let actionVerify = "核验"
    static let returnNeedsReason = "退回需要写明理由"
    static let notSubmitted = "该期间没有提交审核"
    static let approverSubmitted = "提交审核的账号不能审核通过同一期间（双人复核）；请由另一位审核人员审核"
    static func closedBy(approver: String, submitter: String) -> String { "\(approver)（审核通过），\(submitter)（提交）" }
    static func approveDetail(submitter: String) -> String { "提交人 \(submitter)" }
    static func closeFailed(_ text: String) -> String { "结账没有完成，期间仍为已提交：\n\(text)" }
    static func wrongStatus(_ status: String) -> String {
        "该期间现在的状态是“\(statusName(status))”，不能进行这一步"
    }
    static func statusName(_ s: String) -> String {
        ["open": "未运行", "run": "已运行", "submitted": "已提交审核", "returned": "已退回", "closed": "已结账"][s] ?? s
    }
    static let verifyNeedsClosed = "只能核验已结账的期间"
    static let verifyIdentical = "一致"
    static func verifyDiffers(_ n: Int) -> String { "不一致：\(n) 处" }
}

extension ConsoleMessages {
    static let actionRate = "评定"
}

/// The period's page.
extension ConsoleMessages {
    static let statusLabel = "状态："
    static func closedByAt(_ by: String, _ at: String) -> String { "结账：\(by)，\(at)" }
    static func submittedBy(_ by: String) -> String { "提交人：\(by)" }
    static func returnedBecause(_ why: String) -> String { "退回理由：\(why)" }
    static let correctionsTitle = "待结清的往期更正"
    static func periodTitle(_ town: String, _ period: String) -> String { "\(town) \(period)" }
    static let present = "已上传"
    static let missing = "缺少"
    static func confirmReplace(_ file: String) -> String { "\(file) 已经上传过。确定用新文件替换吗？原文件会保留。" }
    static let chooseFile = "请先选择文件"
    static let upload = "上传"
    static let fileColumn = "文件"
    static let stateColumn = "状态"
    static let bytesColumn = "字节"
    static let uploadedColumn = "上传人 / 时间"
    static let inputsTitle = "导出文件"
    static let runButton = "运行"
    static let submitButton = "提交审核"
    static let approveButton = "审核通过（结账）"
    static let returnButton = "退回"
    static let returnPrompt = "退回理由："
    static let verifyButton = "核验"
    static let verifying = "正在核验……"
    static let verifySame = "一致：按账本存档重新运行，输出与结账时完全相同"
    static let verifyDiffer = "不一致："
    static let downloads = "下载"
    static let stepsTitle = "操作"
    static let resultTitle = "运行结果"
    static let notRunYet = "本期还没有运行"
    static func ranBy(_ by: String, _ at: String) -> String { "\(by) 于 \(at) 运行" }
    static let runOK = "完成"
    static func workersCount(_ n: Int) -> String { "\(n) 人" }
    static let totalPayable = "实发绩效合计"
    static let yuan = "元"
    static func againstPreviousRun(_ c: String) -> String { "比本期上次运行：\(c)" }
    static func againstPreviousPeriod(_ c: String) -> String { "比上一期间：\(c)" }
    static let runStopped = "有错误，没有写出结果；请按下表处理后重新运行"
    static let acceptedRows = "已接受的问题行"
    static let noProblems = "没有数据问题"
    static let severityColumn = "级别"
    static let lineColumn = "行"
    static let columnColumn = "列"
    static let problemColumn = "问题及处理办法"
    static let accept = "接受"
    static let reasonPlaceholder = "接受理由"
    static let problemsTitle = "数据问题"
    static let workersTitle = "人员（点击编号查看计分说明）"
    static func moreWorkers(shown: Int, total: Int) -> String { "共 \(total) 人，这里列出按编号排在前面的 \(shown) 人；其他人请在下面输入编号打开，或下载工资 CSV" }
    static func severityName(_ s: String) -> String { ["error": "错误", "warning": "警告", "note": "提示"][s] ?? s }
}

/// The town's page and the log's.
extension ConsoleMessages {
    static let periodsTitle = "考核期间"
    static let periodColumn = "期间"
    static let openPeriod = "打开其他期间："
    static let open = "打开"
    static let ratingTitle = "评定（年度、半年、季度）"
    static let ratingHelp = "按各考核期间的结果评定等次；已结账的期间取账本中公布的结果"
    static let rateButton = "评定并生成文件"
    static let rating = "正在评定……"
    static func workerSummary(rank: Int, total: String, payable: String) -> String { "排名 \(rank)，总分 \(total)，实发绩效 \(payable) 元" }
    static let fromLabel = "从"
    static let toLabel = "到"
    static let filter = "筛选"
    static let downloadCSV = "下载 CSV"
}
