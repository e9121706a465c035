/// Grade bands (`[[grades]]`, `[[ratings.bands]]`, read by Sections/GradesSection): applied. Bands are listed
/// highest first, each with `min` (a score ≥ min gets the band), and the lowest without one, so
/// every score gets exactly one band.
public enum GradeBands {
    /// The product's name for a grade: the 等次 column and the value expressions use.
    public static let gradeName = "等次"

    /// The band a score falls in: the first whose minimum it reaches, else the lowest.
    public static func band(of score: ExactNumber, in bands: [GradeBand]) -> String {
        for b in bands {
            guard let m = b.minimum else { return b.name }
            if score >= m { return b.name }
        }
        return bands.last?.name ?? ""
    }
}
