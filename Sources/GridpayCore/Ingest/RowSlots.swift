/// The current row's decoded cells, reused for every row of a file (plain buffers: no
/// copy-on-write check per cell): each declared column's value, the number of its choice (-1:
/// none), and its bytes as the file writes them.
final class RowSlots {
    let count: Int
    let values: UnsafeMutablePointer<Value>
    let choices: UnsafeMutablePointer<Int32>
    let fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>

    init(columns: Int) {
        count = columns
        values = .allocate(capacity: max(1, columns))
        values.initialize(repeating: .bool(false), count: columns)
        choices = .allocate(capacity: max(1, columns))
        choices.initialize(repeating: -1, count: columns)
        fields = .allocate(capacity: max(1, columns))
        fields.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0), count: columns)
    }

    deinit {
        values.deinitialize(count: count)
        values.deallocate()
        choices.deallocate()
        fields.deallocate()
    }

    /// The row as rules read it.
    var view: RowView {
        RowView(values: UnsafeBufferPointer(start: values, count: count),
                choices: UnsafeBufferPointer(start: choices, count: count),
                fields: UnsafeBufferPointer(start: fields, count: count))
    }

    /// The row's values, kept (a roster row).
    var kept: [Value] { Array(UnsafeBufferPointer(start: values, count: count)) }
}
