/* cjm-xml-reader.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-xml-reader"

#include "config.h"

#include "cjm-format.h"
#include "cjm-xml.h"

/* STUB: to be written. */
CjmMap *
cjm_xml_read (GBytes      *bytes,
              const char  *display_name,
              GPtrArray   *problems,
              GError     **error)
{
  g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_MALFORMED, "not implemented");
  return NULL;
}
