/// The one order of ids (and of other text the sheets list by): Unicode code points, as SPEC §11
/// pins it ("compared as text, by Unicode code points, as every id ordering in this spec").
/// Swift's `<` on String compares the canonical (NFC) form instead, so a decomposed "e\u{301}"
/// would sort after "f"; UTF-8 byte order is code-point order, and cheap to compare.
public enum IdOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
