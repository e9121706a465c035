// CLibCSV_: the one header Swift sees; libcsv's own header is csv.h.
#include <csv.h>
#include <stdio.h>
