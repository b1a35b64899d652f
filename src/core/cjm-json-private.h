/* cjm-json-private.h: what the JSON reader and writer share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cjm-element.h"
#include "cjm-format.h"

G_BEGIN_DECLS

/* The value of "format" in every JSON map. */
#define CJM_JSON_FORMAT_NAME "journey-mapper"

/* Keys of an element that this version does not know (written by a newer
 * one) are kept as attributes "json:KEY" in this namespace, whose value is
 * the member's value as compact JSON text. The .cjm writer saves them like
 * any unknown attribute, and the JSON writer turns them back into keys. */
#define CJM_JSON_NAMESPACE   "urn:journey-mapper:json"
#define CJM_JSON_PREFIX      "json"

/* A collection of child elements: the "revisions" … "connections" of the
 * map, the "steps" of a stage. */
typedef struct
{
  const char *key;
  GType     (*get_type) (void);
} CjmJsonChildren;

/* A value of JSON text, as _cjm_json_scan() finds it. */
typedef struct
{
  guint32 line;        /* where it starts */
  guint32 n_children;  /* the members of an object, the items of a list */
  char    kind;        /* '{', '[', '"', '0' (a number) or 'a' (true, false, null) */
} CjmJsonValue;

const CjmJsonChildren *_cjm_json_get_children     (CjmElement      *element,
                                                   guint           *n_children);
GListStore            *_cjm_json_get_child_store  (CjmElement      *element,
                                                   GType            child_type);
gboolean               _cjm_json_key_is_name      (const char      *key);
gboolean               _cjm_json_namespace_is_valid (const char    *uri);
gboolean               _cjm_json_key_is_reserved  (CjmElement      *element,
                                                   const char      *key);
gboolean               _cjm_json_scan             (const char      *data,
                                                   gsize            length,
                                                   guint            max_depth,
                                                   GArray          *values,
                                                   int             *line,
                                                   CjmFormatError  *code,
                                                   char           **message);
JsonNode              *_cjm_json_parse_value      (const char      *text,
                                                   guint            max_depth)
                                                   G_GNUC_WARN_UNUSED_RESULT;
char                  *_cjm_json_to_compact_text  (JsonNode        *node) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
