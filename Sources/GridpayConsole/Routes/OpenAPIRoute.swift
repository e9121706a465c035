import Foundation
import Hummingbird

/// `GET /api/openapi.json`: the API described (OpenAPI 3.0), readable without signing in.
struct OpenAPIRoute: ConsoleRouteArea {
    func register(on router: Router<ConsoleContext>, console: Console) {
        router.get("/api/openapi.json") { _, _ in
            Reply.bytes(Data(OpenAPIDocument.text.utf8), type: "application/json; charset=utf-8")
        }
    }
}

enum OpenAPIDocument {
    static let text: String = {
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }()

    /// The documented paths (segments, `{…}` standing for any one) and their methods.
    static let routes: [(segments: [String], methods: [String])] = ((document["paths"] as? [String: Any]) ?? [:]).map { path, ops in
        (path.split(separator: "/").map(String.init), ((ops as? [String: Any]) ?? [:]).keys.map { $0.uppercased() }.sorted())
    }

    /// The methods the document names for `path`; empty when it names no such path.
    static func methods(for path: String) -> [String] {
        let parts = path.split(separator: "/").map(String.init)
        return routes.first { r in
            r.segments.count == parts.count && zip(r.segments, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }?.methods ?? []
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func json(_ schema: [String: Any]) -> [String: Any] { ["application/json": ["schema": schema]] }
    static func reply(_ description: String, _ schema: [String: Any]? = nil) -> [String: Any] {
        var r: [String: Any] = ["description": description]
        if let schema { r["content"] = json(schema) }
        return r
    }
    nonisolated(unsafe) static let error = reply("错误（中文说明）", ref("Error"))
    static func param(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "description": description, "schema": ["type": "string"]]
    }
    nonisolated(unsafe) static let townPeriod = [param("town", "镇(街道)代码，如 qinghe"), param("period", "期间，按该镇(街道)规则文件可运行的期间：月 YYYY-MM、季度 YYYY-Qn、半年 YYYY-Hn 或年 YYYY，"
                                                                                                      + "含初查期间和汇总期间（如 xinhe 的 2026、2026-H1、2026-Q1）；上传输入时也可为其中的一个月 YYYY-MM")]
    nonisolated(unsafe) static let csrf: [String: Any] = ["name": "X-CSRF-Token", "in": "header", "required": true, "schema": ["type": "string"]]
    nonisolated(unsafe) static let common: [String: Any] = ["401": error, "403": error, "404": error]

    static func op(_ summary: String, params: [[String: Any]] = [], body: [String: Any]? = nil, state: Bool = false,
                   _ replies: [String: Any]) -> [String: Any] {
        var o: [String: Any] = ["summary": summary, "responses": common.merging(replies) { $1 }]
        let all = params + (state ? [csrf] : [])
        if !all.isEmpty { o["parameters"] = all }
        if let body { o["requestBody"] = body }
        return o
    }

    nonisolated(unsafe) static let string: [String: Any] = ["type": "string"]
    /// A reason: some text that is not only spaces.
    nonisolated(unsafe) static let reason: [String: Any] = ["type": "string", "pattern": "\\S"]
    nonisolated(unsafe) static let money: [String: Any] = ["type": "string", "pattern": "^-?[0-9]+\\.[0-9]{2}$", "description": "金额，两位小数"]
    static func object(_ props: [String: Any], required: [String]) -> [String: Any] {
        ["type": "object", "properties": props, "required": required]
    }
    static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    static func nullable(_ s: [String: Any]) -> [String: Any] { s.merging(["nullable": true]) { $1 } }

    static var schemas: [String: Any] {
        [
            "Error": object(["error": string], required: ["error"]),
            "Town": object(["town": string, "name": string, "period_kind": ["type": "string", "enum": ["month", "quarter", "half-year", "year"]]],
                           required: ["town", "name", "period_kind"]),
            "Input": object(["file": string, "present": ["type": "boolean"], "bytes": nullable(["type": "integer"]),
                             "sha256": nullable(string), "uploaded_by": nullable(string), "uploaded_at": nullable(string)],
                            required: ["file", "present"]),
            "Problem": object(["severity": ["type": "string", "enum": ["error", "warning", "note"]], "file": nullable(string),
                               "line": nullable(["type": "integer"]), "column": nullable(["type": "integer"]), "message": string],
                              required: ["severity", "message"]),
            "Acceptance": object(["row": ["type": "string", "description": "文件:行号", "pattern": "^.+:[1-9][0-9]{0,8}$"], "reason": reason],
                                  required: ["row", "reason"]),
            "RunResult": object(["ok": ["type": "boolean"], "workers": nullable(["type": "integer"]), "total_payable": nullable(money),
                                 "problems": array(ref("Problem")), "files": array(string), "accepted": array(ref("Acceptance")),
                                 "previous_run_total": nullable(money), "previous_period_total": nullable(money), "by": string, "at": string],
                                required: ["ok", "problems"]),
            "Period": object(["town": string, "period": string,
                              "status": ["type": "string", "enum": ["open", "run", "submitted", "returned", "closed"]],
                              "inputs": array(ref("Input")), "result": nullable(ref("RunResult")), "outputs": array(string),
                              "submitted_by": nullable(string), "returned_reason": nullable(string), "closed_by": nullable(string),
                              "closed_at": nullable(string), "corrections_waiting": array(string),
                              "closable": ["type": "boolean", "description": "汇总期间（如 xinhe 的季度汇总）为 false：只运行，不提交审核、不结账"],
                              "pays": ["type": "boolean", "description": "规则文件是否设绩效工资（无 [pay] 时没有工资 CSV，total_payable 为 null）"]],
                             required: ["status", "inputs", "result"]),
            "Status": object(["status": string], required: ["status"]),
            "InputRow": object(["file": string, "line": ["type": "integer"],
                                "cells": array(object(["column": string, "value": string], required: ["column", "value"]))],
                               required: ["file", "line", "cells"]),
            "LogEntry": object(["id": ["type": "integer"], "at": string, "account": string, "town": string, "period": string,
                                "action": string, "detail": string, "sha256": string], required: ["id", "at", "account", "action"]),
            "SignedIn": object(["name": string, "csrf": string, "roles": array(string), "towns": array(string)], required: ["csrf", "roles", "towns"]),
        ]
    }

    static var paths: [String: Any] {
        let p = "/api/towns/{town}/periods/{period}"
        return [
            "/api/login": ["post": op("登录", body: ["required": true, "content": json(object(["name": string, "password": string], required: ["name", "password"]))],
                                      ["200": reply("已登录；会话 Cookie 已设置", ref("SignedIn")), "400": error, "423": error])],
            "/api/logout": ["post": op("退出登录", state: true, ["200": reply("已退出")])],
            "/api/me": ["get": op("当前账号", ["200": reply("当前账号", ref("SignedIn"))])],
            "/api/towns": ["get": op("账号可见的镇(街道)", ["200": reply("镇(街道)", array(ref("Town")))])],
            p: ["get": op("期间：状态、输入、结果", params: townPeriod, ["200": reply("期间", ref("Period"))])],
            "\(p)/inputs/{file}": ["put": op("上传一个导出文件（请求体即文件）",
                                              params: townPeriod + [param("file", "规则文件声明的文件名"),
                                                                    ["name": "replace", "in": "query", "required": false, "schema": ["type": "string", "enum": ["true"]]]],
                                              body: ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary", "minLength": 1]]]],
                                              state: true,
                                              ["201": reply("已保存", object(["file": string, "bytes": ["type": "integer"], "sha256": string, "replaced": ["type": "boolean"]],
                                                                             required: ["file", "bytes", "sha256"])),
                                               "400": error, "409": error, "413": error, "423": error])],
            "\(p)/run": ["post": op("运行本期", params: townPeriod,
                                     body: ["required": false, "content": json(object(["accept": nullable(array(ref("Acceptance")))], required: []))], state: true,
                                     ["200": reply("运行结果（ok 为 false 时有错误阻止了运行）", ref("RunResult")), "400": error, "409": error])],
            "\(p)/progress": ["get": op("运行进度", params: townPeriod, ["200": reply("进度", object(["running": string, "text": string], required: ["running", "text"]))])],
            "\(p)/outputs/{name}": ["get": op("下载输出文件（与 gridpay run 写出的字节相同）", params: townPeriod + [param("name", "文件名")],
                                              ["200": ["description": "文件"]])],
            "\(p)/workers/{id}": ["get": op("某人的计分说明（与 gridpay explain 相同）", params: townPeriod + [param("id", "人员编号")],
                                            ["200": reply("说明", object(["worker": string, "name": string, "unit": string, "group": string, "rank": nullable(["type": "integer"]),
                                                                          "total": nullable(string), "payable": nullable(money), "text": string,
                                                                          "rows": array(ref("InputRow"))], required: ["worker", "text"])),
                                             "409": error])],
            "\(p)/submit": ["post": op("提交审核", params: townPeriod, state: true, ["200": reply("新状态", ref("Status")), "409": error])],
            "\(p)/approve": ["post": op("审核通过并结账", params: townPeriod, state: true, ["200": reply("新状态", ref("Status")), "409": error])],
            "\(p)/return": ["post": op("退回", params: townPeriod, body: ["required": true, "content": json(object(["reason": reason], required: ["reason"]))],
                                       state: true, ["200": reply("新状态", ref("Status")), "400": error, "409": error])],
            "\(p)/verify": ["post": op("核验已结账期间", params: townPeriod, state: true,
                                       ["200": reply("核验结果", object(["identical": ["type": "boolean"], "differences": array(string)], required: ["identical", "differences"])),
                                        "409": error])],
            "\(p)/archive": ["get": op("已结账期间在账本中存档的输入文件（审计）", params: townPeriod,
                                        ["200": reply("存档的输入文件", array(object(["file": string, "bytes": ["type": "integer"], "sha256": string],
                                                                                  required: ["file", "bytes", "sha256"]))), "409": error])],
            "\(p)/archive/file": ["get": op("下载一个存档的输入文件（与结账时的字节相同）",
                                             params: townPeriod + [["name": "name", "in": "query", "required": true, "description": "存档中的文件名",
                                                                    "schema": ["type": "string"]]],
                                             ["200": ["description": "文件"], "409": error])],
            "/api/log": ["get": op("操作记录（新的在前）", params: ["town", "from", "to"].map { ["name": $0, "in": "query", "required": false, "schema": ["type": "string"]] },
                                   ["200": reply("操作记录", array(ref("LogEntry")))])],
            "/api/log.csv": ["get": op("操作记录 CSV", ["200": ["description": "CSV（UTF-8，带 BOM）"]])],
            "/api/accounts": ["get": op("账号（管理员）：角色、镇(街道)（空为全部）、是否停用",
                                        ["200": reply("账号", array(object(["name": string, "roles": array(string), "towns": array(string),
                                                                             "disabled": ["type": "boolean"]], required: ["name", "roles", "towns", "disabled"])))])],
            "/api/openapi.json": ["get": ["summary": "本文档", "responses": ["200": ["description": "OpenAPI 文档"]]]],
        ]
    }

    static var document: [String: Any] {
        [
            "openapi": "3.0.3",
            "info": ["title": "gridpay 办公控制台 API", "version": "1", "description": "会话 Cookie 登录；改变状态的请求须带 X-CSRF-Token。金额为两位小数的字符串。"],
            "paths": paths.merging(rulePaths) { a, _ in a },
            "components": ["schemas": schemas],
        ]
    }
}
