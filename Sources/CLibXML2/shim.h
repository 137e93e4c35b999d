/* SPDX-License-Identifier: Apache-2.0 */
#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 headers pull in the system ICU, which clashes with Foundation's bundled ICU
   ("'UErrorCode' has different definitions in different modules") on a clean build. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
/* xmlFree is a global function pointer; Swift 6 rejects touching it as shared mutable state. */
static inline void cxml_free(void *p) { xmlFree(p); }
/* A few libxml2 messages ("xmlParseChunk: encoder error") bypass every error hook and go to the
   thread's generic handler, stderr by default. Its type is variadic, which Swift cannot write. */
static void cxml_ignore_generic_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void cxml_silence_generic_errors(void) { xmlSetGenericErrorFunc(NULL, cxml_ignore_generic_error); }
#endif
