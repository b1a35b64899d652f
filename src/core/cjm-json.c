/* cjm-json.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-json"

#include "config.h"

#include "cjm-format.h"
#include "cjm-json.h"

/* STUB: to be written. */
CjmMap *
cjm_json_read (GBytes      *bytes,
               const char  *display_name,
               GPtrArray   *problems,
               GError     **error)
{
  g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_MALFORMED, "not implemented");
  return NULL;
}

GBytes *
cjm_json_write (CjmMap *map)
{
  return g_bytes_new (NULL, 0);
}
