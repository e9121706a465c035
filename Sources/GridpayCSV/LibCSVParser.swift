import CLibCSV

/// Owns one libcsv parser. The C struct lives on the heap because libcsv keeps using it between calls
/// and a Swift stored struct has no stable address.
final class LibCSVParser {
    let handle: UnsafeMutablePointer<csv_parser>

    /// Strict (malformed quoting is an error, also an unclosed quote at the end), every unquoted CR/LF reported
    /// (so blank lines and CRLF can be counted), spaces kept as data, and a NUL after every field
    /// (kept so the options match the benchmark floor's; fields are validated in place).
    init(path: String, delimiter: UInt8) throws(CSVReadError) {
        handle = .allocate(capacity: 1)
        handle.initialize(to: csv_parser())
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL)
        let status = csv_init(handle, options)
        guard status == 0 else {
            // csv_init did not finish, so csv_free (which calls the struct's free function) must not run.
            handle.deallocate()
            throw .libcsv(path: path, code: status, message: "csv_init failed")
        }
        // libcsv trims spaces and tabs around unquoted fields by default; a predicate that never matches keeps them.
        csv_set_space_func(handle, gridpay_csv_never_space)
        csv_set_delim(handle, delimiter)
    }

    deinit {
        csv_free(handle)
        handle.deinitialize(count: 1)
        handle.deallocate()
    }

    /// The bytes of the field libcsv is still collecting (used to place an error on the right line).
    var partialField: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: handle.pointee.entry_buf, count: handle.pointee.entry_pos)
    }
}
