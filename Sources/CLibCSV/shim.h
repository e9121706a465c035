// CLibCSV: the one header Swift sees; libcsv's own header is csv.h.
#include <csv.h>
#include <stdio.h>

// gridpay_csv_never_space: libcsv calls its space predicate for every byte of an unquoted
// field; a plain C function costs less than a Swift closure thunk there. Returning 0 keeps
// spaces and tabs as data (libcsv trims them by default).
static inline int gridpay_csv_never_space(unsigned char c) {
    (void)c;
    return 0;
}
