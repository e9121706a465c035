/// The README's function reference, generated from the catalog (FunctionReferenceTests fails
/// when README.md differs; GRIDPAY_RECORD_GOLDEN=1 rewrites it between the markers).
public enum FunctionReference {
    public static let beginMarker = "<!-- function reference: generated from FunctionCatalog.swift; edit there -->"
    public static let endMarker = "<!-- end of function reference -->"

    /// One section per family, one line per function: how it is written, what it gives, its
    /// arguments' types, where it may be used and how `explain` shows it.
    public static func markdown() -> String {
        var out: [String] = []
        for family in FunctionFamily.allCases {
            let entries = FunctionCatalog.entries.filter { $0.family == family }
            guard !entries.isEmpty else { continue }
            out.append("**\(family.rawValue)**")
            out.append("")
            for e in entries {
                out.append("- `\(e.usage)` → \(e.result): \(e.summary). Arguments: \(arguments(e)). "
                           + "Scope: \(e.scope.rawValue); explain: \(e.explain.rawValue).")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    static func arguments(_ e: FunctionEntry) -> String {
        e.arguments.isEmpty ? "none" : e.arguments.map { "\($0.name) (\($0.kind)\($0.optional ? ", optional" : ""))" }.joined(separator: ", ")
    }

    /// `readme` with the text between the markers replaced by the generated reference; nil when
    /// the markers are missing.
    public static func updating(_ readme: String) -> String? {
        guard let begin = readme.firstRange(of: beginMarker), let end = readme[begin.upperBound...].firstRange(of: endMarker) else {
            return nil
        }
        return String(readme[..<begin.upperBound]) + "\n\n" + markdown() + "\n" + String(readme[end.lowerBound...])
    }
}
