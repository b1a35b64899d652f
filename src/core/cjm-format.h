/* cjm-format.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The .cjm format: see doc/cjm-format.md. The namespace never changes; the
 * version attribute says which revision of the format wrote the file. */
#define CJM_FORMAT_NAMESPACE   "https://example.org/ns/journey-mapper"
#define CJM_FORMAT_VERSION     "1.0"
#define CJM_FORMAT_MAJOR       1
#define CJM_FORMAT_MINOR       0
#define CJM_FORMAT_ROOT        "journey-map"

/* Files larger than this are refused before they are parsed: a real map with
 * embedded persona pictures stays far below it. */
#define CJM_MAX_FILE_SIZE      (64 * 1024 * 1024)
/* How deep elements may nest: real maps need 6 levels, unknown content from
 * newer versions gets generous room, hostile files are stopped. */
#define CJM_MAX_DEPTH          64

#define CJM_FORMAT_ERROR (cjm_format_error_quark ())

typedef enum
{
  CJM_FORMAT_ERROR_TOO_LARGE,      /* over CJM_MAX_FILE_SIZE */
  CJM_FORMAT_ERROR_MALFORMED,      /* not well-formed XML or JSON */
  CJM_FORMAT_ERROR_UNSAFE,         /* DOCTYPE, entities, too deep */
  CJM_FORMAT_ERROR_NOT_A_MAP,      /* well-formed, but not a journey map */
  CJM_FORMAT_ERROR_INVALID,        /* a journey map, but with a value that cannot be used */
  CJM_FORMAT_ERROR_UNKNOWN_FORMAT, /* a file name whose extension names no format we know */
} CjmFormatError;

GQuark cjm_format_error_quark (void);

G_END_DECLS
