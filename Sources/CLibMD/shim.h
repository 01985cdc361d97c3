// libmd's SHA-256 (Debian: libmd-dev, the message digest functions from BSD), with which the content
// hash of a framework file is computed. The modulemap links libmd.a (`-l:libmd.a`), not the shared
// library, as CLibYAML does with libyaml: the binary needs nothing more to run, and the digest adds
// tens of kilobytes (OpenSSL's libcrypto, tried first, added 6 MB for the same function).
#ifndef MATURITY_CLIBMD_SHIM_H
#define MATURITY_CLIBMD_SHIM_H

#include <sys/types.h>
#include <stdint.h>
#include <sha2.h>

#endif
