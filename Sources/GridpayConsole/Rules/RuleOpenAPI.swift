import Foundation

/// The rule workspace's part of `/api/openapi.json` (issue 24), merged into the console's paths.
extension OpenAPIDocument {
    static var rulePaths: [String: Any] {
        let town = [param("town", "镇(街道)代码，如 qinghe")]
        let draft = town + [param("name", "草稿名（简单名称）")]
        let problem = object(["severity": string, "line": nullable(["type": "integer"]), "column": nullable(["type": "integer"]), "message": string],
                             required: ["severity", "message"])
        let version = object(["version": string, "effective_from": string, "sha256": string, "file": string,
                              "adopted_by": nullable(string), "adopted_at": nullable(string)], required: ["version", "effective_from", "sha256"])
        let draftInfo = object(["name": string, "sha256": string, "saved_by": string, "saved_at": string], required: ["name"])
        let checked = object(["problems": array(problem), "tests": object(["passed": ["type": "integer"], "failed": ["type": "integer"]], required: ["passed", "failed"])],
                             required: ["problems", "tests"])
        return [
            "/api/towns/{town}/rules": ["get": op("规则版本与草稿（规则、审计）", params: town,
                                                  ["200": reply("版本与草稿", object(["versions": array(version), "drafts": array(draftInfo)], required: ["versions", "drafts"]))])],
            "/api/towns/{town}/rules/diff": ["get": op("两个版本（或 draft:<草稿名>）逐行比较", params: town + ["from", "to"].map { ["name": $0, "in": "query", "required": true, "schema": string] },
                                                       ["200": reply("逐行差异", object(["lines": array(object(["op": string, "text": string], required: ["op", "text"]))], required: ["lines"]))])],
            "/api/towns/{town}/drafts/{name}": ["put": op("保存草稿并检查（与 gridpay check 相同），运行其测试", params: draft,
                                                          body: ["required": true, "content": ["text/plain": ["schema": string]]], state: true,
                                                          ["200": reply("问题（行、列）与测试结果", checked)])],
            "/api/towns/{town}/drafts/{name}/compare": ["post": op("在某期比较草稿（与 gridpay compare 相同），比较工作簿存入该期输出", params: draft,
                                                                   body: ["required": true, "content": json(object(["period": string], required: ["period"]))], state: true,
                                                                   ["200": reply("比较摘要", object(["workers_changed": ["type": "integer"], "total_before": money, "total_after": money, "file": string],
                                                                                                     required: ["workers_changed", "total_before", "total_after"])),
                                                                    "400": error, "409": error])],
            "/api/towns/{town}/drafts/{name}/adopt": ["post": op("采用草稿为新的版本 Rules/<town>/<version>.toml", params: draft,
                                                                 body: ["required": true, "content": json(object(["effective_from": string], required: ["effective_from"]))], state: true,
                                                                 ["201": reply("已采用", object(["version": string, "effective_from": string, "file": string, "sha256": string],
                                                                                               required: ["version", "effective_from", "sha256"])),
                                                                  "400": error, "409": reply("已结账期间将落在新版本之下，或版本已存在", ref("Error"))])],
        ]
    }
}
