import Synchronization

/// The language gridpay words its messages in (SPEC §15): Chinese, or English for those who ask.
///
/// The library never reads the environment: the `gridpay` executable resolves the language once,
/// at start-up (`Language.resolved(from:)`), and sets the process's language (`Language.current`)
/// before anything is said. The library's own starting value is English, so that a library
/// caller or test that sets nothing keeps the English wording its fixtures were written in; the
/// product's default, Chinese, is `resolved(from:)`'s.
///
/// A piece of work that needs another language (a rule file's [[tests]] written in English read
/// by a Chinese `check`, 说明 always in Chinese) asks for it with `Language.with`, which holds
/// for that task or thread only: the process's language never changes under the console's other
/// requests. Work fanned out to other threads carries its language there (`Language.with(caller)`
/// in each), as task-local values do not cross `DispatchQueue.concurrentPerform`.
///
/// Its own module (no other dependency) so that the C libraries' thin wrappers (GridpayCSV,
/// GridpayXLSXReader, GridpayXLSX) word their errors from their own catalogues too, knowing
/// nothing of GridpayCore, which re-exports it.
public enum Language: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case zh
    case en

    public var description: String { self == .zh ? "zh" : "en" }

    /// The language messages are worded in now: the one this task or thread asked for
    /// (`Language.with`), else the process's. Setting it sets the process's language: the
    /// executable's start-up only.
    public static var current: Language {
        get { asked ?? process }
        set { selected.store(newValue.rawValue, ordering: .relaxed) }
    }

    /// The process's language, whatever this task or thread asked for.
    public static var process: Language { Language(rawValue: selected.load(ordering: .relaxed)) ?? .en }

    private static let selected = Atomic<UInt8>(Language.en.rawValue)

    /// The language `with` asked for in this task (and its child tasks) or, outside a task, on
    /// this thread.
    @TaskLocal private static var asked: Language?

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

    /// Runs `body` with `language` current in this task or on this thread only (other threads
    /// and the process keep theirs), then the one before again.
    public static func with<T>(_ language: Language, _ body: () throws -> T) rethrows -> T {
        try $asked.withValue(language, operation: body)
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
