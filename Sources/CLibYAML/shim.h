#ifndef DOSSIER_CLIBYAML_SHIM_H
#define DOSSIER_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
