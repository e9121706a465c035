import Foundation
import Hummingbird

/// `POST …/submit`, `…/approve`, `…/return` `{"reason"}`, `…/verify` (SPEC §14).
struct ReviewRoutes: ConsoleRouteArea {
    struct ReasonBody: Decodable { var reason: String }

    func register(on router: Router<ConsoleContext>, console: Console) {
        let base = "/api/towns/{town}/periods/{period}"
        router.post(RouterPath("\(base)/submit")) { _, context in
            let ref = try PeriodRoutes.ref(context, console, roles: [.preparer])
            return try Reply.json(try await Review.submit(ref, account: try context.signedIn(), console: console))
        }
        router.post(RouterPath("\(base)/approve")) { _, context in
            let ref = try PeriodRoutes.ref(context, console, roles: [.checker])
            return try Reply.json(try await Review.approve(ref, account: try context.signedIn(), console: console))
        }
        router.post(RouterPath("\(base)/return")) { request, context in
            let ref = try PeriodRoutes.ref(context, console, roles: [.checker])
            let body = try await AuthRoutes.decode(ReasonBody.self, request, context)
            return try Reply.json(try await Review.returnToPreparer(ref, reason: body.reason, account: try context.signedIn(), console: console))
        }
        router.post(RouterPath("\(base)/verify")) { _, context in
            let ref = try PeriodRoutes.ref(context, console, roles: [.auditor])
            return try Reply.json(try await Review.verify(ref, account: try context.signedIn(), console: console))
        }
    }
}
