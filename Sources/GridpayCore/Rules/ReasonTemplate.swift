/// `{column}` placeholders in deduction reasons.
public enum ReasonTemplate {
    public static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var current: String?
        for ch in text {
            if ch == "{" { current = "" } else if ch == "}" {
                if let c = current { out.append(c) }
                current = nil
            } else if current != nil { current!.append(ch) }
        }
        return out
    }

    public static func fill(_ text: String, _ lookup: (String) -> String?) -> String {
        var out = ""
        var current: String?
        for ch in text {
            if ch == "{" { current = "" } else if ch == "}", let c = current {
                out += lookup(c) ?? "{\(c)}"
                current = nil
            } else if current != nil { current!.append(ch) } else { out.append(ch) }
        }
        if let c = current { out += "{" + c }
        return out
    }
}
