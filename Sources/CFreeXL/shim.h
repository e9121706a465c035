// Debian's libfreexl-dev: reads legacy .xls (BIFF) workbooks.
#include <freexl.h>
