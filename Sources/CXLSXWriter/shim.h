// The one header Swift sees for libxlsxwriter (pkg-config name: xlsxwriter).
#include <xlsxwriter.h>
