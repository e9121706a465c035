/// `[[items]]`: the assessment items, in sheet order. An item starts from its full marks (or a
/// score expression) and loses points by its deductions (DeductionReader).
///
///     [[items]]
///     name = "电话畅通"
///     full = 20                     # or score = '<expression>'
///     min = "none"                  # optional floor / ceiling ("none": explicitly none)
///     max = "none"
///       [[items.deductions]]  …
enum ItemsSection {
    static let keys = ["name", "full", "score", "deductions", "min", "max"]

    /// The items as written (each table, its name where it has one, reported once where not)
    /// and, by the same index, their checked definitions.
    struct Declared {
        var tables: [TOMLTable] = []
        var names: [String?] = []
        var checked: [CheckedPart<ItemSpec>] = []
    }

    static func read(_ d: RuleReading) -> Declared {
        var items = Declared()
        items.tables = d.top.tables("items")
        items.checked = items.tables.map { _ in CheckedPart() }
        var sections: [TOMLSection] = []
        for (i, it) in items.tables.enumerated() {
            let r = d.section(it, RulePlaces.itemSection(i + 1), allowed: keys)
            sections.append(r)
            let name = r.string("name")
            items.names.append(name?.value)
            if let name { d.declare(name.value, .item(i), at: name.location(ofCharacterAt: 0)) }
        }
        for (i, r) in sections.enumerated() {
            let name = items.names[i] ?? "#\(i + 1)"
            let slot = items.checked[i]
            d.define(.item(i)) {
                slot.value = readItem(r, name: name, d)
                return .number
            }
        }
        if items.tables.isEmpty { d.report(RuleMessages.noItems(at: d.root.location)) }
        return items
    }

    /// The item's definition, checked when first needed (its expressions may name other items).
    static func readItem(_ r: TOMLSection, name: String, _ d: RuleReading) -> ItemSpec? {
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
