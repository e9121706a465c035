/// After the problem of a row the user accepted (InputProblem.diagnostic), in both languages
/// (SPEC §15); `w.accept`: how the asking command accepts rows (`--accept`, the console's 「接受」).
enum AcceptedRowMessages {
    static func leftOut(words w: CommandWords) -> String {
        bilingual(zh: "（已用 \(w.accept) 接受：该行未计入）", en: " (accepted with \(w.accept): the row is left out)")
    }
}
