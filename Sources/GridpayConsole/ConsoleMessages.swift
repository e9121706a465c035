import GridpayCore

/// Every message the console and `gridpay user`/`serve` show a person, in both languages
/// (SPEC §14, §15: Chinese unless English is asked for). Each says what is wrong and who can fix
/// it. The pages' words are in ConsolePageMessages.swift.
public enum ConsoleMessages {
    // MARK: store and accounts
    /// Said by the database's triggers; fixed in the database in the language it was made in.
    static var appendOnly: String {
        bilingual(zh: "操作记录只能追加，不能修改或删除", en: "the action log only grows: its rows are never updated or deleted")
    }
    static func cannotOpenStore(folder: String, reason: String) -> String {
        bilingual(zh: "无法打开控制台数据库（文件夹 \(folder)）：\(reason)；请系统管理员检查该文件夹的权限和磁盘空间",
                  en: "cannot open the console's database (folder \(folder)): \(reason); the system administrator can check the folder's permissions and free space")
    }
    static func storeError(_ reason: String) -> String {
        bilingual(zh: "控制台数据库出错：\(reason)；请联系系统管理员", en: "the console's database failed: \(reason); tell the system administrator")
    }
    static var noRole: String {
        bilingual(zh: "至少要给出一个角色：--role 制表、审核、规则、审计 或 管理员（可重复）",
                  en: "give at least one role: --role 制表 (preparer), 审核 (checker), 规则 (rules), 审计 (auditor) or 管理员 (administrator), repeated as needed")
    }
    public static func unknownRole(_ text: String) -> String {
        bilingual(zh: "没有“\(text)”这个角色；可用的角色：制表、审核、规则、审计、管理员",
                  en: "there is no role '\(text)'; the roles are 制表 (preparer), 审核 (checker), 规则 (rules), 审计 (auditor), 管理员 (administrator)")
    }
    /// `user add --town` with a town that has no rules. `didYouMean`: Suggestion.didYouMean's tail.
    static func noSuchTown(_ town: String, rulesDir: String, known: [String], didYouMean: String) -> String {
        bilingual(
            zh: "没有镇(街道)“\(town)”：规则文件夹 \(rulesDir) 里没有 \(town).toml，也没有文件夹 \(town)/\(didYouMean.isEmpty ? "；" : didYouMean)\(known.isEmpty ? "规则文件夹里还没有任何镇(街道)的规则文件" : "现有的镇(街道)：\(known.joined(separator: "、"))")。账号没有添加：请核对 --town 的拼写（规则文件夹不在当前文件夹时用 --rules-dir 指明）；新的镇(街道)要先由社会治理办把它的规则文件放进 \(rulesDir)/",
            en: "there is no town '\(town)': the rules folder \(rulesDir) holds neither \(town).toml nor a folder \(town)/\(didYouMean.isEmpty ? "." : didYouMean) \(known.isEmpty ? "The rules folder holds no town's rule file yet" : "The towns are \(known.joined(separator: ", "))"). The account was not added: check the spelling of --town (and give --rules-dir when the rules folder is not in the current folder); a new town needs its rule file in \(rulesDir)/ first, from the governance office")
    }
    static func accountExists(_ name: String) -> String {
        bilingual(zh: "账号 \(name) 已存在；要改密码请用 gridpay user password \(name) --password-stdin",
                  en: "the account \(name) exists; to change its password use gridpay user password \(name) --password-stdin")
    }
    static func noSuchAccount(_ name: String) -> String {
        bilingual(zh: "没有账号 \(name)；现有账号请用 gridpay user list 查看", en: "there is no account \(name); gridpay user list shows the accounts")
    }
    static func badAccountName(_ name: String) -> String {
        bilingual(zh: "账号名“\(name)”不可用：须为 1 到 64 个字符，不含空格、逗号或控制字符",
                  en: "the account name '\(name)' cannot be used: expected 1 to 64 characters without spaces, commas or control characters")
    }
    static func passwordTooShort(_ n: Int) -> String {
        bilingual(zh: "密码太短：至少 \(n) 个字符", en: "the password is too short: at least \(n) characters")
    }
    static var passwordTooLong: String {
        bilingual(zh: "密码太长：最多 72 个字节（bcrypt 只读取前 72 个字节）", en: "the password is too long: at most 72 bytes (bcrypt reads only the first 72)")
    }
    public static var passwordStdinEmpty: String {
        bilingual(zh: "标准输入没有读到密码：--password-stdin 读取一行作为密码", en: "no password on standard input: --password-stdin reads one line as the password")
    }
    public static var passwordsDiffer: String {
        bilingual(zh: "两次输入的密码不一致，账号没有改动", en: "the two passwords differ; the account is unchanged")
    }
    public static var passwordPrompt: String { bilingual(zh: "密码（至少 10 个字符）：", en: "Password (at least 10 characters): ") }
    public static var passwordAgain: String { bilingual(zh: "再输入一次：", en: "Again: ") }
    public static var passwordNeedsTerminal: String {
        bilingual(zh: "没有终端可以输入密码：请用 --password-stdin 从标准输入给出密码",
                  en: "there is no terminal to type the password at: give it on standard input with --password-stdin")
    }
    public static func accountAdded(_ name: String) -> String { bilingual(zh: "已添加账号 \(name)", en: "added the account \(name)") }
    public static func accountDisabled(_ name: String) -> String {
        bilingual(zh: "已停用账号 \(name)；其登录会话已失效", en: "disabled the account \(name); its sessions have ended")
    }
    public static func passwordChanged(_ name: String) -> String {
        bilingual(zh: "已更改账号 \(name) 的密码；其登录会话已失效", en: "changed the password of \(name); its sessions have ended")
    }
    public static var listHeader: String { bilingual(zh: "账号 | 角色 | 镇(街道) | 状态", en: "account | roles | towns | state") }
    public static var allTowns: String { bilingual(zh: "全部", en: "all") }
    public static var enabled: String { bilingual(zh: "启用", en: "enabled") }
    public static var disabledState: String { bilingual(zh: "已停用", en: "disabled") }
    public static var noAccounts: String { bilingual(zh: "还没有账号", en: "no accounts yet") }
    /// `serve` with no account: names the command that adds the first one.
    public static func noAccountYet(consoleDir: String) -> String {
        bilingual(zh: "控制台还没有任何账号，无法启动。请先添加第一个管理员：\n  gridpay user add <账号> --role 管理员 --console-dir \(consoleDir)\n（密码在终端输入两次，或用 --password-stdin 从标准输入给出）",
                  en: "the console has no account yet and cannot start. Add the first administrator:\n  gridpay user add <name> --role 管理员 --console-dir \(consoleDir)\n(the password typed twice at a terminal, or given on standard input with --password-stdin)")
    }
    public static func listening(_ address: String, https: Bool = false) -> String {
        let url = "\(https ? "https" : "http")://\(address)/"
        return bilingual(zh: "控制台已启动：\(url) （按 Ctrl-C 停止）", en: "the console is serving at \(url) (Ctrl-C stops it)")
    }
    public static func badListen(_ text: String) -> String {
        bilingual(zh: "--listen 的值“\(text)”不对：应为 主机:端口，例如 127.0.0.1:8080", en: "--listen '\(text)' is not right: expected HOST:PORT, e.g. 127.0.0.1:8080")
    }
    /// Who did it when the command line changes an account.
    public static var commandLineActor: String { bilingual(zh: "命令行", en: "command line") }
    static var lockedDetail: String { bilingual(zh: "连续 5 次登录失败，锁定 15 分钟", en: "5 failed logins in a row: locked for 15 minutes") }
    static func accountDetail(name: String, roles: String, towns: String) -> String {
        bilingual(zh: "\(name)：角色 \(roles)；镇(街道) \(towns.isEmpty ? allTowns : towns)", en: "\(name): roles \(roles); towns \(towns.isEmpty ? allTowns : towns)")
    }
}

/// The server's answers.
extension ConsoleMessages {
    static var signInFirst: String { bilingual(zh: "请先登录", en: "sign in first") }
    static var notAllowed: String {
        bilingual(zh: "你的账号没有这项权限；需要时请找管理员分配角色", en: "your account may not do this; an administrator can give it the role it needs")
    }
    static var notFound: String { bilingual(zh: "没有找到", en: "not found") }
    static var badCSRF: String {
        bilingual(zh: "请求缺少有效的 X-CSRF-Token（防跨站请求伪造）；请刷新页面后重试",
                  en: "the request lacks a valid X-CSRF-Token (against cross-site request forgery); reload the page and try again")
    }
    static var internalError: String {
        bilingual(zh: "服务器内部出错，操作没有完成；请稍后重试，若仍出错请联系系统管理员",
                  en: "the server failed and the step was not done; try again later, and tell the system administrator if it fails again")
    }
    static var bodyTooLarge: String { bilingual(zh: "请求内容太大", en: "the request is too large") }
    static var methodNotAllowed: String { bilingual(zh: "不支持这种请求方式", en: "this request method is not supported here") }
    static var badRequestGeneric: String { bilingual(zh: "请求的格式不对", en: "the request is malformed") }
    static var badJSON: String { bilingual(zh: "请求内容应为 JSON，且包含要求的字段", en: "expected a JSON body with the fields required") }
    static var accountLocked: String {
        bilingual(zh: "连续多次登录失败，账号已锁定 15 分钟；请稍后再试，或请管理员重设密码",
                  en: "too many failed logins: the account is locked for 15 minutes; try again later, or ask an administrator to set a new password")
    }
    static var loginRefused: String { bilingual(zh: "账号或密码不正确", en: "wrong account name or password") }
    static func serverStopped(_ reason: String) -> String {
        bilingual(zh: "控制台意外停止：\(reason)", en: "the console stopped unexpectedly: \(reason)")
    }
}

/// The action log: its columns and what was done (stored as a `LogAction` code, shown in the
/// reader's language).
extension ConsoleMessages {
    static var logCSVHeader: [String] {
        bilingual(zh: "序号|时间|账号|镇(街道)|期间|操作|说明|SHA-256", en: "no.|time|account|town|period|action|detail|SHA-256")
            .components(separatedBy: "|")
    }
    static var actionLogin: String { bilingual(zh: "登录", en: "login") }
    static var actionLoginFailed: String { bilingual(zh: "登录失败", en: "failed login") }
    static var actionLoginLocked: String { bilingual(zh: "登录被拒（账号已锁定）", en: "login refused (account locked)") }
    static var actionLogout: String { bilingual(zh: "退出登录", en: "logout") }
    static var actionAccountAdded: String { bilingual(zh: "添加账号", en: "account added") }
    static var actionAccountDisabled: String { bilingual(zh: "停用账号", en: "account disabled") }
    static var actionPasswordSet: String { bilingual(zh: "更改密码", en: "password changed") }
    static var actionRun: String { bilingual(zh: "运行", en: "run") }
    static var actionAccept: String { bilingual(zh: "接受问题行", en: "row accepted") }
    static var actionUpload: String { bilingual(zh: "上传", en: "upload") }
    static var actionSubmit: String { bilingual(zh: "提交审核", en: "submitted") }
    static var actionReturn: String { bilingual(zh: "退回", en: "returned") }
    static var actionApprove: String { bilingual(zh: "审核通过", en: "approved") }
    static var actionClose: String { bilingual(zh: "结账", en: "closed") }
    static var actionCloseFailed: String { bilingual(zh: "结账未完成", en: "close failed") }
    static var actionVerify: String { bilingual(zh: "核验", en: "verify") }
    static var actionRate: String { bilingual(zh: "评定", en: "rating") }
    static var actionDraftSaved: String { bilingual(zh: "草稿保存", en: "draft saved") }
    static var actionCompared: String { bilingual(zh: "草稿比较", en: "draft compared") }
    static var actionAdopted: String { bilingual(zh: "采用规则版本", en: "rule version adopted") }
}

/// `serve --tls-cert/--tls-key`: the files' problems, named before the server starts. Fixed by
/// whoever runs the server (the system administrator), who has the certificate authority's files.
extension ConsoleMessages {
    static func tlsFileMissing(_ path: String, option: String) -> String {
        bilingual(zh: "找不到 \(option) 给出的文件 \(path)；请系统管理员核对路径，或把证书颁发机构给的文件放到该处",
                  en: "the file \(path) given to \(option) does not exist; the system administrator can check the path or put the certificate authority's file there")
    }
    static func tlsFileIsAFolder(_ path: String, option: String) -> String {
        bilingual(zh: "\(option) 给出的 \(path) 是文件夹，不是文件；请系统管理员给出其中 PEM 文件的完整路径",
                  en: "\(path) given to \(option) is a folder, not a file; the system administrator can give the full path of the PEM file in it")
    }
    static func tlsFileUnreadable(_ path: String, option: String) -> String {
        bilingual(zh: "无法读取 \(option) 给出的文件 \(path)（没有读取权限）；请系统管理员让运行 gridpay 的系统用户能读取它",
                  en: "cannot read the file \(path) given to \(option) (no permission); the system administrator can let the system user that runs gridpay read it")
    }
    static func tlsCertificateInvalid(_ path: String) -> String {
        bilingual(zh: "--tls-cert 给出的 \(path) 里没有 PEM 格式的证书（应有 -----BEGIN CERTIFICATE----- 开头的一段）；请系统管理员换上证书颁发机构给的证书文件（DER 格式的可用 openssl x509 -inform der -in 原文件 -out 新文件.pem 转换）",
                  en: "\(path) given to --tls-cert holds no certificate in PEM form (a block starting -----BEGIN CERTIFICATE-----); the system administrator can give the certificate file from the certificate authority (a DER file converts with openssl x509 -inform der -in FILE -out NEW.pem)")
    }
    static func tlsCertificateIsAKey(_ path: String) -> String {
        bilingual(zh: "--tls-cert 给出的 \(path) 是私钥，不是证书：--tls-cert 和 --tls-key 是否写反了？请系统管理员核对",
                  en: "\(path) given to --tls-cert is a private key, not a certificate: are --tls-cert and --tls-key the wrong way round? The system administrator can check")
    }
    static func tlsKeyInvalid(_ path: String) -> String {
        bilingual(zh: "--tls-key 给出的 \(path) 里没有可用的 PEM 格式私钥（应有 -----BEGIN PRIVATE KEY----- 或 -----BEGIN RSA/EC PRIVATE KEY----- 开头的一段）；请系统管理员给出与证书一起生成的私钥文件",
                  en: "\(path) given to --tls-key holds no usable private key in PEM form (a block starting -----BEGIN PRIVATE KEY----- or -----BEGIN RSA/EC PRIVATE KEY-----); the system administrator can give the key file made with the certificate")
    }
    static func tlsKeyIsACertificate(_ path: String) -> String {
        bilingual(zh: "--tls-key 给出的 \(path) 是证书，不是私钥：--tls-cert 和 --tls-key 是否写反了？请系统管理员核对",
                  en: "\(path) given to --tls-key is a certificate, not a private key: are --tls-cert and --tls-key the wrong way round? The system administrator can check")
    }
    static func tlsKeyEncrypted(_ path: String) -> String {
        bilingual(zh: "--tls-key 给出的私钥 \(path) 设有密码，控制台无法在无人值守时读取；请系统管理员另存一份不带密码的私钥（openssl pkey -in 原文件 -out 新文件），并只让运行 gridpay 的系统用户能读取它",
                  en: "the private key \(path) given to --tls-key is protected by a passphrase, which the console cannot give unattended; the system administrator can save a copy without it (openssl pkey -in FILE -out NEW) readable only by the system user that runs gridpay")
    }
    static func tlsKeyMismatch(key: String, certificate: String) -> String {
        bilingual(zh: "--tls-key 给出的私钥 \(key) 与 --tls-cert 给出的证书 \(certificate) 不是一对（私钥要与证书文件中的第一张证书，即本服务器的证书对应）；请系统管理员给出与该证书一起生成的私钥",
                  en: "the private key \(key) given to --tls-key does not belong to the certificate \(certificate) given to --tls-cert (it must match the file's first certificate, this server's own); the system administrator can give the key made with that certificate")
    }
    public static var tlsNeedsBoth: String {
        bilingual(zh: "--tls-cert 和 --tls-key 要一起给出：证书文件和它的私钥文件", en: "give --tls-cert and --tls-key together: the certificate file and its private key file")
    }
}
