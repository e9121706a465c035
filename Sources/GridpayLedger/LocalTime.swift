import Foundation

/// A time in local time with its zone's offset (`2026-11-02 01:30:00 +08:00`): status shows
/// times as the clerk's clock reads them, not as the ledger stores them (UTC).
enum LocalTime {
    static func text(_ date: Date, in zone: TimeZone) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
        return f.string(from: date)
    }

    /// A time the ledger recorded (UTC) as the clerk's clock reads it: in the process's zone (TZ).
    static func here(_ ledgerUTC: String) -> String { text(ledgerUTC: ledgerUTC, in: .current) }

    /// The ledger's `closed_at` (UTC, `yyyy-MM-dd HH:mm:ss`) in `zone`; as stored, marked UTC,
    /// where it does not read as such a time.
    static func text(ledgerUTC stamp: String, in zone: TimeZone) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        guard let date = f.date(from: stamp) else { return "\(stamp) UTC" }
        return text(date, in: zone)
    }
}
