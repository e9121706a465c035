/// "Did you mean" after a name that is not known (Suggestion.didYouMean), in both languages
/// (SPEC §15): every candidate at the smallest distance, the last joined with "or".
enum SuggestionMessages {
    /// `near`: one to three candidates, in their order.
    static func didYouMean(_ near: [String]) -> String {
        let last = near.last ?? ""
        let quoted = near.dropLast().map { "'\($0)'" }.joined(separator: ", ")
        let quotedZH = near.dropLast().map { "“\($0)”" }.joined(separator: "、")
        return bilingual(
            zh: "；是否应为\(near.count == 1 ? "“\(last)”" : "\(quotedZH)或“\(last)”")？",
            en: "; did you mean \(near.count == 1 ? "'\(last)'" : "\(quoted) or '\(last)'")?")
    }
}
