import GridpayCore

/// The console's pages and a period's steps, in both languages (SPEC §14, §15).
extension ConsoleMessages {
    static var productName: String { bilingual(zh: "绩效考核办公控制台", en: "Assessment office console") }
    static var navTowns: String { bilingual(zh: "镇(街道)", en: "Towns") }
    static var navLog: String { bilingual(zh: "操作记录", en: "Action log") }
    static var navAccounts: String { bilingual(zh: "账号", en: "Accounts") }
    static var accountsHelp: String {
        bilingual(zh: "账号在服务器上用 gridpay user 命令添加、停用或更改密码（见使用说明）；每次变动都记入操作记录。",
                  en: "Accounts are added, disabled and given new passwords on the server with gridpay user (see the README); every change is in the action log.")
    }
    static var navLogout: String { bilingual(zh: "退出", en: "Sign out") }
    static func errorTitle(_ code: Int) -> String { bilingual(zh: "出错了（\(code)）", en: "Something went wrong (\(code))") }
    static var backHome: String { bilingual(zh: "返回首页", en: "Back to the start page") }
    static var loginTitle: String { bilingual(zh: "登录", en: "Sign in") }
    static var accountLabel: String { bilingual(zh: "账号", en: "Account") }
    static var passwordLabel: String { bilingual(zh: "密码", en: "Password") }
    static var loginButton: String { bilingual(zh: "登录", en: "Sign in") }
    static var townsTitle: String { bilingual(zh: "镇(街道)", en: "Towns") }
    static var noTowns: String {
        bilingual(zh: "你的账号还没有可见的镇(街道)；请联系管理员", en: "your account sees no town yet; an administrator can give it towns")
    }
    static var townColumn: String { bilingual(zh: "名称", en: "Name") }
    static var codeColumn: String { bilingual(zh: "代码", en: "Code") }
    static var periodKindColumn: String { bilingual(zh: "考核周期", en: "Assessed by") }
    static func periodKindName(_ kind: String) -> String {
        switch kind {
        case "month": return bilingual(zh: "月", en: "month")
        case "quarter": return bilingual(zh: "季度", en: "quarter")
        case "half-year": return bilingual(zh: "半年", en: "half-year")
        case "year": return bilingual(zh: "年", en: "year")
        default: return kind
        }
    }
    static func correctionWaiting(period: String, files: [(file: String, missing: Bool)]) -> String {
        bilingual(zh: "\(period) 已结账，其输入已更改（\(files.map { $0.missing ? "\($0.file)（已缺失）" : "\($0.file)（已更改）" }.joined(separator: "、"))）：差额由第一个未结账期间的运行计入往期调整，该期间结账时结清",
                  en: "\(period) is closed and its inputs changed (\(files.map { $0.missing ? "\($0.file) (missing)" : "\($0.file) (changed)" }.joined(separator: ", "))): the first open period's run carries the difference as a correction, settled when that period closes")
    }
}

/// A period's steps: run, accept, upload, explain.
extension ConsoleMessages {
    static func badAcceptRow(_ text: String) -> String {
        bilingual(zh: "要接受的行“\(text)”格式不对：应为 文件:行号，例如 events.csv:12", en: "the row to accept '\(text)' is malformed: expected FILE:LINE, e.g. events.csv:12")
    }
    static func acceptNeedsReason(_ row: String) -> String {
        bilingual(zh: "接受问题行 \(row) 需要写明理由", en: "accepting the row \(row) needs a reason")
    }
    static var runWhileSubmitted: String {
        bilingual(zh: "该期间已提交审核，不能再运行；如需修改请审核人员先退回",
                  en: "the period is submitted for approval and cannot be run; to change it, a checker returns it first")
    }
    static func runDetail(workers: Int, total: String) -> String {
        bilingual(zh: "成功：\(workers) 人，实发绩效合计 \(total) 元", en: "done: \(workers) workers, total payable \(total) yuan")
    }
    static func runFailedDetail(errors: Int) -> String {
        bilingual(zh: "未完成：\(errors) 个错误，没有写出结果", en: "stopped: \(errors) error(s), no results written")
    }
    static func acceptDetail(row: String, reason: String) -> String { bilingual(zh: "\(row)；理由：\(reason)", en: "\(row); reason: \(reason)") }
    static func progress(seconds: Int, file: String, rows: Int, phase: String) -> String {
        bilingual(zh: "已用 \(seconds) 秒；读取 \(file.isEmpty ? "—" : file)，已读 \(rows) 行\(phase.isEmpty ? "" : "；\(phase)")",
                  en: "\(seconds) s; reading \(file.isEmpty ? "—" : file), \(rows) rows read\(phase.isEmpty ? "" : "; \(phase)")")
    }
    static func undeclaredFile(_ file: String, declared: [String]) -> String {
        bilingual(zh: "规则文件没有声明文件 \(file)，不能上传；本期应上传的文件：\(declared.joined(separator: "、"))。如文件名不同，请按规则文件改名后再上传",
                  en: "the rule file declares no file \(file), so it cannot be uploaded; the period's files: \(declared.joined(separator: ", ")). If a name differs, rename the file as the rule file names it and upload it again")
    }
    static func closedRefusesUpload(_ period: String) -> String {
        bilingual(zh: "\(period) 已结账，不能再上传；结账后的更正请把更正后的文件交给管理员放入输入文件夹，由下一个未结账期间的运行计入往期调整",
                  en: "\(period) is closed and takes no uploads; for a correction after closing, give the corrected file to the administrator for the input folder: the next open period's run carries it as a correction")
    }
    static func uploadWouldReplace(_ file: String) -> String {
        bilingual(zh: "\(file) 已经上传过；确认要替换时请再次上传并确认（原文件会保留）",
                  en: "\(file) is already uploaded; to replace it, upload it again and confirm (the file it replaces is kept)")
    }
    static func emptyUpload(_ file: String) -> String {
        bilingual(zh: "上传的 \(file) 是空文件，没有保存；请重新从平台导出后上传", en: "the uploaded \(file) is empty and was not kept; export it again from the platform and upload it")
    }
    static func uploadTooLarge(_ mb: Int) -> String { bilingual(zh: "文件太大：最大 \(mb) MB", en: "the file is too large: at most \(mb) MB") }
    static func uploadDetail(file: String, bytes: Int, keptAs: String) -> String {
        bilingual(zh: "\(file)，\(bytes) 字节\(keptAs.isEmpty ? "" : "；替换了原文件（保留为 \(keptAs)）")",
                  en: "\(file), \(bytes) bytes\(keptAs.isEmpty ? "" : "; replaced the file before (kept as \(keptAs))")")
    }
    static var noRunNow: String { bilingual(zh: "没有正在进行的运行", en: "no run under way") }
    static var explainNeedsRun: String {
        bilingual(zh: "本期的输入有错误，无法逐人说明；请先在期间页面运行并处理数据问题",
                  en: "the period's inputs have errors, so no worker can be explained; run the period on its page and deal with its data problems first")
    }
}

/// Review and verify.
extension ConsoleMessages {
    static var returnNeedsReason: String { bilingual(zh: "退回需要写明理由", en: "returning a period needs a reason") }
    static var notSubmitted: String { bilingual(zh: "该期间没有提交审核", en: "the period is not submitted for approval") }
    static var approverSubmitted: String {
        bilingual(zh: "提交审核的账号不能审核通过同一期间（双人复核）；请由另一位审核人员审核",
                  en: "the account that submitted the period cannot approve it (four eyes); another checker approves it")
    }
    static func closedBy(approver: String, submitter: String) -> String {
        bilingual(zh: "\(approver)（审核通过），\(submitter)（提交）", en: "\(approver) (approved), \(submitter) (submitted)")
    }
    static func approveDetail(submitter: String) -> String { bilingual(zh: "提交人 \(submitter)", en: "submitted by \(submitter)") }
    static func changedSinceSubmission(_ files: [String]) -> String {
        if files.isEmpty {
            return bilingual(zh: "提交审核之后本期现在运行的结果已有改动，与审核的结果不同；不能审核通过。请退回给制表人员，重新运行后再提交审核",
                             en: "the period's result as run now changed after it was submitted, so it differs from what was reviewed; it cannot be approved. Return it to the clerk, who runs it again and submits it")
        }
        return bilingual(zh: "提交审核之后本期的输入或规则（\(files.joined(separator: "、"))）已有改动，与审核的结果不同；不能审核通过。请退回给制表人员，重新运行后再提交审核",
                         en: "the period's inputs or rules (\(files.joined(separator: ", "))) changed after it was submitted, so it differs from what was reviewed; it cannot be approved. Return it to the clerk, who runs it again and submits it")
    }
    static func closeFailed(_ text: String) -> String {
        bilingual(zh: "结账没有完成，期间仍为已提交：\n\(text)", en: "the period was not closed and stays submitted:\n\(text)")
    }
    static func wrongStatus(_ status: String) -> String {
        bilingual(zh: "该期间现在的状态是“\(statusName(status))”，不能进行这一步", en: "the period is '\(statusName(status))' now, so this step cannot be taken")
    }
    static func statusName(_ s: String) -> String {
        switch s {
        case "open": return bilingual(zh: "未运行", en: "open")
        case "run": return bilingual(zh: "已运行", en: "run")
        case "submitted": return bilingual(zh: "已提交审核", en: "submitted")
        case "returned": return bilingual(zh: "已退回", en: "returned")
        case "closed": return bilingual(zh: "已结账", en: "closed")
        default: return s
        }
    }
    static var verifyNeedsClosed: String { bilingual(zh: "只能核验已结账的期间", en: "only a closed period can be verified") }
    static var archiveNeedsClosed: String {
        bilingual(zh: "这个期间还没有结账，账本里没有存档的输入文件", en: "this period is not closed: the ledger holds no archived inputs of it")
    }
    static func archiveUnreadable(_ file: String) -> String {
        bilingual(zh: "账本中 \(file) 的存档无法读取或已损坏；请系统管理员用 gridpay verify 检查账本",
                  en: "the ledger's archive of \(file) cannot be read or is damaged; the system administrator can check the ledger with gridpay verify")
    }
    static var archiveTitle: String { bilingual(zh: "账本存档的输入文件（结账时）", en: "Inputs archived in the ledger (at closing)") }
    static var verifyIdentical: String { bilingual(zh: "一致", en: "identical") }
    static func verifyDiffers(_ n: Int) -> String { bilingual(zh: "不一致：\(n) 处", en: "different: \(n) difference(s)") }
}

/// The period's page.
extension ConsoleMessages {
    static var statusLabel: String { bilingual(zh: "状态：", en: "Status: ") }
    static func closedByAt(_ by: String, _ at: String) -> String { bilingual(zh: "结账：\(by)，\(at)", en: "closed: \(by), \(at)") }
    static func submittedBy(_ by: String) -> String { bilingual(zh: "提交人：\(by)", en: "submitted by \(by)") }
    static func returnedBecause(_ why: String) -> String { bilingual(zh: "退回理由：\(why)", en: "returned because: \(why)") }
    static var correctionsTitle: String { bilingual(zh: "待结清的往期更正", en: "Corrections of closed periods waiting") }
    static var present: String { bilingual(zh: "已上传", en: "present") }
    static var missing: String { bilingual(zh: "缺少", en: "missing") }
    static func confirmReplace(_ file: String) -> String {
        bilingual(zh: "\(file) 已经上传过。确定用新文件替换吗？原文件会保留。", en: "\(file) is already uploaded. Replace it with the new file? The one before is kept.")
    }
    static var chooseFile: String { bilingual(zh: "请先选择文件", en: "choose a file first") }
    static var upload: String { bilingual(zh: "上传", en: "Upload") }
    static var fileColumn: String { bilingual(zh: "文件", en: "File") }
    static var stateColumn: String { bilingual(zh: "状态", en: "State") }
    static var bytesColumn: String { bilingual(zh: "字节", en: "Bytes") }
    static var uploadedColumn: String { bilingual(zh: "上传人 / 时间", en: "Uploaded by / at") }
    static var inputsTitle: String { bilingual(zh: "导出文件", en: "Exports") }
    static var runButton: String { bilingual(zh: "运行", en: "Run") }
    static var submitButton: String { bilingual(zh: "提交审核", en: "Submit for approval") }
    static var approveButton: String { bilingual(zh: "审核通过（结账）", en: "Approve (close)") }
    static var returnButton: String { bilingual(zh: "退回", en: "Return") }
    static var returnPrompt: String { bilingual(zh: "退回理由：", en: "Reason for returning it:") }
    static var verifyButton: String { bilingual(zh: "核验", en: "Verify") }
    static var verifying: String { bilingual(zh: "正在核验……", en: "verifying…") }
    static var verifySame: String {
        bilingual(zh: "一致：按账本存档重新运行，输出与结账时完全相同", en: "identical: run again from the ledger's archive, the outputs are those of the closing, byte for byte")
    }
    static var verifyDiffer: String { bilingual(zh: "不一致：", en: "different:") }
    static var downloads: String { bilingual(zh: "下载", en: "Downloads") }
    static var stepsTitle: String { bilingual(zh: "操作", en: "Steps") }
    static var resultTitle: String { bilingual(zh: "运行结果", en: "Result") }
    static var notRunYet: String { bilingual(zh: "本期还没有运行", en: "the period has not been run yet") }
    static func ranBy(_ by: String, _ at: String) -> String { bilingual(zh: "\(by) 于 \(at) 运行", en: "run by \(by) at \(at)") }
    static var runOK: String { bilingual(zh: "完成", en: "done") }
    static func workersCount(_ n: Int) -> String { bilingual(zh: "\(n) 人", en: "\(n) workers") }
    static var totalPayable: String { bilingual(zh: "实发绩效合计", en: "total payable") }
    static var yuan: String { bilingual(zh: "元", en: "yuan") }
    static func againstPreviousRun(_ c: String) -> String { bilingual(zh: "比本期上次运行：\(c)", en: "against this period's run before: \(c)") }
    static func againstPreviousPeriod(_ c: String) -> String { bilingual(zh: "比上一期间：\(c)", en: "against the period before: \(c)") }
    static var runStopped: String {
        bilingual(zh: "有错误，没有写出结果；请按下表处理后重新运行", en: "errors stopped the run and nothing was written; deal with them as the table says and run again")
    }
    static var acceptedRows: String { bilingual(zh: "已接受的问题行", en: "Accepted rows") }
    static var noProblems: String { bilingual(zh: "没有数据问题", en: "no data problems") }
    static var severityColumn: String { bilingual(zh: "级别", en: "Severity") }
    static var lineColumn: String { bilingual(zh: "行", en: "Line") }
    static var columnColumn: String { bilingual(zh: "列", en: "Column") }
    static var problemColumn: String { bilingual(zh: "问题及处理办法", en: "Problem and what to do") }
    static var accept: String { bilingual(zh: "接受", en: "Accept") }
    static var reasonPlaceholder: String { bilingual(zh: "接受理由", en: "reason for accepting it") }
    static var problemsTitle: String { bilingual(zh: "数据问题", en: "Data problems") }
    static var workersTitle: String { bilingual(zh: "人员（点击编号查看计分说明）", en: "Workers (an id opens the explanation of the scores)") }
    static func moreWorkers(shown: Int, total: Int) -> String {
        bilingual(zh: "共 \(total) 人，这里列出按编号排在前面的 \(shown) 人；其他人请在下面输入编号打开，或下载工资 CSV",
                  en: "\(total) workers; the first \(shown) by id are listed here; open any other by its id below, or download the pay CSV")
    }
    static func severityName(_ s: String) -> String {
        switch s {
        case "error": return bilingual(zh: "错误", en: "error")
        case "warning": return bilingual(zh: "警告", en: "warning")
        case "note": return bilingual(zh: "提示", en: "note")
        default: return s
        }
    }
}

/// The town's page and the log's.
extension ConsoleMessages {
    static var periodsTitle: String { bilingual(zh: "考核期间", en: "Periods") }
    static var periodColumn: String { bilingual(zh: "期间", en: "Period") }
    static var openPeriod: String { bilingual(zh: "打开其他期间：", en: "Open another period: ") }
    static var open: String { bilingual(zh: "打开", en: "Open") }
    static var ratingTitle: String { bilingual(zh: "评定（年度、半年、季度）", en: "Ratings (year, half-year, quarter)") }
    static var ratingHelp: String {
        bilingual(zh: "按各考核期间的结果评定等次；已结账的期间取账本中公布的结果", en: "rates from each period's results; a closed period's are the ledger's published ones")
    }
    static var rateButton: String { bilingual(zh: "评定并生成文件", en: "Rate and write the files") }
    static var rating: String { bilingual(zh: "正在评定……", en: "rating…") }
    static func workerSummary(rank: Int, total: String, payable: String) -> String {
        bilingual(zh: "排名 \(rank)，总分 \(total)，实发绩效 \(payable) 元", en: "rank \(rank), total score \(total), payable \(payable) yuan")
    }
    static func badRatingPeriod(_ text: String) -> String {
        bilingual(zh: "评定的期间“\(text)”不对：应为年份（如 2026）、半年（如 2026-H1）或季度（如 2026-Q3）；各月的结果请在期间页面运行",
                  en: "the period to rate '\(text)' is not right: expected a year (e.g. 2026), a half-year (e.g. 2026-H1) or a quarter (e.g. 2026-Q3); a month is run on its period's page")
    }
    static var ratingNeedsPeriod: String {
        bilingual(zh: "请先填写要评定的期间：年份（如 2026）、半年（如 2026-H1）或季度（如 2026-Q3）",
                  en: "give the period to rate first: a year (e.g. 2026), a half-year (e.g. 2026-H1) or a quarter (e.g. 2026-Q3)")
    }
    static var ratingStopped: String {
        bilingual(zh: "评定没有完成，没有写出文件；请按下面的说明处理后重新评定", en: "the rating stopped and wrote no file; deal with what follows and rate again")
    }
    static func badPeriodText(_ text: String) -> String {
        bilingual(zh: "期间“\(text)”不对：应为月份（如 2026-10），季度考核的镇(街道)为季度（如 2026-Q3），半年为 2026-H1，年度为 2026",
                  en: "the period '\(text)' is not right: expected a month (e.g. 2026-10), or for a town assessed by quarter a quarter (e.g. 2026-Q3), by half-year 2026-H1, by year 2026")
    }
    static var noLogRows: String { bilingual(zh: "没有符合条件的操作记录", en: "no actions match") }
    static var chooseButton: String { bilingual(zh: "选择文件", en: "Choose file") }
    static var noFileChosen: String { bilingual(zh: "未选择文件", en: "no file chosen") }
    /// The script's words when the server gave no answer it could show (a proxy's error page, a lost connection).
    static var requestFailed: String {
        bilingual(zh: "服务器没有给出说明（状态码 CODE），操作可能没有完成；请刷新页面查看结果，若仍出错请联系系统管理员",
                  en: "the server gave no explanation (status CODE) and the step may not have been done; reload the page to see, and tell the system administrator if it fails again")
    }
    static var offline: String {
        bilingual(zh: "连接不上控制台服务器，操作没有完成；请检查网络后重试，若仍不行请联系系统管理员",
                  en: "the console's server cannot be reached and the step was not done; check the network and try again, and tell the system administrator if it still fails")
    }
    static var fromLabel: String { bilingual(zh: "从", en: "from") }
    static var toLabel: String { bilingual(zh: "到", en: "to") }
    static var filter: String { bilingual(zh: "筛选", en: "Filter") }
    static var downloadCSV: String { bilingual(zh: "下载 CSV", en: "Download CSV") }
    static var logFileName: String { bilingual(zh: "操作记录.csv", en: "action-log.csv") }
}
