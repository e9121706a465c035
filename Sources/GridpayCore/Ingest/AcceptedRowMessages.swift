/// After the problem of a row accepted with --accept (InputProblem.diagnostic), in both
/// languages (SPEC §15).
enum AcceptedRowMessages {
    static func leftOut() -> String {
        bilingual(zh: "（已用 --accept 接受：该行未计入）", en: " (accepted with --accept: the row is left out)")
    }
}
