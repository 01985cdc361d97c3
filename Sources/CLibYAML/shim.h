// libyaml's parser API (Debian: libyaml-dev), with which framework files written in YAML are read.
#ifndef MATURITY_CLIBYAML_SHIM_H
#define MATURITY_CLIBYAML_SHIM_H

#include <yaml.h>

#endif
