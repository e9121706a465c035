/// An id compared and hashed by its Unicode scalars (its UTF-8 bytes), never by Swift's canonical
/// equivalence: `Café` (U+00E9) and `Cafe` + U+0301 are two workers (README), as `IdOrder`
/// orders them. Use it as the key wherever ids of different rows meet (corrections, history,
/// ratings, verify): a `[String: …]` or `Set<String>` would merge the two.
public struct ExactID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: ExactID, b: ExactID) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    public func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func < (a: ExactID, b: ExactID) -> Bool { IdOrder.less(a.text, b.text) }

    public var description: String { text }
}
