/* cjm-xml-writer.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-xml-writer"

#include "config.h"

#include "cjm-xml.h"

/* STUB: to be written. */
GBytes *
cjm_xml_write (CjmMap *map)
{
  return g_bytes_new (NULL, 0);
}
