/// `[[items]]`: the assessment items, in sheet order. An item starts from its full marks (or a
/// score expression) and loses points by its deductions (09-DeductionReader).
///
///     [[items]]
///     name = "电话畅通"
///     full = 20                     # or score = '<expression>'
///     min = "none"                  # optional floor / ceiling ("none": explicitly none)
///     max = "none"
///       [[items.deductions]]  …
enum ItemsSection {
    static let keys = ["name", "full", "score", "deductions", "min", "max"]

    static func read(_ d: RuleDraft) {
        d.itemTables = d.top.tables("items")
        d.checkedItems = Array(repeating: nil, count: d.itemTables.count)
        for (i, it) in d.itemTables.enumerated() {
            let r = d.section(it, RulePlaces.itemSection(i + 1), allowed: keys)
            d.itemSections.append(r)
            let name = r.string("name")
            d.itemNames.append(name?.value)
            if let name { d.declare(name.value, .item(i), at: name.location(ofCharacterAt: 0)) }
        }
        for (i, r) in d.itemSections.enumerated() {
            let name = d.itemNames[i] ?? "#\(i + 1)"
            d.define(.item(i)) { [unowned d] in
                d.checkedItems[i] = readItem(r, name: name, d)
                return .number
            }
        }
        if d.itemTables.isEmpty { d.report(RuleMessages.noItems(at: d.root.location)) }
    }

    /// The item's definition, checked when first needed (its expressions may name other items).
    static func readItem(_ r: TOMLSection, name: String, _ d: RuleDraft) -> ItemSpec? {
        let full = r.number("full", required: false)
        var base: CheckedExpr = .constant(.number(full ?? .zero))
        var baseText = full?.description ?? "0"
        var ok = true
        if let s = r.string("score", required: false) {
            if let (e, _) = d.expression(s, scope: .worker, expecting: .number, what: RulePlaces.itemScore(name)) {
                base = e
                baseText = s.value
            } else { ok = false }
        } else if full == nil {
            d.report(RuleMessages.itemWithoutScore(name, at: r.table.location))
            ok = false
        }
        var deductions: [DeductionSpec] = []
        for (j, dt) in r.tables("deductions").enumerated() {
            if let spec = DeductionReader.read(dt, number: j + 1, item: name, ok: &ok, d) { deductions.append(spec) }
        }
        guard ok else { return nil }
        return ItemSpec(name: name, base: base, baseText: baseText, fullMarks: full, deductions: deductions,
                        minimum: r.numberOrNone("min"), maximum: r.numberOrNone("max"), location: r.table.location)
    }
}
