// CLibCrypto: the one header Swift sees for OpenSSL's digest API.
#include <openssl/evp.h>
