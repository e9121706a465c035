// Debian's libexpat1-dev (a SAX XML parser) and zlib1g-dev (inflate), for reading XLSX exports
// as a stream: a sheet's XML is parsed as it is inflated, never held whole.
#include <expat.h>
#include <zlib.h>
