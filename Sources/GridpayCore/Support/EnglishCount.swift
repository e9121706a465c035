/// A count with its English noun, singular for one: "1 row", "2 rows" (English messages only;
/// Chinese needs no plural). `plural`: where it is not the singular with an s.
public func englishCount(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}

/// As `englishCount`, for a written number ("1 point", "0.5 points", "15 points").
public func englishCount(_ number: String, _ singular: String, _ plural: String? = nil) -> String {
    "\(number) \(number == "1" ? singular : plural ?? singular + "s")"
}
