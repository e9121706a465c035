import GridpayCore

/// Every word of the commands' `--help` (SPEC §15): the abstracts and the arguments' and options'
/// help, each in both languages, read when swift-argument-parser builds the help, after
/// `Gridpay.main` has resolved the language. The parser's own headings: HelpHeadings.
enum HelpMessages {
    // MARK: gridpay

    static var gridpay: String {
        bilingual(zh: "网格员考核（按月、季度、半年或年）和绩效工资表。",
                  en: "Assessment (by month, quarter, half-year or year) and performance-pay sheets for community grid workers.")
    }

    // MARK: arguments shared by the commands

    static var town: String { bilingual(zh: "镇(街道)，即规则文件的名称（例如 qinghe）。", en: "Town, as named by its rule file (e.g. qinghe).") }
    static var townShort: String { bilingual(zh: "镇(街道)。", en: "Town.") }
    static var period: String {
        bilingual(zh: "月份 YYYY-MM；按季度、半年或年考核的镇写季度 YYYY-Qn、半年 YYYY-Hn 或年 YYYY。",
                  en: "Month YYYY-MM; quarter YYYY-Qn, half-year YYYY-Hn or year YYYY for a town assessed by it.")
    }
    static var closedPeriod: String {
        bilingual(zh: "期间：YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY，按本镇的考核期。", en: "Period: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY, as the town is assessed.")
    }
    static var quiet: String { bilingual(zh: "不显示进度。", en: "No progress output.") }
    static var rulesDir: String {
        bilingual(zh: "规则文件的文件夹（<镇>.toml，或按日期分版本的 <镇>/）。", en: "Folder of rule files (<town>.toml or <town>/ with dated versions).")
    }
    static var inputDir: String { bilingual(zh: "输入文件的文件夹（<镇>/<YYYY-MM>/*.csv）。", en: "Folder of inputs (<town>/<YYYY-MM>/*.csv).") }
    static var outputDir: String { bilingual(zh: "输出文件的文件夹（<镇>/<期间>/）。", en: "Folder for outputs (<town>/<period>/).") }
    static var ledgerDir: String { bilingual(zh: "各镇台账的文件夹（<镇>.sqlite）。", en: "Folder of the towns' ledgers (<town>.sqlite).") }

    // MARK: run

    static var run: String {
        bilingual(zh: "计算一个期间（一个月；按季度、半年或年考核的镇为一个季度、半年或年）：写出工作簿、工资 CSV 和清单（manifest）。",
                  en: "Run one period (a month, or a quarter, half-year or year for a town assessed by it): write the workbook, the pay CSV and the manifest.")
    }
    static var accept: String {
        bilingual(zh: "有意不计入列出的某个问题行，写作 文件:行号（例如 events.csv:12）。可重复。",
                  en: "Leave out a listed problem row on purpose, FILE:LINE (e.g. events.csv:12). Repeatable.")
    }
    static var threads: String {
        bilingual(zh: "同时读取输入表的线程数；线程数不同，输出的字节也完全相同。", en: "Threads reading input tables at once; the outputs are the same bytes at any count.")
    }
    static var runLedgerDir: String {
        bilingual(zh: "各镇台账的文件夹（<镇>.sqlite）：已结账的期间、其存档和公布的结果。",
                  en: "Folder of the towns' ledgers (<town>.sqlite): closed periods, their archive and published results.")
    }

    // MARK: check, explain

    static var check: String { bilingual(zh: "检查规则文件，并运行其中写的测试。", en: "Validate a rule file and run the tests written in it.") }
    static var ruleFile: String {
        bilingual(zh: "规则文件，例如 Rules/qinghe.toml；或一个镇的版本文件夹，例如 Rules/qinghe。",
                  en: "The rule file, e.g. Rules/qinghe.toml, or a town's folder of versions, e.g. Rules/qinghe.")
    }
    static var explain: String {
        bilingual(zh: "逐行列出一名网格员的得分和工资，以及每项扣分所依据的输入行。",
                  en: "Print one worker's score and pay, line by line, with the input rows behind each deduction.")
    }
    static var explainPeriod: String {
        bilingual(zh: "月份 YYYY-MM；按季度、半年或年考核的镇写季度 YYYY-Qn、半年 YYYY-Hn 或年 YYYY；或评定期间（YYYY、YYYY-Hn、YYYY-Qn），查看该网格员的评定。",
                  en: "Month YYYY-MM; quarter YYYY-Qn, half-year YYYY-Hn or year YYYY for a town assessed by it; or a rated period (YYYY, YYYY-Hn, YYYY-Qn) for the worker's rating.")
    }
    static var worker: String { bilingual(zh: "网格员编号，与花名册一致。", en: "Worker id, as in the roster.") }
    static var acceptAsForRun: String { bilingual(zh: "同 run。", en: "As for run.") }

    // MARK: close, verify, status

    static var close: String {
        bilingual(zh: "计算一个期间并记入本镇台账：存档输入和规则文件，记录输出的 SHA-256 和每名网格员公布的一行。",
                  en: "Run a period and record it in the town's ledger: archived inputs and rule file, outputs' SHA-256, every worker's published line.")
    }
    static var by: String { bilingual(zh: "结账人（记入台账）。", en: "Who closes the period (recorded in the ledger).") }
    static var acceptRecorded: String { bilingual(zh: "同 run；不计入的行记入台账。", en: "As for run; accepted rows are recorded.") }
    static var verify: String {
        bilingual(zh: "检查本镇台账（封签、链、行数），并用存档重新计算一个已结账的期间，比对输出的 SHA-256 和每一行公布的结果。",
                  en: "Check the town's ledger (seals, chain, row counts) and re-run a closed period from its archive, comparing the outputs' SHA-256 and every published row.")
    }
    static var verifyPeriod: String {
        bilingual(zh: "期间：YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY，按本镇的考核期（给出 --chain 时可不写：只查台账和链）。",
                  en: "Period: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY, as the town is assessed (optional with --chain: the ledger and the chain only).")
    }
    static var chain: String {
        bilingual(zh: "保存在台账之外的链头（close 和 status 会显示）：证明到它为止记下的内容都没有改动。",
                  en: "A chain head kept outside the ledger (printed by close and status): proves nothing recorded up to it changed.")
    }
    static var verifyInputDir: String {
        bilingual(zh: "输入文件的文件夹，只用来说明它是否仍与存档一致。", en: "Folder of inputs, only to say whether it still matches the archive.")
    }
    static var status: String {
        bilingual(zh: "列出本镇已结账的期间、未结账的期间（已有输入，无论是否运行过）和待结算的更正；时间为本地时间。",
                  en: "List the town's closed periods, its open periods (inputs present, run or not) and the corrections waiting to be settled; times in local time.")
    }

    // MARK: rate, compare

    static var rate: String {
        bilingual(zh: "按考核期评定一年、半年或一个季度：写出 <镇>-<期间>-rating.xlsx 和 -rating.csv。",
                  en: "Rate a year, half-year or quarter from its assessment periods: write <town>-<period>-rating.xlsx and -rating.csv.")
    }
    static var ratedPeriod: String {
        bilingual(zh: "期间：YYYY、YYYY-Hn；按月考核的镇也可写 YYYY-Qn。", en: "Period: YYYY, YYYY-Hn, or YYYY-Qn for a town assessed by month.")
    }
    static var compare: String {
        bilingual(zh: "分别按现行规则和候选规则文件计算一个期间：写出 <镇>-<期间>-compare.xlsx，并列出变化。",
                  en: "Run a period under the rules in force and under a candidate rule file; write <town>-<period>-compare.xlsx and print what changes.")
    }
    static var candidate: String { bilingual(zh: "候选规则：一个规则文件，或按日期分版本的文件夹。", en: "The candidate: a rule file, or a folder of dated versions.") }
    static var acceptBothSides: String { bilingual(zh: "同 run：两边都不计入该行。", en: "As for run: the row is left out on both sides.") }

    // MARK: serve, user (SPEC §14)

    static var consoleDir: String {
        bilingual(zh: "控制台的文件夹：账号、会话和操作记录（console.sqlite）。", en: "The console's folder: accounts, sessions and the action log (console.sqlite).")
    }
    static var serve: String {
        bilingual(zh: "启动办公控制台（网页）：财务、审核、规则和审计人员在浏览器中使用。",
                  en: "Start the office console (a web page) for the finance, review, rule and audit staff in their browsers.")
    }
    static var listen: String { bilingual(zh: "监听的地址和端口，主机:端口。", en: "Address and port to listen on, HOST:PORT.") }
    static var tlsCert: String {
        bilingual(zh: "控制台自己提供 HTTPS：证书文件（PEM，本服务器的证书在前，中间证书在后）；与 --tls-key 一起给出。",
                  en: "The console serves HTTPS itself: the certificate file (PEM, this server's certificate first, then intermediates); with --tls-key.")
    }
    static var tlsKey: String {
        bilingual(zh: "证书的私钥文件（PEM，不带密码）；与 --tls-cert 一起给出。", en: "The certificate's private key (PEM, no passphrase); with --tls-cert.")
    }
    static var secureCookie: String {
        bilingual(zh: "浏览器经 HTTPS 反向代理访问控制台：会话 Cookie 加 Secure 属性（用 --tls-cert 时自动加上）。",
                  en: "Browsers reach the console through an HTTPS reverse proxy: the session cookie is marked Secure (automatic with --tls-cert).")
    }
    static var user: String { bilingual(zh: "管理控制台的账号：添加、列出、停用、更改密码。", en: "Manage the console's accounts: add, list, disable, change a password.") }
    static var userAdd: String { bilingual(zh: "添加账号。", en: "Add an account.") }
    static var userList: String { bilingual(zh: "列出账号。", en: "List the accounts.") }
    static var userDisable: String { bilingual(zh: "停用账号（不能再登录；记录保留）。", en: "Disable an account (it can no longer log in; its records stay).") }
    static var userPassword: String { bilingual(zh: "更改账号的密码。", en: "Change an account's password.") }
    static var accountName: String { bilingual(zh: "账号名。", en: "Account name.") }
    static var role: String {
        bilingual(zh: "角色：制表、审核、规则、审计、管理员（可重复）。", en: "Role: 制表, 审核, 规则, 审计 or 管理员 (repeatable).")
    }
    static var userTown: String {
        bilingual(zh: "可见的镇(街道)，如 qinghe（可重复；不给出则为全部）。", en: "A town the account sees, e.g. qinghe (repeatable; without it: every town).")
    }
    static var passwordStdin: String { bilingual(zh: "从标准输入读取一行作为密码。", en: "Read the password as one line from standard input.") }
}
