import Hummingbird

/// One area of the console (sign-in, towns, a period, review, the log, the pages...): its routes
/// live in their own file and register here. A new area (e.g. the rule workspace) adds a type and
/// one line to `all`.
protocol ConsoleRouteArea: Sendable {
    func register(on router: Router<ConsoleContext>, console: Console)
}

enum ConsoleRouteAreas {
    static let all: [any ConsoleRouteArea] = [
        AuthRoutes(), TownRoutes(), PeriodRoutes(), ArchiveRoutes(), ReviewRoutes(), RatingRoutes(), RuleRoutes(), LogRoutes(), AccountRoutes(), OpenAPIRoute(), PageRoutes(),
    ]
}
