/* cjm-file.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-file"

#include "config.h"

#include "cjm-file.h"
#include "cjm-format.h"

/* STUB: to be written. */
CjmFileFormat
cjm_file_format_for_name (const char *name)
{
  return CJM_FILE_FORMAT_UNKNOWN;
}
