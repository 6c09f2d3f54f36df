#ifndef DOSSIER_CLIBXML2_SHIM_H
#define DOSSIER_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its encoding.h would pull ICU headers
   whose UErrorCode clashes with Foundation's _FoundationICU module. We never
   allocate xmlCharEncodingHandler, so dropping its ICU fields is safe. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <libxml/catalog.h>
#include <libxml/HTMLparser.h>
#endif
