/// `[[flags]]`: 是/否 columns of 考核汇总, each named as the flag.
///
///     [[flags]]
///     name = "建议更换"
///     when = 'consecutive(末位, 3) and not 完成工作任务'
enum FlagsSection {
    /// The flags checked without error, and every flag declared, also one whose condition has an
    /// error (so that no use of it is reported as unknown on top of that error).
    struct Flags {
        var flags: [FlagSpec] = []
        var names: [String] = []
    }

    static func read(_ d: RuleReading) -> Flags {
        var out = Flags()
        var firstLocations: [String: SourceLocation] = [:]
        for (i, ft) in d.top.tables("flags").enumerated() {
            let r = d.section(ft, RulePlaces.flagSection(i + 1), allowed: ["name", "when"])
            guard let nameString = r.string("name"), let s = r.string("when") else { continue }
            let name = nameString.value
            // Each flag is a 是/否 column named as the flag: two of one name would be two such columns.
            if let first = firstLocations[name] {
                d.report(RuleMessages.flagDeclaredTwice(name, firstLine: first.line, at: nameString.location(ofCharacterAt: 0)))
                continue
            }
            firstLocations[name] = nameString.location(ofCharacterAt: 0)
            out.names.append(name)
            if let (e, _) = d.expression(s, scope: .worker, expecting: .bool, what: RulePlaces.flag(name)) {
                out.flags.append(FlagSpec(name: name, when: e, sourceText: s.value, location: ft.location))
            }
        }
        return out
    }
}
