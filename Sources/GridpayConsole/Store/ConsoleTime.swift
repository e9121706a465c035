import Foundation

/// Times as the console writes and shows them (SPEC §14: local time with its zone), e.g.
/// `2026-12-08 00:32:57 +08:00`: the server's zone (TZ, else /etc/localtime) when the row was
/// written. A text starting with the date sorts and filters by day (`?from=2026-10-01`).
enum ConsoleTime {
    static func formatter(_ zone: TimeZone, _ format: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = format
        return f
    }

    /// `date` in local time with the zone's offset.
    static func local(_ date: Date = Date()) -> String {
        formatter(TimeZone.current, "yyyy-MM-dd HH:mm:ss xxx").string(from: date)
    }

    /// A stored time shown as `local` shows one: an ISO 8601 time (rows written before, e.g.
    /// `2026-12-07T16:32:57Z`) in local time with the zone; any other text as it is.
    static func shown(stored: String) -> String {
        guard stored.count >= 20, stored.dropFirst(10).first == "T" else { return stored }
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime]
        return iso.date(from: stored).map { local($0) } ?? stored
    }

    /// The ledger's closing time (`yyyy-MM-dd HH:mm:ss`, UTC) in local time with the zone.
    static func shown(ledgerUTC: String) -> String {
        formatter(TimeZone(identifier: "UTC")!, "yyyy-MM-dd HH:mm:ss").date(from: ledgerUTC).map { local($0) } ?? "\(ledgerUTC) UTC"
    }
}
