import Synchronization

/// The language gridpay words its messages in (SPEC §15): Chinese, or English for those who ask.
///
/// The library never reads the environment: the `gridpay` executable resolves the language once,
/// at start-up (`Language.resolved(from:)`), and sets `Language.current` before anything is said.
/// The library's own starting value is English, so that a library caller or test that sets
/// nothing keeps the English wording its fixtures were written in; the product's default,
/// Chinese, is `resolved(from:)`'s.
public enum Language: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case zh
    case en

    public var description: String { self == .zh ? "zh" : "en" }

    /// The language messages are worded in now.
    public static var current: Language {
        get { Language(rawValue: selected.load(ordering: .relaxed)) ?? .en }
        set { selected.store(newValue.rawValue, ordering: .relaxed) }
    }

    private static let selected = Atomic<UInt8>(Language.en.rawValue)

    /// The language an environment asks for: English when `GRIDPAY_LANG` is `en` (Chinese when it
    /// is `zh`), else when the message locale — the first non-empty of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` — starts with `en`; Chinese otherwise.
    public static func resolved(from environment: [String: String]) -> Language {
        switch environment["GRIDPAY_LANG"]?.lowercased() {
        case let asked? where asked.hasPrefix("en"): return .en
        case let asked? where asked.hasPrefix("zh"): return .zh
        default: break
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return locale?.hasPrefix("en") == true ? .en : .zh
    }

    /// Runs `body` with `language` current, then restores the one before (tests of one language).
    public static func with<T>(_ language: Language, _ body: () throws -> T) rethrows -> T {
        let before = current
        current = language
        defer { current = before }
        return try body()
    }
}

/// One message in both languages, the one of `Language.current` returned. Every message
/// function of a catalogue (`…Messages`) is one call of this, so no message exists in one
/// language only (`CatalogueLanguageTests` reads the catalogues and fails on a message that does).
/// Only the chosen text is built.
@inline(__always)
public func bilingual(zh: @autoclosure () -> String, en: @autoclosure () -> String) -> String {
    Language.current == .zh ? zh() : en()
}
