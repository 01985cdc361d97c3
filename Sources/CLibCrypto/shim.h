// OpenSSL's SHA-256 (Debian: libssl-dev), with which the content hash of a framework file is computed.
// The modulemap links libcrypto.a (`-l:libcrypto.a`), not the shared library, as CLibYAML does with
// libyaml: the binary needs no OpenSSL to run. Only the one-shot SHA256 function is used.
#ifndef MATURITY_CLIBCRYPTO_SHIM_H
#define MATURITY_CLIBCRYPTO_SHIM_H

#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>

#endif
