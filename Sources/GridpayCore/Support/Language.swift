/// The language messages are worded in and `bilingual(zh:en:)` live in GridpayLanguage (which the
/// C libraries' wrappers word their errors with too); every user of GridpayCore sees them as its own.
@_exported import GridpayLanguage
