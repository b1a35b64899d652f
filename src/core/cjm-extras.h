/* cjm-extras.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What an element of a file held that this version does not understand,
 * kept so that saving writes it back (the format never drops content).
 */

typedef struct
{
  char *prefix;   /* NULL for a default namespace declaration */
  char *uri;
} CjmExtraNamespace;

typedef struct
{
  char *ns_uri;   /* NULL when the attribute has no namespace */
  char *name;     /* as written, with its prefix: "ext:glow" */
  char *value;
} CjmExtraAttribute;

typedef struct
{
  GPtrArray *namespaces;  /* of CjmExtraNamespace: declarations of foreign namespaces */
  GPtrArray *attributes;  /* of CjmExtraAttribute */
  GPtrArray *nodes;       /* of char *: each unknown child element, serialised as XML */
} CjmExtras;

CjmExtras *cjm_extras_new           (void);
CjmExtras *cjm_extras_copy          (const CjmExtras *self);
void       cjm_extras_free          (CjmExtras       *self);
gboolean   cjm_extras_is_empty      (const CjmExtras *self);
gboolean   cjm_extras_equal         (const CjmExtras *a,
                                     const CjmExtras *b);
void       cjm_extras_add_namespace (CjmExtras       *self,
                                     const char      *prefix,
                                     const char      *uri);
void       cjm_extras_add_attribute (CjmExtras       *self,
                                     const char      *ns_uri,
                                     const char      *name,
                                     const char      *value);
void       cjm_extras_add_node      (CjmExtras       *self,
                                     const char      *xml);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmExtras, cjm_extras_free)

G_END_DECLS
