// libyaml's parser API (Debian: libyaml-dev), with which framework files written in YAML are read.
// The modulemap links libyaml.a (`-l:libyaml.a`), not the shared library: the binary needs no libyaml to run.
#ifndef MATURITY_CLIBYAML_SHIM_H
#define MATURITY_CLIBYAML_SHIM_H

#include <yaml.h>

#endif
