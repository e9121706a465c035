/// The distinct values of the roster's group column, numbered in order of first appearance, with
/// their members in roster order; looked up from a cell's bytes like worker ids.
public struct RosterGroups: Sendable {
    /// Group number of each worker.
    public let groupOf: [Int]
    /// Workers of each group, in roster order.
    public let members: [[Int]]
    /// The group's value as the roster writes it.
    public let values: [String]
    nonisolated(unsafe) let index: ByteKeyIndex

    init(_ valueOfWorker: [String]) {
        var number: [String: Int] = [:]
        var values: [String] = []
        var members: [[Int]] = []
        var groupOf: [Int] = []
        let index = ByteKeyIndex()
        for (w, v) in valueOfWorker.enumerated() {
            let g: Int
            if let known = number[v] { g = known } else {
                g = values.count
                number[v] = g
                values.append(v)
                members.append([])
                index.append(v)
            }
            groupOf.append(g)
            members[g].append(w)
        }
        self.groupOf = groupOf
        self.members = members
        self.values = values
        self.index = index
    }

    public var count: Int { values.count }

    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? { index.find(bytes) }
    public func find(_ value: String) -> Int? {
        var v = value
        return v.withUTF8 { index.find($0) }
    }
}
