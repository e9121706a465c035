/// Two hashes in one message: where they first differ, so that a reader comparing them by eye (or
/// a display that abbreviates them) never sees two equal-looking values called different.
public enum HashText {
    /// "they differ from hex digit 13 on: …3f9a2 against …c07e1", or "identical" for equal hashes.
    public static func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a), y = Array(b)
        let common = min(x.count, y.count)
        guard let i = (0..<common).first(where: { x[$0] != y[$0] }) ?? (x.count == y.count ? nil : common) else {
            return HashTextMessages.identical()
        }
        func from(_ s: [Character]) -> String { String(s[min(i, s.count)..<min(i + 8, s.count)]) }
        let lead = i == 0 ? "" : "…"
        return HashTextMessages.differFrom(digit: i + 1, "\(lead)\(from(x))", "\(lead)\(from(y))")
    }
}
